// The citizen's timeline drawn with ECharts (SVG renderer, custom series on a time axis): bars
// for offers and package modules, dots for FIP rounds, diamonds for outcomes, a dashed line at
// the takeover. Decorative for assistive technology: Timeline.tsx lists the same items as text.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn } from 'echarts';
import { addDays, parseIsoDate } from '../../../../domain/dates.ts';
import { OFFER_KIND_INFO } from '../../../../domain/offers/index.ts';
import { isBar, type Timeline, type TimelineItem } from '../../../../domain/timeline.ts';
import { useUiLang } from '../../../lib/use-ui-lang.ts';
import { axisDateFormatter } from './timeline-axis.ts';
import { settleSvgChart } from '../../../lib/svg-chart.ts';

echarts.use([CustomChart, GridComponent, TooltipComponent, SVGRenderer]);

const GROUP_COLOR: Record<string, string> = {
  company_placement: '#0b7285',
  wage_subsidy: '#1864ab',
  igu: '#862e9c',
  guidance_upskilling: '#d9480f',
  danish_education: '#364fc7',
  mentor: '#495057',
};
/** Fill of an IGU's school periods inside its bar. */
const SCHOOL_FILL = '#f3d9fa';
/** Pixels kept beside the plot for the lane names. */
const LABEL_ROOM = 160;
const MODULE_COLORS = ['#5c940d', '#2b8a3e', '#087f5b', '#66a80f', '#37b24d'];

const ms = (iso: string): number => {
  const { year, month, day } = parseIsoDate(iso);
  return Date.UTC(year, month - 1, day);
};

function colorOf(item: TimelineItem): string {
  if (item.type === 'offer') return item.status === 'cancelled' ? '#adb5bd' : (GROUP_COLOR[OFFER_KIND_INFO[item.offerKind].group] ?? '#495057');
  if (item.type === 'module') return MODULE_COLORS[item.moduleIndex % MODULE_COLORS.length] as string;
  if (item.type === 'round') return '#c2255c';
  if (item.type === 'outcome') return '#e67700';
  return '#212529';
}

interface Props {
  timeline: Timeline;
  laneLabels: string[];
  /** One line per item for the tooltip (same text as the list). */
  describe: (item: TimelineItem) => string;
  takeoverLabel: string;
  rtl: boolean;
  label: string;
}

export function TimelineChart({ timeline, laneLabels, describe, takeoverLabel, rtl, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { lang } = useUiLang();
  const height = Math.max(2, timeline.lanes.length) * 40 + 70;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const laneIndex = new Map(timeline.lanes.map((l, i) => [l.key, i]));
    const items = timeline.items;
    const data = items.map((item, i) => {
      const lane = laneIndex.get(item.lane) ?? 0;
      return isBar(item) ? [ms(item.start), ms(addDays(item.end, 1)), lane, i] : [ms(item.date), ms(item.date), lane, i];
    });
    const renderItem = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
      const item = items[Number(api.value(3))];
      if (!item) return null;
      const lane = Number(api.value(2));
      const from = api.coord([api.value(0), lane]) as number[];
      const to = api.coord([api.value(1), lane]) as number[];
      const laneHeight = (api.size?.([0, 1]) as number[])[1] ?? 30;
      const [x0, y] = [from[0] ?? 0, from[1] ?? 0];
      const x1 = to[0] ?? x0;
      const color = colorOf(item);
      const grid = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
      if (item.type === 'takeover') {
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: x0, y1: grid.y, x2: x0, y2: grid.y + grid.height }, style: { stroke: color, lineWidth: 1.5, lineDash: [4, 3] } },
            { type: 'text', x: x0 + (rtl ? -4 : 4), y: grid.y - 18, style: { text: takeoverLabel, fill: '#212529', fontSize: 11, align: rtl ? 'right' : 'left' } },
          ],
        };
      }
      if (isBar(item)) {
        const h = laneHeight * 0.6;
        const left = Math.min(x0, x1);
        const width = Math.max(2, Math.abs(x1 - x0));
        const bar: CustomSeriesRenderItemReturn = {
          type: 'rect',
          shape: { x: left, y: y - h / 2, width, height: h, r: 3 },
          style: item.endKind === 'open'
            ? { fill: color, opacity: 0.55, stroke: color, lineDash: [3, 2], lineWidth: 1 }
            : { fill: color, stroke: item.endKind === 'planned' ? '#ffffff' : color, lineWidth: 1, opacity: item.endKind === 'planned' ? 0.8 : 1 },
        };
        if (item.type !== 'offer' || item.schoolPeriods.length === 0) return bar;
        // IGU school periods: light blocks inside the bar, outlined in the bar's colour.
        const blocks = item.schoolPeriods.map((p) => {
          const a = (api.coord([ms(p.start), lane]) as number[])[0] ?? x0;
          const b = (api.coord([ms(addDays(p.end, 1)), lane]) as number[])[0] ?? a;
          return {
            type: 'rect' as const,
            shape: { x: Math.min(a, b), y: y - h / 2 + 2, width: Math.max(2, Math.abs(b - a)), height: h - 4 },
            style: { fill: SCHOOL_FILL, stroke: color, lineWidth: 1 },
          };
        });
        return { type: 'group', children: [bar, ...blocks] } as CustomSeriesRenderItemReturn;
      }
      if (item.type === 'round') return { type: 'circle', shape: { cx: x0, cy: y, r: 6 }, style: { fill: color, stroke: '#ffffff', lineWidth: 1.5 } };
      const r = 7;
      return { type: 'polygon', shape: { points: [[x0, y - r], [x0 + r, y], [x0, y + r], [x0 - r, y]] }, style: { fill: color, stroke: '#ffffff', lineWidth: 1.5 } };
    };
    chart.setOption({
      animation: false,
      // Fixed room for the lane names (containLabel collapsed the grid in some right-to-left layouts).
      grid: { left: rtl ? 24 : LABEL_ROOM, right: rtl ? LABEL_ROOM : 24, top: 24, bottom: 28 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { value?: unknown }) => {
          const value = p.value as number[] | undefined;
          const item = value ? items[value[3] ?? -1] : undefined;
          return item ? describe(item).replace(/[<>&]/g, '') : '';
        },
      },
      xAxis: {
        type: 'time',
        min: ms(addDays(timeline.range.from, -7)),
        max: ms(addDays(timeline.range.to, 7)),
        inverse: rtl,
        axisLabel: { color: '#343a40', fontSize: 11, hideOverlap: true, formatter: axisDateFormatter(lang) },
        splitLine: { show: true, lineStyle: { color: '#e9ecef' } },
      },
      yAxis: {
        type: 'category',
        data: laneLabels,
        inverse: true,
        position: rtl ? 'right' : 'left',
        axisLabel: { color: '#343a40', fontSize: 11, width: LABEL_ROOM - 12, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [{ type: 'custom', renderItem, encode: { x: [0, 1], y: 2 }, data, clip: false }],
    });
    return settleSvgChart(el, chart);
  }, [timeline, laneLabels, describe, takeoverLabel, rtl, lang]);

  return <div ref={ref} role="img" aria-label={label} data-testid="timeline-chart" dir="ltr" style={{ width: '100%', height }} />;
}
