import { useState } from 'react';
import { Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { methodVocabulary, type ResultRow } from '../api.ts';
import { formatCount, formatPercent, formatPoints, formatRelative } from '../format.ts';
import { subgroupLabel } from './warning-text.ts';

/** The method's colour, as in the HTML report's table and charts. */
const DOT = { display: 'inline-block', width: '0.7em', height: '0.7em', borderRadius: '50%', marginInlineEnd: '0.35em' } as const;

export function ResultsTable({ rows }: { rows: ResultRow[] }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const outcomes = [...new Set(rows.map((r) => r.outcome))];
  const [outcome, setOutcome] = useState<string>(outcomes.includes('employment') ? 'employment' : 'all');
  const shown = outcome === 'all' ? rows : rows.filter((r) => r.outcome === outcome);
  const outcomeLabel = (o: string) => t(`evaluation.outcome.${o}`, { defaultValue: o });
  const showOutcome = outcome === 'all';
  // A method this version does not know (a result of another jobvej version) shows by its id.
  const method = (m: string) => {
    const v = methodVocabulary(m);
    return { label: v ? t(v.labelKey) : m, colour: v?.colour };
  };
  return (
    <>
      <Group mb="xs">
        <Select
          label={t('evaluation.col.outcome')}
          value={outcome}
          onChange={(v) => setOutcome(v ?? 'all')}
          data={[{ value: 'all', label: t('evaluation.allOutcomes') }, ...outcomes.map((o) => ({ value: o, label: outcomeLabel(o) }))]}
          allowDeselect={false}
          w={280}
        />
      </Group>
      <div className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('evaluation.caption')}>
        <Table striped highlightOnHover>
          <Table.Caption>{showOutcome ? t('evaluation.caption') : `${t('evaluation.caption')}: ${outcomeLabel(outcome)}`}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {showOutcome && <Table.Th>{t('evaluation.col.outcome')}</Table.Th>}
              <Table.Th>{t('evaluation.col.subgroup')}</Table.Th>
              <Table.Th>{t('evaluation.col.method')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.col.n')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.col.treatedMean')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.col.controlMean')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.col.att')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.col.ci')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.col.relative')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => {
              const m = method(r.method);
              const significant = r.ci_low !== null && r.ci_high !== null && (r.ci_low > 0 || r.ci_high < 0);
              return (
                <Table.Tr key={`${r.outcome}|${r.subgroup}|${r.method}`}>
                  {showOutcome && <Table.Td>{outcomeLabel(r.outcome)}</Table.Td>}
                  <Table.Td>{subgroupLabel(t, r.subgroup)}</Table.Td>
                  <Table.Td>
                    {m.colour && <span aria-hidden="true" style={{ ...DOT, background: m.colour }} />}
                    {m.label}
                  </Table.Td>
                  <Table.Td ta="end">
                    {formatCount(r.n_treated, lang)} / {formatCount(r.n_control, lang)}
                  </Table.Td>
                  <Table.Td ta="end">{formatPercent(r.treated_mean, lang)}</Table.Td>
                  <Table.Td ta="end">{formatPercent(r.control_mean, lang)}</Table.Td>
                  <Table.Td ta="end" fw={significant ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {t('evaluation.points', { value: formatPoints(r.att, lang) })}
                  </Table.Td>
                  <Table.Td ta="end">
                    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t('evaluation.range', { low: formatPoints(r.ci_low, lang), high: formatPoints(r.ci_high, lang) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="end">{formatRelative(r.relative_effect, lang)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <Text size="sm" c="gray.8" mt="xs">
        {t('evaluation.legend')}
      </Text>
    </>
  );
}
