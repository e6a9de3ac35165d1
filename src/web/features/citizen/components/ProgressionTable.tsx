import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textOf, type Instrument, type Lang } from '../../../../domain/fip/index.ts';
import type { Round } from '../../../lib/types.ts';
import { indexScore } from '../../../lib/fip-calc.ts';

function delta(a: number | null | undefined, b: number | null | undefined): string {
  if (typeof a !== 'number' || typeof b !== 'number') return '–';
  const d = b - a;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(Number.isInteger(d) ? 0 : 1)}`;
}
function num(v: number | null | undefined): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : '–';
}

/** Progression per item and per index across the rounds (first vs. last shown as change). */
export function ProgressionTable({ instrument, rounds, lang }: { instrument: Instrument; rounds: Round[]; lang: Lang }) {
  const { t } = useTranslation();
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const valueOf = (r: Round, itemId: string, respondent: 'citizen' | 'caseworker') => r.answers[respondent][itemId];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-title">
      <Title order={2} size="h3" id="prog-title" mb="xs">
        {t('citizenPage.progression')}
      </Title>
      <div className="jv-table-wrap">
        <Table striped data-testid="progression">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('citizenPage.item')}</Table.Th>
              {rounds.map((r) => (
                <Table.Th key={r.id} ta="center">
                  {t('citizenPage.roundN', { n: r.roundNo })}
                </Table.Th>
              ))}
              <Table.Th ta="center">{t('citizenPage.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {instrument.indices.map((ix) => (
              <Table.Tr key={`ix-${ix.id}`} fw={700}>
                <Table.Th scope="row">
                  {t('citizenPage.index')}: {textOf(ix.label, lang)}
                </Table.Th>
                {rounds.map((r) => (
                  <Table.Td key={r.id} ta="center">
                    {num(indexScore(instrument, r, ix.id))}
                  </Table.Td>
                ))}
                <Table.Td ta="center">
                  {first && last ? delta(indexScore(instrument, first, ix.id), indexScore(instrument, last, ix.id)) : '–'}
                </Table.Td>
              </Table.Tr>
            ))}
            {instrument.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={400}>
                  {t(item.respondent === 'citizen' ? 'citizenPage.citizenShort' : 'citizenPage.caseworkerShort')}:{' '}
                  {textOf(item.text, lang)}
                </Table.Th>
                {rounds.map((r) => (
                  <Table.Td key={r.id} ta="center">
                    {num(valueOf(r, item.id, item.respondent))}
                  </Table.Td>
                ))}
                <Table.Td ta="center">
                  {first && last ? delta(valueOf(first, item.id, item.respondent), valueOf(last, item.id, item.respondent)) : '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
