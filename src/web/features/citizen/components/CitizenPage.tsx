import { Suspense, lazy, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRtl, type Respondent } from '../../../../domain/fip/index.ts';
import { useCitizen, useStartRound } from '../api.ts';
import type { Ability, Round } from '../../../lib/types.ts';
import { useInstruments } from '../../../lib/fip-rounds.ts';
import { useHandover } from '../../../lib/session.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { hrefFor } from '../../../lib/router.ts';
import { formatDate } from '../../../lib/dates.ts';
import { CaseworkerForm } from './CaseworkerForm.tsx';
import { AnswersSideBySide } from './AnswersSideBySide.tsx';
import { ProgressionTable } from './ProgressionTable.tsx';
import { CitizenCasework, CitizenDeadlines } from './CitizenCasework.tsx';
import { AccessLog } from './AccessLog.tsx';
import { EmploymentProbability } from './EmploymentProbability.tsx';
import { Loading } from '../../../components/ui/Loading.tsx';
import { problemText } from '../../../lib/problem-message.ts';

// ECharts is the largest dependency: load it only when a citizen page shows a chart.
const StarChart = lazy(() => import('./StarChart.tsx').then((m) => ({ default: m.StarChart })));

export function CitizenPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const view = useCitizen(id);
  // Each round is shown against the instrument version it was answered on.
  const instruments = useInstruments(view.data?.rounds.map((r) => r.instrumentVersion) ?? []);
  const startRound = useStartRound(id);
  const handover = useHandover();
  const [respondent, setRespondent] = useState<Respondent>('citizen');

  if (view.isPending || instruments.isPending) return <Loading />;
  if (view.isError || instruments.isError) {
    return (
      <Alert color="red" role="alert">
        {problemText(t, view.error ?? instruments.error)}
      </Alert>
    );
  }
  const { citizen, rounds } = view.data;
  const sorted = [...rounds].sort((a, b) => a.roundNo - b.roundNo);
  const open = sorted.find((r) => !r.citizenCompletedAt || !r.caseworkerCompletedAt);
  const completed = sorted.filter((r) => r.citizenCompletedAt || r.caseworkerCompletedAt);
  const latest = completed[completed.length - 1] ?? sorted[sorted.length - 1];
  const charted = sorted.filter((r) => (respondent === 'citizen' ? r.citizenCompletedAt : r.caseworkerCompletedAt));
  const versionOf = (r: Round | undefined) => (r ? instruments.byVersion.get(r.instrumentVersion) : undefined);
  const openInst = versionOf(open);
  const latestInst = versionOf(latest);
  // The newest round's version leads the chart's and the table's rows; older rounds keep their own.
  const newestInst = versionOf(sorted.at(-1));
  const chartInst = versionOf(charted.at(-1)) ?? newestInst;
  // The server sends the caller's abilities (can() from src/domain/permissions); we never re-derive them.
  const can = (action: Ability) => view.data.abilities.includes(action);
  return (
    <Stack gap="lg">
      <div>
        <Anchor href={hrefFor({ name: 'caseload' })} size="sm">
          {t('citizenPage.back')}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {citizen.name}
        </Title>
        <Group gap="md" mt={4} wrap="wrap">
          <Text size="sm">
            {t('citizen.cpr')}: <span dir="ltr">{citizen.cprMasked}</span>
          </Text>
          <Text size="sm">
            {t('citizen.language')}: {t(`lang.${citizen.language}`)}
          </Text>
          <Text size="sm">
            {t('citizen.takeoverDate')}: {formatDate(citizen.takeoverDate, lang)}
          </Text>
          <Text size="sm" component="div">
            {t('caseload.nextDue')}: {formatDate(citizen.nextRoundDue, lang)}{' '}
            {citizen.daysToNextRound < 0 && (
              <Badge color="red.9" variant="filled" tt="none">
                {t('caseload.overdue', { count: -citizen.daysToNextRound })}
              </Badge>
            )}
          </Text>
        </Group>
      </div>

      <CitizenDeadlines
        citizen={citizen}
        abilities={view.data.abilities}
        lang={lang}
        onStartRound={open ? null : () => startRound.mutate()}
        startingRound={startRound.isPending}
      />
      <CitizenCasework citizen={citizen} abilities={view.data.abilities} lang={lang} rounds={sorted} />
      {can('employment_model.view') && <EmploymentProbability citizenId={citizen.id} lang={lang} canManage={can('employment_model.manage')} />}

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rounds-title">
        <Title order={2} size="h3" id="rounds-title" mb="xs">
          {t('citizenPage.rounds', { count: sorted.length })}
        </Title>
        {sorted.length === 0 && <Text>{t('citizenPage.noRounds')}</Text>}
        <Stack gap={4}>
          {sorted.map((r) => (
            <Text key={r.id} size="sm">
              {t('citizenPage.roundN', { n: r.roundNo })} · {formatDate(r.startedOn, lang)} ·{' '}
              {r.citizenCompletedAt ? t('citizenPage.citizenDone') : t('citizenPage.citizenPending')} ·{' '}
              {r.caseworkerCompletedAt ? t('citizenPage.caseworkerDone') : t('citizenPage.caseworkerPending')}
            </Text>
          ))}
        </Stack>
        {(startRound.isError || handover.isError) && (
          <Alert color="red" role="alert" mt="sm">
            {problemText(t, startRound.error ?? handover.error)}
          </Alert>
        )}
        <Group mt="md">
          {!open && can('round.start') && (
            <Button onClick={() => startRound.mutate()} loading={startRound.isPending}>
              {t('citizenPage.startRound')}
            </Button>
          )}
          {open && !open.citizenCompletedAt && can('round.handover') && (
            <Button onClick={() => handover.mutate(open.id)} loading={handover.isPending} data-wander="leaves-app">
              {t('citizenPage.handOver', { language: t(`lang.${citizen.language}`) })}
            </Button>
          )}
        </Group>
      </Paper>

      {open && openInst && !open.caseworkerCompletedAt && can('round.answer') && <CaseworkerForm key={open.id} instrument={openInst} round={open} lang={lang} />}

      {completed.length > 0 && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="chart-title">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={2} size="h3" id="chart-title">
              {t('citizenPage.starChart')}
            </Title>
            <Switch
              label={t('citizenPage.caseworkerAnswers')}
              checked={respondent === 'caseworker'}
              onChange={(e) => setRespondent(e.currentTarget.checked ? 'caseworker' : 'citizen')}
              data-testid="toggle-caseworker"
            />
          </Group>
          <Suspense fallback={<Loading />}>
            {chartInst && (
              <StarChart instrument={chartInst} versions={instruments.byVersion} rounds={charted} respondent={respondent} lang={lang} rtl={isRtl(lang)} />
            )}
          </Suspense>
        </Paper>
      )}

      {latest && latestInst && (
        <SimpleGrid cols={{ base: 1, md: 1 }}>
          <AnswersSideBySide instrument={latestInst} round={latest} lang={lang} />
        </SimpleGrid>
      )}
      {sorted.length > 0 && newestInst && <ProgressionTable instrument={newestInst} versions={instruments.byVersion} rounds={sorted} lang={lang} />}
      {can('citizen.access_log') && <AccessLog citizenId={citizen.id} lang={lang} canExport={can('citizen.export')} />}
    </Stack>
  );
}
