// What every ECharts figure of the app does once its option is set: the SVG is a picture for
// sighted users only (the figure's label and its data table say the numbers), and the chart
// follows its container's width (which can still be settling when it is first drawn).
import type { EChartsType } from 'echarts/core';

/** Hide the chart's SVG from assistive technology and resize with the element; returns the effect's cleanup. */
export function settleSvgChart(el: HTMLElement, chart: EChartsType): () => void {
  const svg = el.querySelector('svg');
  svg?.setAttribute('aria-hidden', 'true');
  svg?.setAttribute('focusable', 'false');
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(el);
  return () => {
    observer.disconnect();
    chart.dispose();
  };
}
