import { Alert, Anchor, Badge, Button, Group, Loader, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCitizens } from '../api.ts';
import { hrefFor } from '../../../app/router.ts';
import { formatDate } from '../../../lib/dates.ts';
import { useUiLang } from '../../../app/use-ui-lang.ts';

export function CaseloadPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const citizens = useCitizens();
  return (
    <>
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={1} size="h2">
          {t('caseload.title')}
        </Title>
        <Button component="a" href={hrefFor({ name: 'newCitizen' })}>
          {t('caseload.register')}
        </Button>
      </Group>
      {citizens.isPending && <Loader aria-label={t('app.loading')} />}
      {citizens.isError && (
        <Alert color="red" role="alert">
          {t('errors.generic')}
        </Alert>
      )}
      {citizens.data && citizens.data.citizens.length === 0 && <Text>{t('caseload.empty')}</Text>}
      {citizens.data && citizens.data.citizens.length > 0 && (
        <div className="jv-table-wrap">
          <Table striped highlightOnHover>
            <Table.Caption>{t('caseload.caption', { count: citizens.data.citizens.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('citizen.name')}</Table.Th>
                <Table.Th>{t('citizen.language')}</Table.Th>
                <Table.Th>{t('caseload.rounds')}</Table.Th>
                <Table.Th>{t('caseload.nextDue')}</Table.Th>
                <Table.Th>{t('caseload.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {citizens.data.citizens.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor href={hrefFor({ name: 'citizen', id: c.id })}>{c.name}</Anchor>
                  </Table.Td>
                  <Table.Td>{t(`lang.${c.language}`)}</Table.Td>
                  <Table.Td>{c.roundCount}</Table.Td>
                  <Table.Td>{formatDate(c.nextRoundDue, lang)}</Table.Td>
                  <Table.Td>
                    {c.daysToNextRound < 0 ? (
                      <Badge color="red.9" variant="filled" tt="none">
                        {t('caseload.overdue', { count: -c.daysToNextRound })}
                      </Badge>
                    ) : c.daysToNextRound <= 14 ? (
                      <Badge color="yellow.9" variant="filled" tt="none">
                        {t('caseload.dueSoon', { count: c.daysToNextRound })}
                      </Badge>
                    ) : (
                      <Text size="sm">{t('caseload.dueIn', { count: c.daysToNextRound })}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}
