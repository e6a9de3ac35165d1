// One horizontal bar chart (ECharts, SVG) for the FIP analytics' figures: grouped or stacked bars
// per category. Lazy-loaded by the page, so ECharts is fetched only when a chart is shown. The
// chart is a picture (aria-hidden SVG in a role="img" figure with a label); its numbers are in
// the data table beside it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { settleSvgChart } from '../../../lib/svg-chart.ts';

echarts.use([EBarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface BarSeries {
  name: string;
  color: string;
  /** One value per category; null = not shown (suppressed or no data). */
  values: (number | null)[];
  stack?: string;
}

interface Props {
  categories: string[];
  series: BarSeries[];
  label: string;
  min?: number;
  max?: number;
  testId: string;
  /** Format of axis and tooltip numbers (the UI language's). */
  format: (v: number) => string;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function BarChart({ categories, series, label, min, max, testId, format }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const height = Math.max(220, categories.length * (series.some((s) => s.stack) ? 30 : 14 + 12 * series.length) + 90);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const narrow = el.clientWidth < 560;
    chart.setOption({
      animation: false,
      legend: { top: 0, textStyle: { fontSize: 12, color: '#212529' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '–') },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min, max, axisLabel: { color: '#343a40', formatter: (v: number) => format(v) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories.map((c, i) => (narrow ? String(i + 1) : `${i + 1}. ${shorten(c, 42)}`)),
        axisLabel: { color: '#343a40', fontSize: 11 },
      },
      series: series.map((s) => ({ type: 'bar', name: s.name, stack: s.stack, data: s.values.map((v) => v ?? '-'), itemStyle: { color: s.color }, barMaxWidth: 18 })),
    });
    return settleSvgChart(el, chart);
  }, [categories, series, min, max, format]);
  return <div ref={ref} role="img" aria-label={label} data-testid={testId} dir="ltr" style={{ width: '100%', height }} />;
}
