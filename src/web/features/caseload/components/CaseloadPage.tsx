import { Alert, Anchor, Badge, Box, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { CitizenSummary } from '../../../lib/types.ts';
import { useTranslation } from 'react-i18next';
import { useCitizens } from '../api.ts';
import { hrefFor } from '../../../app/router.ts';
import { formatDate } from '../../../lib/dates.ts';
import { useUiLang } from '../../../app/use-ui-lang.ts';

function DueStatus({ c, t }: { c: CitizenSummary; t: TFunction }) {
  if (c.daysToNextRound < 0) {
    return (
      <Badge color="red.9" variant="filled" tt="none">
        {t('caseload.overdue', { count: -c.daysToNextRound })}
      </Badge>
    );
  }
  if (c.daysToNextRound <= 14) {
    return (
      <Badge color="yellow.9" variant="filled" tt="none">
        {t('caseload.dueSoon', { count: c.daysToNextRound })}
      </Badge>
    );
  }
  return <Text size="sm">{t('caseload.dueIn', { count: c.daysToNextRound })}</Text>;
}

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
        <>
        <Stack hiddenFrom="sm" gap="xs" data-testid="caseload-cards">
          {citizens.data.citizens.map((c) => (
            <Paper key={c.id} withBorder p="sm" radius="md">
              <Anchor href={hrefFor({ name: 'citizen', id: c.id })} fw={600}>
                {c.name}
              </Anchor>
              <Text size="sm">
                {t('citizen.language')}: {t(`lang.${c.language}`)} · {t('caseload.rounds')}: {c.roundCount}
              </Text>
              <Group gap="xs" mt={4}>
                <Text size="sm">
                  {t('caseload.nextDue')}: {formatDate(c.nextRoundDue, lang)}
                </Text>
                <DueStatus c={c} t={t} />
              </Group>
            </Paper>
          ))}
        </Stack>
        <Box className="jv-table-wrap" visibleFrom="sm">
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
                    <DueStatus c={c} t={t} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        </>
      )}
    </>
  );
}
