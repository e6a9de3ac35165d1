// The calibration by gender (ECharts, SVG; lazy-loaded with the page's chart): mean predicted
// probability against the observed share employed per decile, women and men, with the diagonal
// of perfect calibration. A picture (aria-hidden SVG in a labelled figure); its numbers are in the
// table beside it.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { settleSvgChart } from '../../../lib/svg-chart.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface CalibrationSeries {
  name: string;
  color: string;
  /** [predicted, observed] per decile. */
  points: [number, number][];
}

interface Props {
  series: CalibrationSeries[];
  diagonal: string;
  xLabel: string;
  yLabel: string;
  label: string;
  format: (v: number) => string;
}

export function CalibrationChart({ series, diagonal, xLabel, yLabel, label, format }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const axis = (name: string) => ({
      type: 'value' as const,
      min: 0,
      max: 1,
      name,
      nameLocation: 'middle' as const,
      nameGap: 30,
      nameTextStyle: { color: '#343a40' },
      axisLabel: { color: '#343a40', formatter: (v: number) => format(v) },
    });
    chart.setOption({
      animation: false,
      legend: { top: 0, textStyle: { fontSize: 12, color: '#212529' } },
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '–') },
      grid: { left: 48, right: 16, top: 40, bottom: 48 },
      xAxis: axis(xLabel),
      yAxis: axis(yLabel),
      series: [
        { type: 'line', name: diagonal, data: [[0, 0], [1, 1]], symbol: 'none', lineStyle: { color: '#868e96', type: 'dashed', width: 1 }, itemStyle: { color: '#868e96' } },
        ...series.map((s) => ({ type: 'line', name: s.name, data: s.points, symbolSize: 8, lineStyle: { color: s.color, width: 2 }, itemStyle: { color: s.color } })),
      ],
    });
    return settleSvgChart(el, chart);
  }, [series, diagonal, xLabel, yLabel, format]);
  return <div ref={ref} role="img" aria-label={label} data-testid="em-calibration-chart" dir="ltr" style={{ width: '100%', maxWidth: 560, height: 360 }} />;
}
