// Sensitivity to hidden bias of the adjusted estimates (decision 030): E-values and, for
// matching, Rosenbaum's Γ, from the result's optional `sensitivity` list (none in results of
// older versions: nothing shown). Employment first, as the results table. One landmark: the
// scrolling table region, named by the heading.
import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { methodVocabulary, type SensitivityRow } from '../api.ts';
import { formatNumber } from '../format.ts';
import { subgroupLabel } from './warning-text.ts';

const DOT = { display: 'inline-block', width: '0.7em', height: '0.7em', borderRadius: '50%', marginInlineEnd: '0.35em' } as const;

export function SensitivityTable({ rows }: { rows: readonly SensitivityRow[] | undefined }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  if (!rows || rows.length === 0) return null;
  const employment = rows.filter((r) => r.outcome === 'employment');
  const shown = employment.length > 0 ? employment : rows;
  const times = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : formatNumber(x, lang, 2));
  const hasGamma = shown.some((r) => r.rosenbaum_gamma !== undefined);
  return (
    <div>
      <Title order={3} size="h4" id="jv-eval-sensitivity">
        {t('evaluation.sensitivity.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('evaluation.sensitivity.intro')}
      </Text>
      <div className="jv-table-wrap" tabIndex={0} role="region" aria-labelledby="jv-eval-sensitivity">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.col.outcome')}</Table.Th>
              <Table.Th>{t('evaluation.col.subgroup')}</Table.Th>
              <Table.Th>{t('evaluation.col.method')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.sensitivity.eValue')}</Table.Th>
              <Table.Th ta="end">{t('evaluation.sensitivity.eValueCi')}</Table.Th>
              {hasGamma && <Table.Th ta="end">{t('evaluation.sensitivity.gamma')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => {
              const v = methodVocabulary(r.method);
              return (
                <Table.Tr key={`${r.outcome}|${r.subgroup}|${r.method}`}>
                  <Table.Td>{t(`evaluation.outcome.${r.outcome}`, { defaultValue: r.outcome })}</Table.Td>
                  <Table.Td>{subgroupLabel(t, r.subgroup)}</Table.Td>
                  <Table.Td>
                    {v && <span aria-hidden="true" style={{ ...DOT, background: v.colour }} />}
                    {v ? t(v.labelKey) : r.method}
                  </Table.Td>
                  <Table.Td ta="end">{times(r.e_value)}</Table.Td>
                  <Table.Td ta="end">{times(r.e_value_ci)}</Table.Td>
                  {hasGamma && <Table.Td ta="end">{r.rosenbaum_gamma === undefined ? '' : r.rosenbaum_gamma === null ? t('evaluation.sensitivity.notSignificant') : times(r.rosenbaum_gamma)}</Table.Td>}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </div>
  );
}
