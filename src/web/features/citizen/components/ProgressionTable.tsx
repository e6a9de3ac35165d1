import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { indicesAcross, itemsAcross, progression, textOf, type Instrument, type Lang, type ProgressionRow } from '../../../../domain/fip/index.ts';
import type { Round } from '../../../lib/types.ts';
import { formatChange as signed, formatValue as num } from '../../../lib/signed-number.ts';

interface Props {
  /** The newest round's version: its items and indices lead the rows. */
  instrument: Instrument;
  /** Every round's own version by instrumentVersion: each round is scored against it. */
  versions: ReadonlyMap<string, Instrument>;
  rounds: Round[];
  lang: Lang;
}

/** Progression per index and item across the rounds (progression() from src/domain/fip), each round on its own version. */
export function ProgressionTable({ instrument, versions, rounds, lang }: Props) {
  const { t } = useTranslation();
  const versionOf = (r: Round) => versions.get(r.instrumentVersion) ?? instrument;
  const prog = progression(
    instrument,
    rounds.map((r) => ({ roundNo: r.roundNo, citizen: r.answers.citizen, caseworker: r.answers.caseworker, instrument: versionOf(r) })),
  );
  // Labels from the newest version that has the row's item or index.
  const all = [instrument, ...[...rounds].sort((a, b) => b.roundNo - a.roundNo).map(versionOf)];
  const itemById = new Map(itemsAcross(all).map((item) => [item.id, item]));
  const indexById = new Map(indicesAcross(all).map((index) => [index.id, index]));
  const who = (row: ProgressionRow) => t(row.respondent === 'citizen' ? 'citizenPage.citizenShort' : 'citizenPage.caseworkerShort');
  const label = (row: ProgressionRow) => {
    if (row.kind === 'index') {
      const ix = indexById.get(row.id);
      return `${t('citizenPage.index')}: ${ix ? textOf(ix.label, lang) : row.id} (${who(row)})`;
    }
    const item = itemById.get(row.id);
    return `${who(row)}: ${item ? textOf(item.text, lang) : row.id}`;
  };
  const last = prog.rounds.length - 1;
  const body = (row: ProgressionRow) => (
    <Table.Tr key={`${row.kind}-${row.id}-${row.respondent}`} fw={row.kind === 'index' ? 700 : undefined}>
      <Table.Th scope="row" fw={row.kind === 'index' ? 700 : 400}>
        {label(row)}
      </Table.Th>
      {row.values.map((v, i) => (
        <Table.Td key={i} ta="center">
          <bdi dir="ltr">
            {num(v, lang)}
            {i > 0 && row.changeFromPrevious[i] !== null && (
              <span style={{ fontSize: '0.8em', marginInlineStart: 4 }}>({signed(row.changeFromPrevious[i], lang)})</span>
            )}
          </bdi>
        </Table.Td>
      ))}
      <Table.Td ta="center">
        <bdi dir="ltr">{last > 0 ? signed(row.changeFromFirst[last], lang) : '–'}</bdi>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="prog-title">
      <Title order={2} size="h3" id="prog-title" mb="xs">
        {t('citizenPage.progression')}
      </Title>
      {/* Scrolls sideways on a phone: focusable so keyboard users can scroll it. */}
      <div className="jv-table-wrap" tabIndex={0} role="group" aria-labelledby="prog-title">
        <Table striped data-testid="progression">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('citizenPage.item')}</Table.Th>
              {prog.rounds.map((n) => (
                <Table.Th key={n} ta="center">
                  {t('citizenPage.roundN', { n })}
                </Table.Th>
              ))}
              <Table.Th ta="center">{t('citizenPage.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {prog.indices.map(body)}
            {prog.items.map(body)}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}
