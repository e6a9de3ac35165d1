// Outcomes of a citizen (ordinary employment, IGU start, education, self-sufficiency, programme
// end) and a small form to record one (POST /api/citizens/:id/outcomes).
import { problemText } from '../../../lib/problem-message.ts';
import { useState, type FormEvent } from 'react';
import { Alert, Autocomplete, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../domain/fip/index.ts';
import type { OutcomeKind, OutcomeView } from '../../../lib/types.ts';
import { ApiError } from '../../../lib/http.ts';
import { formatDate } from '../../../lib/dates.ts';
import { useCompanies, useCreateOutcome } from '../casework-api.ts';
import { READABLE_DESCRIPTION, outcomeKindLabel } from '../../../lib/casework-labels.ts';
import { companyLabel, matchCompany } from '../company-match.ts';
import { DateField } from '../../../components/ui/DateField.tsx';

const KINDS: OutcomeKind[] = ['employment', 'igu_start', 'education', 'self_sufficiency', 'programme_end'];
const SOURCES = ['caseworker', 'citizen', 'employer', 'register'] as const;
const WITH_COMPANY = new Set<OutcomeKind>(['employment', 'igu_start']);

function describeOutcome(o: OutcomeView, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts = [o.companyName, o.sector ? t(`casework.outcome.sector.${o.sector}`) : null, o.db07 ? `DB07 ${o.db07}` : null,
    o.hours !== null ? t('casework.offers.hours', { count: o.hours }) : null, t(`casework.outcome.source.${o.source}`, { defaultValue: o.source })];
  return parts.filter(Boolean).join(' · ');
}

interface Props {
  citizenId: string;
  outcomes: OutcomeView[];
  lang: Lang;
  today: string;
  canCreate: boolean;
  canViewCompanies: boolean;
}

export function OutcomeSection({ citizenId, outcomes, lang, today, canCreate, canViewCompanies }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="outcomes-title">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id="outcomes-title">
          {t('casework.outcome.title', { count: outcomes.length })}
        </Title>
        {canCreate && !open && (
          <Button variant="default" onClick={() => setOpen(true)} data-testid="record-outcome">
            {t('casework.outcome.record')}
          </Button>
        )}
      </Group>
      {outcomes.length === 0 && <Text size="sm">{t('casework.outcome.none')}</Text>}
      <Stack gap={4}>
        {outcomes.map((o) => (
          <Text size="sm" key={o.id} data-testid="outcome">
            <strong>{formatDate(o.date, lang)}</strong> · {outcomeKindLabel(t, o.kind)} · {describeOutcome(o, t)}
          </Text>
        ))}
      </Stack>
      {open && <OutcomeForm citizenId={citizenId} today={today} canViewCompanies={canViewCompanies} onDone={() => setOpen(false)} />}
    </Paper>
  );
}

function OutcomeForm({ citizenId, today, canViewCompanies, onDone }: { citizenId: string; today: string; canViewCompanies: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateOutcome(citizenId);
  const companies = useCompanies(canViewCompanies);
  const [kind, setKind] = useState<OutcomeKind>('employment');
  const [date, setDate] = useState(today);
  const [companyText, setCompanyText] = useState('');
  const [sector, setSector] = useState<'private' | 'public' | ''>('private');
  const [db07, setDb07] = useState('');
  const [hours, setHours] = useState<number | ''>(37);
  const [source, setSource] = useState<(typeof SOURCES)[number]>('caseworker');
  const withCompany = WITH_COMPANY.has(kind);
  const employment = kind === 'employment';
  const fieldErrors: Partial<Record<string, string>> = {};
  if (create.error instanceof ApiError) for (const e of create.error.errors) fieldErrors[e.field] ??= e.message;
  const err = (field: string) => (fieldErrors[field] ? t(`casework.outcome.invalid.${field}`, { defaultValue: fieldErrors[field] }) : undefined);

  const onCompany = (text: string) => {
    setCompanyText(text);
    const c = matchCompany(companies.data ?? [], text);
    if (c?.db07 && /^[0-9]{2,6}$/.test(c.db07) && db07 === '') setDb07(c.db07);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const c = matchCompany(companies.data ?? [], companyText);
    const name = c?.name ?? companyText.trim();
    create.mutate(
      {
        kind,
        date,
        source,
        ...(withCompany && name ? { companyName: name } : {}),
        ...(employment ? { sector: sector || null, db07: db07.trim() || null, hours: hours === '' ? null : hours } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="outcome-form-title">
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4" id="outcome-form-title">
          {t('casework.outcome.record')}
        </Title>
        {create.isError && (
          <Alert color="red" role="alert">
            {create.error instanceof ApiError && create.error.errors.length > 0 ? t('casework.form.fixErrors') : problemText(t, create.error)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('casework.outcome.kind')}
            name="outcomeKind"
            data={KINDS.map((k) => ({ value: k, label: outcomeKindLabel(t, k) }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as OutcomeKind)}
            error={err('kind')}
          />
          <DateField label={t('casework.outcome.date')} name="outcomeDate" value={date} onChange={setDate} error={err('date')} required />
          {withCompany && (
            <Autocomplete
              label={t('casework.form.company')}
              name="outcomeCompany"
              data={(companies.data ?? []).map(companyLabel)}
              value={companyText}
              onChange={onCompany}
              limit={6}
              maxDropdownHeight={420}
              comboboxProps={{ withinPortal: false }}
              renderOption={({ option }) => <span dir="auto">{option.value}</span>}
              error={err('companyName')}
            />
          )}
          {employment && (
            <>
              <NativeSelect
                label={t('casework.outcome.sectorLabel')}
                name="sector"
                data={[
                  { value: 'private', label: t('casework.outcome.sector.private') },
                  { value: 'public', label: t('casework.outcome.sector.public') },
                ]}
                value={sector}
                onChange={(e) => setSector(e.currentTarget.value as 'private' | 'public')}
                error={err('sector')}
              />
              <TextInput label={t('casework.outcome.db07')} description={t('casework.outcome.db07Hint')} styles={READABLE_DESCRIPTION} name="db07" value={db07} onChange={(e) => setDb07(e.currentTarget.value)} inputMode="numeric" dir="ltr" error={err('db07')} />
              <NumberInput label={t('casework.form.hours')} name="hours" value={hours} onChange={(v) => setHours(typeof v === 'number' ? v : '')} min={0} max={80} error={err('hours')} />
            </>
          )}
          <NativeSelect
            label={t('casework.outcome.sourceLabel')}
            name="source"
            data={SOURCES.map((s) => ({ value: s, label: t(`casework.outcome.source.${s}`) }))}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value as (typeof SOURCES)[number])}
            error={err('source')}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending} data-testid="save-outcome">
            {t('casework.outcome.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
