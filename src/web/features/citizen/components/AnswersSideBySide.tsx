import { Badge, List, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { conversationFocus, findItem, textOf, type Instrument, type Lang } from '../../../../domain/fip/index.ts';
import type { Round } from '../../../lib/types.ts';
import { mirroredRows } from '../../../lib/fip-calc.ts';

function fmt(v: number | null | undefined, dk: string): string {
  return typeof v === 'number' ? String(v) : v === null ? dk : '–';
}

/** Citizen and caseworker answers of one round, mirrored items on one row, with the focus points. */
export function AnswersSideBySide({ instrument, round, lang }: { instrument: Instrument; round: Round; lang: Lang }) {
  const { t } = useTranslation();
  const rows = mirroredRows(instrument, round);
  const focus = conversationFocus(instrument, round.answers.citizen, round.answers.caseworker);
  const dk = t('citizenPage.dontKnowShort');
  const gapIds = new Set(focus.gaps.map((g) => g.citizenItem));
  const lowIds = new Set(focus.lowest.map((l) => l.itemId));
  const text = (id: string) => {
    const item = findItem(instrument, id);
    return item ? textOf(item.text, lang) : id;
  };
  return (
    <>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="focus-title">
        <Title order={2} size="h3" id="focus-title" mb="xs">
          {t('citizenPage.focusTitle', { n: round.roundNo })}
        </Title>
        {focus.gaps.length === 0 && focus.lowest.length === 0 ? (
          <Text size="sm">{t('citizenPage.noFocus')}</Text>
        ) : (
          <List spacing={4} data-testid="focus-list">
            {focus.gaps.map((g) => (
              <List.Item key={`gap-${g.citizenItem}`}>
                <Badge color="grape.9" variant="filled" tt="none" me={8}>
                  {t('citizenPage.focusGap')}
                </Badge>
                {text(g.citizenItem)}{' '}
                <Text span size="sm">
                  ({t('citizenPage.citizenShort')} {g.citizen}, {t('citizenPage.caseworkerShort')} {g.caseworker})
                </Text>
              </List.Item>
            ))}
            {focus.lowest.map((l) => (
              <List.Item key={`low-${l.itemId}`}>
                <Badge color="red.9" variant="filled" tt="none" me={8}>
                  {t('citizenPage.focusLow')}
                </Badge>
                {text(l.itemId)}{' '}
                <Text span size="sm">
                  ({t('citizenPage.citizenShort')} {l.value})
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
        {/* Scrolls sideways on a phone: focusable so keyboard users can scroll it. */}
        <div className="jv-table-wrap" tabIndex={0} role="group" aria-labelledby="side-title">
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
