// Timeliness for managers: how many of the municipality's active citizens are on time with each
// deadline rule as of a date — "breached at any time" beside "overdue now", with what each means
// (the numbers of `jobvej timeliness`, docs/timeliness.md). Counts only.
import { useState } from 'react';
import { Alert, Box, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeliness } from '../api.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { DateField } from '../../../components/ui/DateField.tsx';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatNumber, formatShare } from '../../../lib/numbers.ts';
import { formatDate } from '../../../lib/dates.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { ruleLabel } from '../../../lib/casework-labels.ts';
import { nameIn } from '../../../../domain/content-names.ts';

export function TimelinessPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const [asOf, setAsOf] = useState('');
  const query = useTimeliness(asOf);
  const data = query.data;
  const policy = data?.policy.name ? nameIn(data.policy.name, lang) : null;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('timeliness.title')}
      </Title>
      <Text c="gray.8">{t('timeliness.intro')}</Text>
      <Group align="end">
        <DateField label={t('timeliness.asOf')} name="asOf" value={asOf || (data?.asOf ?? '')} onChange={setAsOf} />
      </Group>
      {query.isPending ? (
        <Loading />
      ) : query.isError || !data ? (
        <Alert color="red" role="alert">
          {problemText(t, query.error)}
        </Alert>
      ) : (
        <>
          <Text fw={600} data-testid="timeliness-summary">
            {t('timeliness.summary', {
              municipality: data.municipality.name,
              date: formatDate(data.asOf, lang),
              citizens: formatNumber(data.citizens, lang),
              share: formatShare(data.shareAllOnTime, lang),
            })}
          </Text>
          {policy && (
            <Text size="sm" c="gray.8">
              {t('timeliness.policy', { policy: policy.text, from: formatDate(data.policy.effectiveFrom, lang) })}
            </Text>
          )}
          <Box className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('timeliness.caption')} style={{ overflowX: 'auto' }}>
            <Table striped miw={640} data-testid="timeliness-table">
              <Table.Caption>{t('timeliness.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('timeliness.rule')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('timeliness.ok')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('timeliness.due')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('timeliness.breached')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('timeliness.overdueNow')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('timeliness.onTime')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rules.map((r) => (
                  <Table.Tr key={r.ruleId} data-rule={r.ruleId}>
                    <Table.Th scope="row" fw={400}>
                      {ruleLabel(t, r.ruleId, r.kind)}
                    </Table.Th>
                    <Table.Td ta="end">{formatNumber(r.ok, lang)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(r.due, lang)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(r.breached, lang)}</Table.Td>
                    <Table.Td ta="end" fw={700}>
                      {formatNumber(r.overdueNow, lang)}
                    </Table.Td>
                    <Table.Td ta="end">{formatShare(r.shareOnTime, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Stack gap={4} component="dl" m={0}>
            <Text component="dt" fw={700} size="sm">{t('timeliness.breached')}</Text>
            <Text component="dd" size="sm" m={0}>{t('timeliness.breachedMeans')}</Text>
            <Text component="dt" fw={700} size="sm">{t('timeliness.overdueNow')}</Text>
            <Text component="dd" size="sm" m={0}>{t('timeliness.overdueNowMeans')}</Text>
            <Text component="dt" fw={700} size="sm">{t('timeliness.onTime')}</Text>
            <Text component="dd" size="sm" m={0}>{t('timeliness.onTimeMeans')}</Text>
          </Stack>
        </>
      )}
    </Stack>
  );
}
