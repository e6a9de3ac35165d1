// The citizen's timeline section: offers, package modules, FIP rounds, outcomes and the takeover
// on one date axis (buildTimeline, src/domain/timeline.ts). The chart is for sighted users on a
// wide screen; the list of the same items is its text alternative and what a phone shows.
import { Suspense, lazy, useCallback, useMemo } from 'react';
import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { isRtl, type Lang } from '../../../../domain/fip/index.ts';
import { buildTimeline, isBar, type TimelineInput, type TimelineItem, type TimelineLane } from '../../../../domain/timeline.ts';
import { formatDate } from '../../../lib/dates.ts';
import { hrefFor } from '../../../lib/router.ts';
import { offerKindLabel, offerStatusLabel, outcomeKindLabel } from '../../../lib/casework-labels.ts';
import { Loading } from '../../../components/ui/Loading.tsx';
import { contentName } from '../../../components/ui/content-name.ts';

// ECharts is loaded only when a wide screen shows the chart.
const TimelineChart = lazy(() => import('./TimelineChart.tsx').then((m) => ({ default: m.TimelineChart })));

/** The package page (the packages feature). */
const packageHref = (packageId: string) => hrefFor({ name: 'package', id: packageId });

export function TimelineSection({ input, today, lang }: { input: TimelineInput; today: string; lang: Lang }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true);
  const timeline = useMemo(() => buildTimeline(input, today), [input, today]);

  const laneLabel = useCallback(
    (lane: TimelineLane): string => {
      switch (lane.type) {
        case 'offers':
          return lane.row === 0 ? t('casework.timeline.offersLane') : t('casework.timeline.offersLaneN', { n: lane.row + 1 });
        case 'package':
          return lane.packageName;
        case 'rounds':
          return t('casework.timeline.roundsLane');
        case 'outcomes':
          return t('casework.timeline.outcomesLane');
      }
    },
    [t],
  );
  const what = useCallback(
    (item: TimelineItem): string => {
      switch (item.type) {
        case 'offer':
          return `${offerKindLabel(t, item.offerKind)}${item.companyName ? ` – ${item.companyName}` : ''} (${offerStatusLabel(t, item.status)})` +
            (item.schoolPeriods.length > 0
              ? `. ${t('casework.schoolPeriods.list', { periods: item.schoolPeriods.map((p) => `${formatDate(p.start, lang)} – ${formatDate(p.end, lang)}`).join('; ') })}`
              : '');
        case 'module':
          return t('casework.timeline.module', { n: item.moduleIndex + 1, title: contentName(item.title, lang).text, package: item.packageName }) +
            (item.viaOverride ? ` (${t('casework.timeline.viaOverride')})` : '');
        case 'round':
          return t('citizenPage.roundN', { n: item.roundNo });
        case 'outcome':
          return outcomeKindLabel(t, item.outcomeKind);
        case 'takeover':
          return t('casework.timeline.takeover');
      }
    },
    [t, lang],
  );
  const when = useCallback(
    (item: TimelineItem): string => {
      if (!isBar(item)) return formatDate(item.date, lang);
      const end = formatDate(item.end, lang);
      const suffix = item.endKind === 'open' ? t('casework.timeline.ongoing') : item.endKind === 'planned' ? t('casework.timeline.planned') : '';
      return `${formatDate(item.start, lang)} – ${item.endKind === 'open' ? suffix : `${end}${suffix ? ` (${suffix})` : ''}`}`;
    },
    [t, lang],
  );
  const describe = useCallback((item: TimelineItem) => `${when(item)}: ${what(item)}`, [when, what]);
  const laneLabels = useMemo(() => (timeline.lanes.length > 0 ? timeline.lanes.map(laneLabel) : ['']), [timeline, laneLabel]);
  const chartLabel = t('casework.timeline.chartLabel', { count: timeline.items.length });

  const list = (
    <Table data-testid="timeline-list" verticalSpacing={4} fz="sm">
      <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{chartLabel}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('casework.timeline.when')}</Table.Th>
          <Table.Th scope="col">{t('casework.timeline.what')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {timeline.items.map((item) => (
          <Table.Tr key={`${item.type}:${item.id}`} data-testid={`timeline-${item.type}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(item)}</Table.Td>
            <Table.Td>
              {item.type === 'module' ? <Anchor href={packageHref(item.packageId)} size="sm">{what(item)}</Anchor> : what(item)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  // On a phone: one line per item (a two-column table does not fit 360 px).
  const narrowList = (
    <Stack gap={6} component="ul" data-testid="timeline-list" aria-label={chartLabel} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {timeline.items.map((item) => (
        <li key={`${item.type}:${item.id}`} data-testid={`timeline-${item.type}`}>
          <Text size="sm" fw={700}>
            {when(item)}
          </Text>
          <Text size="sm">
            {item.type === 'module' ? <Anchor href={packageHref(item.packageId)} size="sm">{what(item)}</Anchor> : what(item)}
          </Text>
        </li>
      ))}
    </Stack>
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h3" id="timeline-title" mb="xs">
        {t('casework.timeline.title')}
      </Title>
      {wide ? (
        <>
          <Suspense fallback={<Loading />}>
            <TimelineChart
              timeline={timeline}
              laneLabels={laneLabels}
              describe={describe}
              takeoverLabel={t('casework.timeline.takeover')}
              rtl={isRtl(lang)}
              label={chartLabel}
            />
          </Suspense>
          <details>
            <summary>
              <Text size="sm" component="span">
                {t('casework.timeline.asList')}
              </Text>
            </summary>
            {list}
          </details>
        </>
      ) : (
        narrowList
      )}
    </Paper>
  );
}
