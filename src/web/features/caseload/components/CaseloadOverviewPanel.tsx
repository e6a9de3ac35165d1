// The managers' view of the caseload per caseworker (decision 026): how many citizens each has and
// how many of them have a deadline overdue now (the caseload's own "next deadline", so the numbers
// agree with the list filtered on "Overskredet nu"); a row's button filters the list to them.
import { Box, Button, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/numbers.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { ErrorNotice } from '../../../components/ui/ErrorNotice.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useCaseloadOverview } from '../api.ts';

export function CaseloadOverviewPanel({ onShow }: { onShow: (caseworker: { id: string; name: string } | null) => void }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const overview = useCaseloadOverview(true);
  return (
    <Paper withBorder p="md" radius="md" mb="md" component="section" aria-labelledby="overview-title" data-testid="caseload-overview">
      <Title order={2} size="h4" id="overview-title">
        {t('caseloadView.overview.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('caseloadView.overview.intro')}
      </Text>
      {overview.isPending && <Loading />}
      {overview.isError && <ErrorNotice error={overview.error} />}
      {overview.data && (
        <Box className="jv-table-wrap">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('caseloadView.overview.caseworker')}</Table.Th>
                <Table.Th ta="end">{t('caseloadView.overview.citizens')}</Table.Th>
                <Table.Th ta="end">{t('caseloadView.overview.overdue')}</Table.Th>
                <Table.Th ta="end">{t('caseloadView.overview.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.data.rows.map((row) => {
                const name = row.caseworker?.name ?? t('caseloadView.overview.unassigned');
                return (
                  <Table.Tr key={row.caseworker?.id ?? 'unassigned'} data-testid="overview-row">
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" px={0} onClick={() => onShow(row.caseworker)} aria-label={t('caseloadView.overview.show', { name })}>
                        {name}
                      </Button>
                    </Table.Td>
                    <Table.Td ta="end">{formatNumber(row.citizens, lang)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(row.overdue, lang)}</Table.Td>
                    <Table.Td ta="end">{formatNumber(row.due, lang)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}
