// FIP analytics (managers and evaluators): the booklet's figures from the municipality's live
// data — mean answer per item by gender, round 1 against round 2, indices, the distribution of
// answers, the citizen–caseworker gap — and item validity (employment within 6 months). Every
// chart has its data table beside it and a CSV download; small cells are "<5" with the reason.
import { Suspense, lazy, useMemo, useState, type ReactNode } from 'react';
import { Alert, Box, Group, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { textOf, type Instrument, type Lang, type Respondent } from '../../../../domain/fip/index.ts';
import type { FipAnalytics } from '../../../../contract/fip-analytics.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { formatDecimal, formatNumber } from '../../../lib/numbers.ts';
import { problemText } from '../../../lib/problem-message.ts';
import { useFipAnalytics, useInstrument, type FipAnalyticsParams } from '../api.ts';
import { DataTable, type Cell, type Row } from './DataTable.tsx';
import type { BarSeries } from './BarChart.tsx';
import { DateField } from '../../../components/ui/DateField.tsx';

const BarChart = lazy(() => import('./BarChart.tsx').then((m) => ({ default: m.BarChart })));

type N = FipAnalytics['citizens'][number]['n'];
type Gender = 'F' | 'M' | 'all';
const GENDERS: Gender[] = ['F', 'M', 'all'];
const GENDER_COLOUR: Record<Gender, string> = { F: '#c2255c', M: '#1864ab', all: '#495057' };
/** Answer 1 (dark red) to 7 (dark teal), don't know grey: a diverging scale readable in print. */
const VALUE_COLOURS = ['#a61e4d', '#e64980', '#faa2c1', '#ced4da', '#96f2d7', '#20c997', '#087f5b', '#868e96'];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
function yearsAgo(n: number): string {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
}

function useFormat() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  return useMemo(() => {
    const dec = (v: number | null, digits = 1) => (v === null ? '–' : formatDecimal(v, lang, digits));
    const count = (n: N): Cell =>
      n.value === null
        ? { text: '<5', csv: null, title: t(n.suppressed === 'secondary' ? 'fipAnalytics.secondary' : 'fipAnalytics.primary') }
        : { text: formatNumber(n.value, lang), csv: n.value };
    const num = (v: number | null, digits = 1): Cell => ({ text: dec(v, digits), csv: v });
    const ci = (low: number | null, high: number | null, digits = 1): Cell => ({
      text: low === null || high === null ? '–' : `${dec(low, digits)} – ${dec(high, digits)}`,
      csv: low === null || high === null ? null : `${low};${high}`,
    });
    return { dec, count, num, ci, lang };
  }, [t, lang]);
}

function Figure({ title, intro, chart, table, id }: { title: string; intro: string; chart?: ReactNode; table: ReactNode; id: string }) {
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text size="sm">{intro}</Text>
      {chart ? (
        <Stack gap="xs">
          <Suspense fallback={<Loading />}>{chart}</Suspense>
          {table}
        </Stack>
      ) : (
        table
      )}
    </Stack>
  );
}

interface Sections {
  data: FipAnalytics;
  instrument: Instrument;
  respondent: Respondent;
  lang: Lang;
}

function itemText(instrument: Instrument, id: string, lang: Lang): string {
  const item = instrument.items.find((i) => i.id === id);
  return item ? textOf(item.text, lang) : '';
}
function indexText(instrument: Instrument, id: string, lang: Lang): string {
  const def = instrument.indices.find((i) => i.id === id);
  return def ? textOf(def.label, lang) : '';
}

function MeansFigure({ data, instrument, respondent, lang }: Sections) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = data.itemMeans.filter((i) => i.respondent === respondent);
  const names = items.map((i) => itemText(instrument, i.itemId, lang));
  const series: BarSeries[] = (['F', 'M'] as const).map((g) => ({ name: t(`fipAnalytics.genders.${g}`), color: GENDER_COLOUR[g], values: items.map((i) => i.cells.find((c) => c.gender === g)?.mean ?? null) }));
  const rows: Row[] = items.map((item, k) => ({
    key: item.itemId,
    header: names[k] ?? '',
    cells: GENDERS.flatMap((g) => {
      const c = item.cells.find((x) => x.gender === g);
      return c ? [f.num(c.mean), f.ci(c.low, c.high), f.count(c.n)] : [];
    }),
  }));
  const columns = [t('fipAnalytics.item'), ...GENDERS.flatMap((g) => [`${t(`fipAnalytics.genders.${g}`)}: ${t('fipAnalytics.mean')}`, t('fipAnalytics.ci'), t('fipAnalytics.n')])];
  const title = t('fipAnalytics.means.title', { round: data.round, who: t(`fipAnalytics.respondents.${respondent}`) });
  return (
    <Figure
      id="fipa-means"
      title={title}
      intro={t('fipAnalytics.means.intro')}
      chart={<BarChart categories={names} series={series} label={title} min={1} max={7} testId="fipa-means-chart" format={(v) => f.dec(v)} />}
      table={<DataTable caption={title} columns={columns} rows={rows} filename={`fip-means-round${data.round}-${respondent}.csv`} testId="fipa-means-table" numbered />}
    />
  );
}

function PairedFigure({ data, instrument, respondent, lang }: Sections) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = data.paired.items.filter((i) => i.respondent === respondent);
  const names = items.map((i) => itemText(instrument, i.itemId, lang));
  const all = items.map((i) => i.cells.find((c) => c.gender === 'all'));
  const series: BarSeries[] = [
    { name: t('fipAnalytics.roundN', { n: 1 }), color: '#adb5bd', values: all.map((c) => c?.before ?? null) },
    { name: t('fipAnalytics.roundN', { n: 2 }), color: '#0b7285', values: all.map((c) => c?.after ?? null) },
  ];
  const rows: Row[] = items.map((item, k) => ({
    key: item.itemId,
    header: names[k] ?? '',
    cells: GENDERS.flatMap((g) => {
      const c = item.cells.find((x) => x.gender === g);
      return c ? [f.num(c.change, 2), f.ci(c.low, c.high, 2), f.count(c.n)] : [];
    }),
  }));
  const columns = [t('fipAnalytics.item'), ...GENDERS.flatMap((g) => [`${t(`fipAnalytics.genders.${g}`)}: ${t('fipAnalytics.change')}`, t('fipAnalytics.ci'), t('fipAnalytics.n')])];
  const title = t('fipAnalytics.paired.title', { who: t(`fipAnalytics.respondents.${respondent}`) });
  return (
    <Figure
      id="fipa-paired"
      title={title}
      intro={t('fipAnalytics.paired.intro')}
      chart={<BarChart categories={names} series={series} label={title} min={1} max={7} testId="fipa-paired-chart" format={(v) => f.dec(v)} />}
      table={<DataTable caption={title} columns={columns} rows={rows} filename={`fip-round1-round2-${respondent}.csv`} testId="fipa-paired-table" numbered />}
    />
  );
}

function IndexTable({ data, instrument, lang }: Omit<Sections, 'respondent'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: Row[] = data.indexMeans.map((ix) => {
    const paired = data.paired.indices.find((p) => p.indexId === ix.indexId)?.cells.find((c) => c.gender === 'all');
    return {
      key: ix.indexId,
      header: indexText(instrument, ix.indexId, lang),
      cells: [
        ...GENDERS.flatMap((g) => {
          const c = ix.cells.find((x) => x.gender === g);
          return c ? [f.num(c.mean), f.count(c.n)] : [];
        }),
        ...(paired ? [f.num(paired.change, 2), f.ci(paired.low, paired.high, 2), f.count(paired.n)] : []),
      ],
    };
  });
  const columns = [
    t('fipAnalytics.index'),
    ...GENDERS.flatMap((g) => [`${t(`fipAnalytics.genders.${g}`)}: ${t('fipAnalytics.mean')}`, t('fipAnalytics.n')]),
    t('fipAnalytics.indices.change'),
    t('fipAnalytics.ci'),
    t('fipAnalytics.n'),
  ];
  const title = t('fipAnalytics.indices.title', { round: data.round });
  return <Figure id="fipa-indices" title={title} intro={t('fipAnalytics.indices.intro')} table={<DataTable caption={title} columns={columns} rows={rows} filename={`fip-indices-round${data.round}.csv`} testId="fipa-indices-table" />} />;
}

function DistributionFigure({ data, instrument, respondent, lang }: Sections) {
  const { t } = useTranslation();
  const f = useFormat();
  const items = data.distribution.filter((i) => i.respondent === respondent);
  const names = items.map((i) => itemText(instrument, i.itemId, lang));
  const valueName = (v: number | 'dont_know') => (v === 'dont_know' ? textOf(instrument.scale.dontKnow, lang) : formatNumber(v, lang));
  const values = items[0]?.counts.map((c) => c.value) ?? [];
  const series: BarSeries[] = values.map((v, k) => ({
    name: valueName(v),
    color: VALUE_COLOURS[k] ?? '#868e96',
    stack: 'answers',
    values: items.map((i) => i.counts[k]?.n.value ?? null),
  }));
  const rows: Row[] = items.map((item, k) => ({ key: item.itemId, header: names[k] ?? '', cells: item.counts.map((c) => f.count(c.n)) }));
  const title = t('fipAnalytics.distribution.title', { round: data.round, who: t(`fipAnalytics.respondents.${respondent}`) });
  return (
    <Figure
      id="fipa-distribution"
      title={title}
      intro={t('fipAnalytics.distribution.intro')}
      chart={<BarChart categories={names} series={series} label={title} min={0} testId="fipa-distribution-chart" format={(v) => formatNumber(v, lang)} />}
      table={<DataTable caption={title} columns={[t('fipAnalytics.item'), ...values.map(valueName)]} rows={rows} filename={`fip-distribution-round${data.round}-${respondent}.csv`} testId="fipa-distribution-table" numbered />}
    />
  );
}

function GapFigure({ data, instrument, lang }: Omit<Sections, 'respondent'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const names = data.gaps.map((g) => itemText(instrument, g.citizenItemId, lang));
  const series: BarSeries[] = [
    { name: t('fipAnalytics.respondents.citizen'), color: '#0b7285', values: data.gaps.map((g) => g.citizenMean) },
    { name: t('fipAnalytics.respondents.caseworker'), color: '#e8590c', values: data.gaps.map((g) => g.caseworkerMean) },
  ];
  const rows: Row[] = data.gaps.map((g, k) => ({
    key: g.citizenItemId,
    header: names[k] ?? '',
    cells: [f.num(g.citizenMean), f.num(g.caseworkerMean), f.num(g.gap, 2), f.ci(g.low, g.high, 2), f.count(g.n)],
  }));
  const columns = [t('fipAnalytics.item'), t('fipAnalytics.respondents.citizen'), t('fipAnalytics.respondents.caseworker'), t('fipAnalytics.gap.difference'), t('fipAnalytics.ci'), t('fipAnalytics.n')];
  const title = t('fipAnalytics.gap.title', { round: data.round });
  return (
    <Figure
      id="fipa-gap"
      title={title}
      intro={t('fipAnalytics.gap.intro')}
      chart={<BarChart categories={names} series={series} label={title} min={1} max={7} testId="fipa-gap-chart" format={(v) => f.dec(v)} />}
      table={<DataTable caption={title} columns={columns} rows={rows} filename={`fip-gap-round${data.round}.csv`} testId="fipa-gap-table" numbered />}
    />
  );
}

function ValidityFigure({ data, instrument, lang }: Omit<Sections, 'respondent'>) {
  const { t } = useTranslation();
  const f = useFormat();
  const v = data.validity;
  const items = [...v.items].sort((a, b) => (b.auc ?? -1) - (a.auc ?? -1));
  const names = items.map((i) => `${itemText(instrument, i.itemId, lang)} (${t(`fipAnalytics.respondentsShort.${i.respondent}`)})`);
  const series: BarSeries[] = [{ name: t('fipAnalytics.validity.auc'), color: '#5f3dc4', values: items.map((i) => i.auc) }];
  const modelCells = (m: (typeof items)[number] | (typeof v.indices)[number]): Cell[] => [
    f.num(m.oddsRatio, 2),
    f.ci(m.ciLow, m.ciHigh, 2),
    { text: m.pValue === null ? '–' : m.pValue < 0.001 ? `<${f.dec(0.001, 3)}` : f.dec(m.pValue, 3), csv: m.pValue },
    f.num(m.auc, 3),
    f.count(m.n),
  ];
  const rows: Row[] = items.map((i, k) => ({ key: i.itemId, header: names[k] ?? '', cells: modelCells(i) }));
  const indexRows: Row[] = v.indices.map((ix) => ({ key: ix.indexId, header: indexText(instrument, ix.indexId, lang), cells: [...modelCells(ix), f.num(ix.alpha, 2)] }));
  const columns = [t('fipAnalytics.item'), t('fipAnalytics.validity.oddsRatio'), t('fipAnalytics.ci'), t('fipAnalytics.validity.p'), t('fipAnalytics.validity.auc'), t('fipAnalytics.n')];
  const title = t('fipAnalytics.validity.title');
  const indexTitle = t('fipAnalytics.validity.indexTitle');
  const persons = v.persons.value === null ? '<5' : formatNumber(v.persons.value, lang);
  const employed = v.employed.value === null ? '<5' : formatNumber(v.employed.value, lang);
  const open = v.windowOpen.value === null ? '<5' : formatNumber(v.windowOpen.value, lang);
  return (
    <Stack gap="md">
      <Figure
        id="fipa-validity"
        title={title}
        intro={`${t('fipAnalytics.validity.definition', { days: v.days })} ${t('fipAnalytics.validity.counts', { persons, employed, open })} ${t('fipAnalytics.validity.intro')}`}
        chart={<BarChart categories={names} series={series} label={title} min={0} max={1} testId="fipa-validity-chart" format={(x) => f.dec(x, 2)} />}
        table={<DataTable caption={title} columns={columns} rows={rows} filename="fip-item-validity.csv" testId="fipa-validity-table" numbered />}
      />
      <DataTable caption={indexTitle} columns={[t('fipAnalytics.index'), ...columns.slice(1), t('fipAnalytics.validity.alpha')]} rows={indexRows} filename="fip-index-validity.csv" testId="fipa-validity-index-table" />
    </Stack>
  );
}

export function FipAnalyticsPage() {
  const { t } = useTranslation();
  const { lang } = useUiLang();
  const [from, setFrom] = useState(yearsAgo(3));
  const [to, setTo] = useState(today());
  const [targetGroup, setTargetGroup] = useState<FipAnalyticsParams['targetGroup']>('all');
  const [round, setRound] = useState(1);
  const [respondent, setRespondent] = useState<Respondent>('citizen');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const query = useFipAnalytics({ from, to, targetGroup, round }, valid);
  const instrument = useInstrument();
  const data = query.data;
  const cohort = data?.citizens.find((c) => c.gender === 'all')?.n;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('fipAnalytics.title')}
      </Title>
      <Text>{t('fipAnalytics.intro')}</Text>
      <Group gap="md" align="end" wrap="wrap">
        <DateField label={t('fipAnalytics.from')} name="from" value={from} onChange={setFrom} />
        <DateField label={t('fipAnalytics.to')} name="to" value={to} onChange={setTo} error={valid ? undefined : t('fipAnalytics.badPeriod')} />
        <NativeSelect
          label={t('fipAnalytics.targetGroup')}
          value={targetGroup}
          onChange={(e) => setTargetGroup(e.currentTarget.value as FipAnalyticsParams['targetGroup'])}
          data={(['all', 'broad', 'selected'] as const).map((g) => ({ value: g, label: t(`fipAnalytics.targetGroups.${g}`) }))}
        />
        <NativeSelect
          label={t('fipAnalytics.round')}
          value={String(round)}
          onChange={(e) => setRound(Number(e.currentTarget.value))}
          data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('fipAnalytics.roundN', { n }) }))}
        />
        <Box>
          <Text size="sm" fw={500} mb={4} id="fipa-respondent">
            {t('fipAnalytics.respondent')}
          </Text>
          <SegmentedControl
            aria-labelledby="fipa-respondent"
            value={respondent}
            onChange={(v) => setRespondent(v as Respondent)}
            data={(['citizen', 'caseworker'] as const).map((r) => ({ value: r, label: t(`fipAnalytics.respondents.${r}`) }))}
          />
        </Box>
      </Group>
      <Alert color="gray" variant="light" title={t('fipAnalytics.suppressionTitle')}>
        {t('fipAnalytics.suppression', { n: data?.minPersons ?? 5 })}
      </Alert>
      {!valid ? null : query.isPending || instrument.isPending ? (
        <Loading />
      ) : query.isError || instrument.isError || !data || !instrument.data ? (
        <Alert color="red" role="alert">
          {problemText(t, query.error ?? instrument.error)}
        </Alert>
      ) : (
        <>
          <Text fw={600} data-testid="fipa-cohort">
            {t('fipAnalytics.cohort', { n: cohort?.value === null || cohort === undefined ? '<5' : formatNumber(cohort.value, lang) })}
          </Text>
          <MeansFigure data={data} instrument={instrument.data} respondent={respondent} lang={lang} />
          <PairedFigure data={data} instrument={instrument.data} respondent={respondent} lang={lang} />
          <IndexTable data={data} instrument={instrument.data} lang={lang} />
          <DistributionFigure data={data} instrument={instrument.data} respondent={respondent} lang={lang} />
          <GapFigure data={data} instrument={instrument.data} lang={lang} />
          <ValidityFigure data={data} instrument={instrument.data} lang={lang} />
        </>
      )}
    </Stack>
  );
}
