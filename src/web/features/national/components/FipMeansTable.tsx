// The country's FIP answers: mean answer per item by gender for the year's round-1 cohort, in
// round 1 or 2, with n and the 95 % interval — the booklet's figure for every municipality
// together (GET /api/national/fip-means). Cells under 5 persons are "<5" and have no mean.
import { useState } from 'react';
import { Alert, Box, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textOf } from '../../../../domain/fip/index.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDecimal, formatNumber } from '../../../lib/numbers.ts';
import { problemText } from '../../../lib/problem-message.ts';
import type { NationalFipMeans } from '../../../lib/types.ts';
import { useInstrument, useNationalFipMeans } from '../api.ts';

type Cell = NationalFipMeans['items'][number]['cells'][number];
const GENDERS = ['F', 'M', 'all'] as const;

function MeanText({ cell }: { cell: Cell | undefined }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  if (!cell || cell.n.value === null) {
    return (
      <Text span c="gray.8" title={t(cell?.n.suppressed === 'secondary' ? 'national.secondary' : 'national.primary')}>
        {'<5'}
      </Text>
    );
  }
  if (cell.mean === null) return <Text span c="gray.8">{t('national.fip.noAnswers')}</Text>;
  return (
    <span dir="ltr">
      {formatDecimal(cell.mean, lang, 2)}
      {cell.low !== null && cell.high !== null ? (
        <Text span size="xs" c="gray.8">
          {` (${formatDecimal(cell.low, lang, 2)}–${formatDecimal(cell.high, lang, 2)})`}
        </Text>
      ) : null}
      <Text span size="xs" c="gray.8">{` n = ${formatNumber(cell.n.value, lang)}`}</Text>
    </span>
  );
}

export function FipMeansTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const [round, setRound] = useState<1 | 2>(1);
  const query = useNationalFipMeans(year, round);
  const instrument = useInstrument();
  const title = t('national.fip.title');
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text size="sm">{t('national.fip.definition', { year })}</Text>
      <SegmentedControl
        aria-label={t('national.fip.round')}
        value={String(round)}
        onChange={(v) => setRound(v === '2' ? 2 : 1)}
        data={[
          { value: '1', label: t('national.fip.roundN', { n: 1 }) },
          { value: '2', label: t('national.fip.roundN', { n: 2 }) },
        ]}
        style={{ alignSelf: 'start' }}
      />
      {query.isPending || instrument.isPending ? (
        <Loading />
      ) : query.isError || instrument.isError || !query.data || !instrument.data ? (
        <Alert color="red" role="alert">
          {problemText(t, query.error ?? instrument.error)}
        </Alert>
      ) : (
        <Box className="jv-table-wrap" tabIndex={0} role="region" aria-label={title} mah={620} style={{ overflow: 'auto' }}>
          <Table striped stickyHeader miw={640} data-testid="national-fip-means">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('national.fip.item')}</Table.Th>
                {GENDERS.map((g) => (
                  <Table.Th key={g} scope="col" ta="end">
                    {t(`national.genders.${g}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((item) => {
                const def = instrument.data.items.find((i) => i.id === item.itemId);
                return (
                  <Table.Tr key={item.itemId}>
                    <Table.Th scope="row" fw={400}>
                      <Text span size="xs" c="gray.8">
                        {t(`national.fip.respondent.${item.respondent}`)}
                      </Text>{' '}
                      {def ? textOf(def.text, lang) : ''}
                    </Table.Th>
                    {GENDERS.map((g) => (
                      <Table.Td key={g} ta="end">
                        <MeanText cell={item.cells.find((c) => c.gender === g)} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Stack>
  );
}
