// The national view: for a year, each indicator per municipality and for the country, by quarter
// (and the year where it adds up), for all, women or men; sortable; small cells shown as "<5"
// with the rule beside the table. Aggregates only: there is nothing here to click through to.
import { useMemo, useState } from 'react';
import { Alert, Box, Group, NativeSelect, SegmentedControl, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNationalIndicators } from '../api.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatNumber } from '../../../lib/numbers.ts';
import type { NationalIndicators } from '../../../lib/types.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { FipMeansTable } from './FipMeansTable.tsx';

type Indicator = NationalIndicators['indicators'][number];
type Gender = 'all' | 'F' | 'M';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

function IndicatorTable({ indicator, gender }: { indicator: Indicator; gender: Gender }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const [sortBy, setSortBy] = useState<{ period: string | null; desc: boolean }>({ period: null, desc: false });
  const rows = useMemo(() => {
    const valueOf = (row: Indicator['rows'][number], period: string) => row.cells.find((c) => c.period === period && c.gender === gender)?.count;
    const country = indicator.rows.filter((r) => r.municipalityCode === null);
    const places = indicator.rows.filter((r) => r.municipalityCode !== null);
    if (sortBy.period !== null) {
      const p = sortBy.period;
      // Suppressed cells sort last either way: "<5" is not a number to rank by.
      places.sort((a, b) => {
        const va = valueOf(a, p)?.value ?? null;
        const vb = valueOf(b, p)?.value ?? null;
        if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
        return sortBy.desc ? vb - va : va - vb;
      });
    }
    return [...places, ...country];
  }, [indicator, gender, sortBy]);
  const valueOf = (row: Indicator['rows'][number], period: string) => row.cells.find((c) => c.period === period && c.gender === gender)?.count;
  const label = t(`national.indicator.${indicator.id}.title`);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {label}
      </Title>
      <Text size="sm">{t(`national.indicator.${indicator.id}.definition`)}</Text>
      <Box className="jv-table-wrap" tabIndex={0} role="region" aria-label={label} mah={520} style={{ overflow: 'auto' }}>
        <Table striped stickyHeader miw={560} data-testid={`national-${indicator.id}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('national.municipality')}</Table.Th>
              {indicator.periods.map((p) => {
                const active = sortBy.period === p;
                return (
                  <Table.Th key={p} scope="col" ta="end" aria-sort={active ? (sortBy.desc ? 'descending' : 'ascending') : 'none'}>
                    <UnstyledButton onClick={() => setSortBy({ period: p, desc: active ? !sortBy.desc : true })} fw={700} fz="sm">
                      {t(`national.period.${p}`)}
                      {active ? (sortBy.desc ? ' ↓' : ' ↑') : ''}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.municipalityCode ?? 'country'} fw={row.municipalityCode === null ? 700 : undefined}>
                <Table.Th scope="row" fw={row.municipalityCode === null ? 700 : 400}>
                  {row.municipalityCode === null ? t('national.country') : row.municipalityName}
                </Table.Th>
                {indicator.periods.map((p) => {
                  const c = valueOf(row, p);
                  return (
                    <Table.Td key={p} ta="end" dir="ltr">
                      {c?.value === null || c === undefined ? (
                        <Text span c="gray.8" title={t(c?.suppressed === 'secondary' ? 'national.secondary' : 'national.primary')}>
                          {'<5'}
                        </Text>
                      ) : (
                        formatNumber(c.value, lang)
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}

export function NationalPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(THIS_YEAR);
  const [gender, setGender] = useState<Gender>('all');
  const query = useNationalIndicators(year);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('national.title')}
      </Title>
      {/* A manager gets their own municipality and the country only. */}
      <Text>{t(query.data && query.data.indicators[0] && query.data.indicators[0].rows.length <= 2 ? 'national.introOwn' : 'national.intro')}</Text>
      <Group gap="md" align="end" wrap="wrap">
        <NativeSelect
          label={t('national.year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.currentTarget.value))}
          data={YEARS.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <SegmentedControl
          aria-label={t('national.gender')}
          value={gender}
          onChange={(v) => setGender(v as Gender)}
          data={[
            { value: 'all', label: t('national.genders.all') },
            { value: 'F', label: t('national.genders.F') },
            { value: 'M', label: t('national.genders.M') },
          ]}
        />
      </Group>
      <Alert color="gray" variant="light" title={t('national.suppressionTitle')}>
        {t('national.suppression', { n: query.data?.minPersons ?? 5 })}
      </Alert>
      {query.isPending ? (
        <Loading />
      ) : query.isError || !query.data ? (
        <Alert color="red" role="alert">
          {problemText(t, query.error)}
        </Alert>
      ) : (
        query.data.indicators.map((indicator) => <IndicatorTable key={indicator.id} indicator={indicator} gender={gender} />)
      )}
      <FipMeansTable year={year} />
    </Stack>
  );
}
