import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { IndustryDemandView } from '../../../lib/types.ts';
import { settleSvgChart } from '../../../lib/svg-chart.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * Open slots next to citizens in matching packages, one pair of bars per industry (by code). A
 * picture of the table above it, which is its text alternative: the SVG is hidden from screen readers.
 */
export function DemandChart({ rows }: { rows: IndustryDemandView[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      color: ['#0b7285', '#c2255c'],
      legend: { bottom: 0, textStyle: { fontSize: 13, color: '#212529' } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.db07), axisLabel: { color: '#343a40' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#343a40' } },
      series: [
        { type: 'bar', name: t('companies.demand.slotsSeries'), data: rows.map((r) => r.openSlots.total) },
        { type: 'bar', name: t('companies.demand.citizensSeries'), data: rows.map((r) => r.citizens.active) },
      ],
    });
    return settleSvgChart(el, chart);
  }, [rows, t]);
  return <div ref={ref} style={{ width: '100%', height: 280 }} aria-hidden="true" data-testid="demand-chart" dir="ltr" />;
}
