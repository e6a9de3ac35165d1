// Who has looked at the citizen's data (managers): the audit trail's rows about this citizen,
// newest first, with the staff member, their role and what they did, in the UI language; and
// the data-subject export's download. No id or action code is shown raw.
import { Alert, Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../domain/fip/index.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { exportHref, useAccessLog } from '../api.ts';
import { problemText } from '../../../lib/problem-message.ts';

const ROLES = new Set(['caseworker', 'company_consultant', 'manager', 'evaluator', 'national_admin', 'admin', 'system']);

export function AccessLog({ citizenId, lang, canExport }: { citizenId: string; lang: Lang; canExport: boolean }) {
  const { t, i18n } = useTranslation();
  const log = useAccessLog(citizenId, true);
  const actionLabel = (action: string) => {
    const key = `accessLog.actions.${action.replace('.', '_')}`;
    return i18n.exists(key) ? t(key) : t('accessLog.actions.other');
  };
  const roleLabel = (role: string | null) => (role && ROLES.has(role) ? t(`accessLog.roles.${role}`) : '');
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="access-log-title" data-testid="access-log">
      <Stack gap="xs">
        <Title order={2} size="h3" id="access-log-title">
          {t('accessLog.title')}
        </Title>
        <Text size="sm">{t('accessLog.intro')}</Text>
        {canExport && (
          <Text size="sm">
            <Anchor href={exportHref(citizenId)} download data-testid="citizen-export">
              {t('accessLog.export')}
            </Anchor>{' '}
            · {t('accessLog.exportHint')}
          </Text>
        )}
        {log.isPending && <Loading size="sm" />}
        {log.isError && (
          <Alert color="red" role="alert">
            {problemText(t, log.error)}
          </Alert>
        )}
        {log.isSuccess && entries.length === 0 && <Text size="sm">{t('accessLog.empty')}</Text>}
        {entries.length > 0 && (
          <div className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('accessLog.intro')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accessLog.when')}</Table.Th>
                  <Table.Th>{t('accessLog.who')}</Table.Th>
                  <Table.Th>{t('accessLog.role')}</Table.Th>
                  <Table.Th>{t('accessLog.what')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.at, lang)}</Table.Td>
                    <Table.Td>{e.actorName ?? t('accessLog.system')}</Table.Td>
                    <Table.Td>{roleLabel(e.actorRole)}</Table.Td>
                    <Table.Td>{actionLabel(e.action)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        {log.hasNextPage && (
          <Button variant="default" size="sm" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('accessLog.more')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
