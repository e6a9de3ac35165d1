import { useMemo } from 'react';
import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { CitizenSummary } from '../../../lib/types.ts';
import { useTranslation } from 'react-i18next';
import { useCitizens } from '../api.ts';
import { hrefFor } from '../../../lib/router.ts';
import { formatDate } from '../../../lib/dates.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { byNextDeadline } from '../../../../domain/deadlines/next-deadline.ts';
import type { Lang } from '../../../../domain/fip/index.ts';
import { ruleLabel, ruleShortLabel } from '../../../lib/casework-labels.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useMe } from '../../../lib/session.ts';
import { mayDo } from '../../../lib/abilities.ts';
import { problemText } from '../../../lib/problem-message.ts';

/** Badges keep their whole text in narrow table cells (no ellipsis). */
const WHOLE = { root: { overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

function DueStatus({ c, t }: { c: CitizenSummary; t: TFunction }) {
  if (c.daysToNextRound < 0) {
    return (
      <Badge color="red.9" variant="filled" tt="none" styles={WHOLE}>
        {t('caseload.overdue', { count: -c.daysToNextRound })}
      </Badge>
    );
  }
  if (c.daysToNextRound <= 14) {
    return (
      <Badge color="yellow.4" variant="filled" autoContrast tt="none" styles={WHOLE}>
        {t('caseload.dueSoon', { count: c.daysToNextRound })}
      </Badge>
    );
  }
  return <Text size="sm">{t('caseload.dueIn', { count: c.daysToNextRound })}</Text>;
}

/** The deadline to look at next (GET /api/citizens nextDeadline): rule, date and state. */
function NextDeadlineCell({ c, t, lang, label }: { c: CitizenSummary; t: TFunction; lang: Lang; label?: string }) {
  const next = c.nextDeadline;
  const prefix = label ? `${label}: ` : '';
  if (!next) return <Text size="sm">{prefix}{t('casework.caseload.none')}</Text>;
  const rule = ruleShortLabel(t, next.ruleId, next.kind);
  const date = next.dueDate ? formatDate(next.dueDate, lang) : '';
  return (
    <Group gap={6} wrap="wrap" data-testid="next-deadline" data-rule={next.ruleId} data-state={next.state}>
      <Text size="sm" title={ruleLabel(t, next.ruleId, next.kind)}>
        {prefix}
        {rule}
        {date ? ` · ${date}` : ''}
      </Text>
      {next.state === 'breached' && (
        <Badge color="red.9" variant="filled" tt="none" styles={WHOLE}>
          {t('casework.caseload.over', { count: next.daysOver ?? 0 })}
        </Badge>
      )}
      {next.state === 'due' && (
        <Badge color="yellow.4" variant="filled" autoContrast tt="none" styles={WHOLE}>
          {next.daysLeft === 0 ? t('casework.caseload.today') : t('casework.caseload.left', { count: next.daysLeft ?? 0 })}
        </Badge>
      )}
      {next.state === 'ok' && next.daysLeft !== null && <Text size="sm">({t('casework.caseload.left', { count: next.daysLeft })})</Text>}
    </Group>
  );
}

export function CaseloadPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const citizens = useCitizens();
  const me = useMe();
  // Sorted by days to the next breach (the server sends this order; sorting again keeps it when cached rows change).
  const rows = useMemo(() => [...(citizens.data?.citizens ?? [])].sort(byNextDeadline), [citizens.data]);
  return (
    <>
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={1} size="h2">
          {t('caseload.title')}
        </Title>
        {mayDo(me.data?.abilities, 'citizen.create') && (
          <Button component="a" href={hrefFor({ name: 'newCitizen' })}>
            {t('caseload.register')}
          </Button>
        )}
      </Group>
      {citizens.isPending && <Loading />}
      {citizens.isError && (
        <Alert color="red" role="alert">
          {problemText(t, citizens.error)}
        </Alert>
      )}
      {citizens.data && citizens.data.citizens.length === 0 && <Text>{t('caseload.empty')}</Text>}
      {citizens.data && citizens.data.citizens.length > 0 && (
        <>
        <Stack hiddenFrom="sm" gap="xs" data-testid="caseload-cards">
          {rows.map((c) => (
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
              <Box mt={4}>
                <NextDeadlineCell c={c} t={t} lang={lang} label={t('casework.caseload.nextDeadline')} />
              </Box>
            </Paper>
          ))}
        </Stack>
        <Box className="jv-table-wrap" visibleFrom="sm">
          <Table striped highlightOnHover>
            <Table.Caption>{t('casework.caseload.caption', { count: rows.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('citizen.name')}</Table.Th>
                <Table.Th>{t('citizen.language')}</Table.Th>
                <Table.Th>{t('caseload.rounds')}</Table.Th>
                <Table.Th>{t('caseload.nextDue')}</Table.Th>
                <Table.Th>{t('caseload.status')}</Table.Th>
                <Table.Th>{t('casework.caseload.nextDeadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
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
                  <Table.Td>
                    <NextDeadlineCell c={c} t={t} lang={lang} />
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
