import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { RadarChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asksItem, itemsAcross, textOf, type Instrument, type Lang, type Respondent } from '../../../../domain/fip/index.ts';
import { chartRounds } from '../chart-rounds.ts';
import type { Round } from '../../../lib/types.ts';
import { settleSvgChart } from '../../../lib/svg-chart.ts';

echarts.use([RadarChart, LegendComponent, TooltipComponent, SVGRenderer]);

const COLORS = ['#0b7285', '#c2255c', '#5f3dc4'];

function shorten(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Props {
  /** The newest charted round's version: its items lead the axes and give the scale. */
  instrument: Instrument;
  /** Every round's own version by instrumentVersion: a round is charted on the items it was asked. */
  versions: ReadonlyMap<string, Instrument>;
  rounds: Round[];
  respondent: Respondent;
  lang: Lang;
  rtl: boolean;
}

/** Star (radar) chart with up to three rounds overlaid (the baseline and the last two), plus a data table as its text alternative. */
export function StarChart({ instrument, versions, rounds, respondent, lang, rtl }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = chartRounds(rounds);
  const versionOf = (r: Round) => versions.get(r.instrumentVersion) ?? instrument;
  // One version: its items. Several: the newest's, then the items only older versions asked.
  const items = itemsAcross([instrument, ...shown.map(versionOf).reverse()], respondent);
  /** The round's answer to the item, only when the round's own version asked it. */
  const answerOf = (r: Round, item: (typeof items)[number]) => (asksItem(versionOf(r), item) ? r.answers[respondent][item.id] : undefined);
  const seriesName = (r: Round) => t('citizenPage.roundN', { n: r.roundNo });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    const narrow = el.clientWidth < 500;
    chart.setOption({
      animation: false,
      color: COLORS,
      legend: { bottom: 0, data: shown.map(seriesName), textStyle: { fontSize: 13, color: '#212529' } },
      tooltip: { trigger: 'item' },
      radar: {
        radius: narrow ? '55%' : '65%',
        center: ['50%', '48%'],
        startAngle: 90,
        clockwise: !rtl,
        indicator: items.map((item, i) => ({
          name: narrow ? String(i + 1) : `${i + 1}. ${shorten(textOf(item.text, lang))}`,
          min: 0,
          max: instrument.scale.max,
        })),
        axisName: { color: '#343a40', fontSize: 11 },
        splitNumber: 7,
      },
      series: [
        {
          type: 'radar',
          data: shown.map((r) => ({
            name: seriesName(r),
            value: items.map((item) => {
              const v = answerOf(r, item);
              return typeof v === 'number' ? v : '-';
            }),
            areaStyle: { opacity: 0.08 },
          })),
        },
      ],
    });
    return settleSvgChart(el, chart);
  }, [instrument, versions, rounds, respondent, lang, rtl, t]);

  const label = t('citizenPage.chartLabel', {
    who: t(respondent === 'citizen' ? 'citizenPage.citizenAnswers' : 'citizenPage.caseworkerAnswers'),
    rounds: shown.map(seriesName).join(', '),
  });
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref} className="jv-chart" role="img" aria-label={label} data-testid="star-chart" dir="ltr" />
      <Text size="xs" c="gray.7" ta="center">
        {t('citizenPage.chartMissingNote')}
      </Text>
      <VisuallyHidden>
        <Table data-testid="star-chart-table">
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">{t('citizenPage.item')}</th>
              {shown.map((r) => (
                <th key={r.id} scope="col">
                  {seriesName(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{textOf(item.text, lang)}</th>
                {shown.map((r) => {
                  const v = answerOf(r, item);
                  return <td key={r.id}>{typeof v === 'number' ? v : v === null ? t('citizenPage.dontKnowShort') : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
