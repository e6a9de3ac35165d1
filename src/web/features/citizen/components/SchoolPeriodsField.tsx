// The school periods of an IGU on the placement form: one row (from, to inclusive) per period,
// "add" fills in the next suggested four weeks (suggestSchoolPeriod), each row can be removed.
// Problems are checked as the user types with the server's own rules (validateSchoolPeriods)
// and shown on the field they name; a server error on a row (e.g. a date it could not read)
// is shown there too.
import { Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '../../../../domain/dates.ts';
import { suggestSchoolPeriod, validateSchoolPeriods, type SchoolPeriod } from '../../../../domain/offers/index.ts';
import { READABLE_DESCRIPTION } from '../../../lib/casework-labels.ts';
import { DateField } from '../../../components/ui/DateField.tsx';

/** A fieldset flush with the form's other fields (no browser margin, may shrink on a phone). */
const FLUSH = { minInlineSize: 0 } as const;

interface Props {
  periods: SchoolPeriod[];
  onChange: (periods: SchoolPeriod[]) => void;
  /** The offer's start and planned end as the form shows them ('' or invalid: not known yet). */
  offerStart: string;
  offerEnd: string;
  today: string;
  /** Field errors from the server, by field name (`schoolPeriods.0.end`). */
  serverErrors: Partial<Record<string, string>>;
}

export function SchoolPeriodsField({ periods, onChange, offerStart, offerEnd, today, serverErrors }: Props) {
  const { t } = useTranslation();
  const start = isIsoDate(offerStart) ? offerStart : today;
  const end = isIsoDate(offerEnd) ? offerEnd : null;
  const complete = periods.every((p) => isIsoDate(p.start) && isIsoDate(p.end));
  const local = complete ? validateSchoolPeriods('igu', periods, start, end) : [];
  const errorOf = (field: string): string | undefined => {
    const issue = local.find((i) => i.field === field);
    if (issue) return t(`casework.schoolPeriods.error.${issue.code}`);
    return serverErrors[field] ? t('casework.schoolPeriods.error.invalid_date') : undefined;
  };
  const suggestion = suggestSchoolPeriod(start, end, periods.filter((p) => isIsoDate(p.end)));
  const set = (index: number, key: 'start' | 'end', value: string) =>
    onChange(periods.map((p, i) => (i === index ? { ...p, [key]: value } : p)));

  return (
    <Fieldset
      legend={<Text fw={700} size="sm">{t('casework.schoolPeriods.title')}</Text>}
      variant="unstyled"
      p={0}
      m={0}
      style={FLUSH}
      data-testid="school-periods"
    >
      <Text size="xs" c="gray.7" mb={6}>
        {t('casework.schoolPeriods.hint')}
      </Text>
      <Stack gap="xs">
        {periods.length === 0 && <Text size="sm">{t('casework.schoolPeriods.none')}</Text>}
        {periods.map((p, i) => (
          <Fieldset
            key={i}
            legend={<Text size="sm">{t('casework.schoolPeriods.row', { n: i + 1 })}</Text>}
            variant="unstyled"
            p={0}
            m={0}
            style={FLUSH}
            data-testid="school-period"
          >
            <Group align="flex-end" gap="xs" wrap="wrap">
              <SimpleGrid cols={2} spacing="xs" style={{ flex: '1 1 16rem' }}>
                <DateField
                  size="sm"
                  label={t('casework.schoolPeriods.from')}
                  name={`schoolPeriods.${i}.start`}
                  value={p.start}
                  onChange={(v) => set(i, 'start', v)}
                  error={errorOf(`schoolPeriods.${i}.start`)}
                  styles={READABLE_DESCRIPTION}
                />
                <DateField
                  size="sm"
                  label={t('casework.schoolPeriods.to')}
                  name={`schoolPeriods.${i}.end`}
                  value={p.end}
                  onChange={(v) => set(i, 'end', v)}
                  error={errorOf(`schoolPeriods.${i}.end`)}
                />
              </SimpleGrid>
              <Button size="sm" variant="subtle" color="red.9" c="red.9" onClick={() => onChange(periods.filter((_, j) => j !== i))}>
                {t('casework.schoolPeriods.remove', { n: i + 1 })}
              </Button>
            </Group>
          </Fieldset>
        ))}
        {serverErrors.schoolPeriods && (
          <Text size="sm" c="red.9" role="alert">
            {t('casework.schoolPeriods.error.not_igu')}
          </Text>
        )}
        <div>
          <Button
            size="sm"
            variant="default"
            disabled={suggestion === null}
            onClick={() => suggestion && onChange([...periods, suggestion])}
            data-testid="add-school-period"
          >
            {t('casework.schoolPeriods.add')}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
