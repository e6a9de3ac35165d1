// The employment probability's page (managers, decision 029): whether caseworkers see it (off until
// turned on; audited), the refit, and the newest model's evidence — n, events, the cross-validated
// AUC, the coefficients and the calibration by gender drawn, with its data table beside it.
import { Suspense, lazy, useCallback, useMemo } from 'react';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textOf, type Instrument, type Lang } from '../../../../domain/fip/index.ts';
import type { EmploymentModel, EmploymentModelView } from '../../../../contract/employment-model.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDecimal, formatNumber, formatShare } from '../../../lib/numbers.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { useEmploymentModel, useInstrument, useRefit, useSetEnabled } from '../api.ts';
import type { CalibrationSeries } from './CalibrationChart.tsx';

const CalibrationChart = lazy(() => import('./CalibrationChart.tsx').then((m) => ({ default: m.CalibrationChart })));

const GENDER_COLOUR = { F: '#c2255c', M: '#1864ab' } as const;

/** A model term's name: an index's from the instrument, the others from the strings. */
export function termName(term: string, instrument: Instrument | undefined, lang: Lang, t: (k: string) => string): string {
  const index = instrument?.indices.find((d) => d.id === term);
  if (index) return textOf(index.label, lang);
  if (term === 'intercept' || term === 'male' || term === 'years_in_denmark') return t(`employmentModel.term.${term}`);
  return t('employmentModel.term.other');
}

function StatusNote({ model, rules }: { model: EmploymentModel; rules: EmploymentModelView['rules'] }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const params = {
    n: formatNumber(model.n, lang),
    min: formatNumber(rules.minPersons, lang),
    perOutcome: formatNumber(rules.minPerOutcome, lang),
    auc: model.cvAuc === null ? '–' : formatDecimal(model.cvAuc, lang, 3),
    minAuc: formatDecimal(rules.minCvAuc, lang, 2),
  };
  const adequate = model.status === 'adequate';
  return (
    <Alert
      color={adequate ? 'teal' : 'orange'}
      data-testid="em-status"
      title={t(adequate ? 'employmentModel.adequateTitle' : 'employmentModel.inadequateTitle')}
      // The light alert's title in the theme colour is under 4.5:1 on its tint: a darker shade.
      styles={{ title: { color: adequate ? '#064e3b' : '#7c2d12' } }}
    >
      {t(`employmentModel.status.${model.status}`, params)}
    </Alert>
  );
}

function Evidence({ model, rules, instrument }: { model: EmploymentModel; rules: EmploymentModelView['rules']; instrument: Instrument | undefined }) {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const dec = useCallback((v: number, d: number) => formatDecimal(v, lang, d), [lang]);
  const share = useCallback((v: number) => formatShare(v, lang), [lang]);
  const series: CalibrationSeries[] = useMemo(
    () =>
      (['F', 'M'] as const).map((g) => ({
        name: t(`employmentModel.gender.${g}`),
        color: GENDER_COLOUR[g],
        points: (model.calibration?.[g] ?? []).map((d) => [d.predicted, d.observed] as [number, number]),
      })),
    [model.calibration, t],
  );
  const facts: [string, string][] = [
    [t('employmentModel.version'), formatNumber(model.version, lang)],
    [t('employmentModel.source'), t('employmentModel.sourceMunicipality')],
    [t('employmentModel.n'), formatNumber(model.n, lang)],
    [t('employmentModel.events'), formatNumber(model.events, lang)],
    [t('employmentModel.cvAuc'), model.cvAuc === null ? '–' : dec(model.cvAuc, 3)],
    [t('employmentModel.fittedAt'), formatDateTime(model.fittedAt, lang)],
    [t('employmentModel.fittedBy'), model.fittedBy],
  ];
  return (
    <Stack gap="lg">
      <StatusNote model={model} rules={rules} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="em-evidence-title">
        <Title order={2} size="h3" id="em-evidence-title" mb="xs">
          {t('employmentModel.evidenceTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} data-testid="em-facts" component="dl" m={0}>
          {facts.map(([k, v]) => (
            <Group key={k} gap="xs" wrap="nowrap">
              <Text component="dt" size="sm" fw={600}>
                {k}:
              </Text>
              <Text component="dd" size="sm" m={0}>
                {v}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
        {model.foldAuc && (
          <Text size="sm" mt="xs">
            {t('employmentModel.foldAuc', { values: model.foldAuc.map((a) => dec(a, 3)).join(' · ') })}
          </Text>
        )}
      </Paper>

      {model.terms && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="em-terms-title">
          <Title order={2} size="h3" id="em-terms-title" mb="xs">
            {t('employmentModel.termsTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('employmentModel.termsIntro')}
          </Text>
          <div className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('employmentModel.termsTable')} style={{ overflowX: 'auto' }}>
            <Table striped data-testid="em-terms-table" fz="sm" miw={560}>
              <Table.Caption>{t('employmentModel.termsTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('employmentModel.col.term')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.col.logOdds')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.col.se')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.col.oddsRatio')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.col.ci')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {model.terms.map((row) => (
                  <Table.Tr key={row.term}>
                    <Table.Th scope="row" fw={400}>
                      {termName(row.term, instrument, lang, t)}
                    </Table.Th>
                    <Table.Td ta="end" dir="ltr">{dec(row.estimate, 3)}</Table.Td>
                    <Table.Td ta="end" dir="ltr">{dec(row.se, 3)}</Table.Td>
                    <Table.Td ta="end" dir="ltr">{row.term === 'intercept' || row.oddsRatio === null ? '–' : dec(row.oddsRatio, 2)}</Table.Td>
                    <Table.Td ta="end" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                      {row.term === 'intercept' || row.ciLow === null || row.ciHigh === null ? '–' : `${dec(row.ciLow, 2)} – ${dec(row.ciHigh, 2)}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Paper>
      )}

      {model.calibration && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="em-calibration-title">
          <Title order={2} size="h3" id="em-calibration-title" mb="xs">
            {t('employmentModel.calibrationTitle')}
          </Title>
          <Text size="sm" mb="xs">
            {t('employmentModel.calibrationIntro')}
          </Text>
          <Suspense fallback={<Loading />}>
            <CalibrationChart
              series={series}
              diagonal={t('employmentModel.diagonal')}
              xLabel={t('employmentModel.predicted')}
              yLabel={t('employmentModel.observed')}
              label={t('employmentModel.calibrationTitle')}
              format={share}
            />
          </Suspense>
          <div className="jv-table-wrap" tabIndex={0} role="region" aria-label={t('employmentModel.calibrationTable')} style={{ overflowX: 'auto' }}>
            <Table striped data-testid="em-calibration-table" fz="sm" miw={420}>
              <Table.Caption>{t('employmentModel.calibrationTable')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('employmentModel.col.group')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.col.persons')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.col.employed')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.predicted')}</Table.Th>
                  <Table.Th scope="col" ta="end">{t('employmentModel.observed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(['F', 'M'] as const).flatMap((g) =>
                  (model.calibration?.[g] ?? []).map((d, i) => (
                    <Table.Tr key={`${g}${i}`}>
                      <Table.Th scope="row" fw={400}>
                        {t('employmentModel.decile', { gender: t(`employmentModel.gender.${g}`), decile: formatNumber(i + 1, lang) })}
                      </Table.Th>
                      <Table.Td ta="end" dir="ltr">{formatNumber(d.n, lang)}</Table.Td>
                      <Table.Td ta="end" dir="ltr">{formatNumber(d.events, lang)}</Table.Td>
                      <Table.Td ta="end" dir="ltr">{share(d.predicted)}</Table.Td>
                      <Table.Td ta="end" dir="ltr">{share(d.observed)}</Table.Td>
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          </div>
        </Paper>
      )}
    </Stack>
  );
}

export function EmploymentModelPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const view = useEmploymentModel();
  const instrument = useInstrument();
  const toggle = useSetEnabled();
  const refit = useRefit();
  if (view.isPending) return <Loading />;
  if (view.isError)
    return (
      <Alert color="red" role="alert">
        {problemText(t, view.error)}
      </Alert>
    );
  const data = view.data;
  const failure = toggle.error ?? refit.error;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('employmentModel.title')}
        </Title>
        <Text size="sm" mt={4} maw={820}>
          {t('employmentModel.intro', { days: formatNumber(data.rules.windowDays, lang) })}
        </Text>
        <Text size="sm" mt={4} maw={820}>
          {t('employmentModel.rulesText', {
            min: formatNumber(data.rules.minPersons, lang),
            perOutcome: formatNumber(data.rules.minPerOutcome, lang),
            minAuc: formatDecimal(data.rules.minCvAuc, lang, 2),
            folds: formatNumber(data.rules.folds, lang),
          })}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="em-switch-title">
        <Title order={2} size="h3" id="em-switch-title" mb="xs">
          {t('employmentModel.switchTitle')}
        </Title>
        <Group justify="space-between" wrap="wrap" gap="md">
          <Switch
            checked={data.enabled}
            disabled={toggle.isPending}
            onChange={(e) => toggle.set(e.currentTarget.checked)}
            label={t('employmentModel.switchLabel')}
            data-testid="em-switch"
          />
          <Badge color={data.enabled ? 'teal.9' : 'gray.8'} variant="filled" tt="none" data-testid="em-state">
            {t(data.enabled ? 'employmentModel.on' : 'employmentModel.off')}
          </Badge>
        </Group>
        <Text size="sm" mt="xs" c="gray.8">
          {data.changedAt && data.changedBy
            ? t('employmentModel.changed', { date: formatDateTime(data.changedAt, lang), name: data.changedBy })
            : t('employmentModel.neverChanged')}
        </Text>
        <Group mt="md" gap="md" wrap="wrap">
          <Button onClick={() => refit.mutate()} loading={refit.isPending} data-testid="em-refit">
            {t('employmentModel.refit')}
          </Button>
          <Text size="sm" maw={620}>
            {t('employmentModel.refitHelp')}
          </Text>
        </Group>
        {failure && (
          <Alert color="red" role="alert" mt="sm">
            {problemText(t, failure)}
          </Alert>
        )}
      </Paper>
      {data.model ? <Evidence model={data.model} rules={data.rules} instrument={instrument.data} /> : <Text data-testid="em-no-model">{t('employmentModel.noModel')}</Text>}
    </Stack>
  );
}
