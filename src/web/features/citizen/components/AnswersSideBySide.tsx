import { Badge, List, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textOf, type Instrument, type Lang } from '../../../../domain/fip/index.ts';
import type { Round } from '../../../lib/types.ts';
import { focusPoints, mirroredRows } from '../../../lib/fip-calc.ts';

function fmt(v: number | null | undefined, dk: string): string {
  return typeof v === 'number' ? String(v) : v === null ? dk : '–';
}

/** Citizen and caseworker answers of one round, mirrored items on one row, with the focus points. */
export function AnswersSideBySide({ instrument, round, lang }: { instrument: Instrument; round: Round; lang: Lang }) {
  const { t } = useTranslation();
  const rows = mirroredRows(instrument, round);
  const focus = focusPoints(rows);
  const dk = t('citizenPage.dontKnowShort');
  const gapIds = new Set(focus.filter((f) => f.kind === 'gap').map((f) => f.row.citizenItem?.id));
  const lowIds = new Set(focus.filter((f) => f.kind === 'low').map((f) => f.row.citizenItem?.id));
  const itemText = (r: (typeof rows)[number]) =>
    r.citizenItem ? textOf(r.citizenItem.text, lang) : r.caseworkerItem ? textOf(r.caseworkerItem.text, lang) : '';
  return (
    <>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="focus-title">
        <Title order={2} size="h3" id="focus-title" mb="xs">
          {t('citizenPage.focusTitle', { n: round.roundNo })}
        </Title>
        {focus.length === 0 ? (
          <Text size="sm">{t('citizenPage.noFocus')}</Text>
        ) : (
          <List spacing={4} data-testid="focus-list">
            {focus.map((f, i) => (
              <List.Item key={i}>
                <Badge color={f.kind === 'gap' ? 'grape.9' : 'red.9'} variant="filled" me={8}>
                  {f.kind === 'gap' ? t('citizenPage.focusGap') : t('citizenPage.focusLow')}
                </Badge>
                {itemText(f.row)}{' '}
                <Text span size="sm">
                  ({t('citizenPage.citizenShort')} {fmt(f.row.citizen, dk)}
                  {f.kind === 'gap' && `, ${t('citizenPage.caseworkerShort')} ${fmt(f.row.caseworker, dk)}`})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="side-title">
        <Title order={2} size="h3" id="side-title" mb="xs">
          {t('citizenPage.sideBySide', { n: round.roundNo })}
        </Title>
        <div className="jv-table-wrap">
          <Table striped data-testid="side-by-side">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('citizenPage.citizenQuestion')}</Table.Th>
                <Table.Th ta="center">{t('citizenPage.citizenShort')}</Table.Th>
                <Table.Th ta="center">{t('citizenPage.caseworkerShort')}</Table.Th>
                <Table.Th>{t('citizenPage.caseworkerQuestion')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => {
                const id = r.citizenItem?.id;
                const hl = id && gapIds.has(id) ? 'var(--mantine-color-grape-0)' : id && lowIds.has(id) ? 'var(--mantine-color-red-0)' : undefined;
                return (
                  <Table.Tr key={i} style={hl ? { background: hl } : undefined}>
                    <Table.Td>{r.citizenItem ? textOf(r.citizenItem.text, lang) : '–'}</Table.Td>
                    <Table.Td ta="center" fw={700}>
                      {r.citizenItem ? fmt(r.citizen, dk) : '–'}
                    </Table.Td>
                    <Table.Td ta="center" fw={700}>
                      {r.caseworkerItem ? fmt(r.caseworker, dk) : '–'}
                    </Table.Td>
                    <Table.Td>{r.caseworkerItem ? textOf(r.caseworkerItem.text, lang) : '–'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      </Paper>
    </>
  );
}
