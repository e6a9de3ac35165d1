// A change between two rounds in the UI language's number format (+0,3 in Danish, +0.3 in English),
// with a real minus sign (−) and ± for no change.
import type { Lang } from '../../domain/fip/index.ts';
import { formatNumber } from './numbers.ts';

export function formatChange(d: number | null | undefined, lang: Lang): string {
  if (d === null || d === undefined) return '–';
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatNumber(Math.abs(d), lang)}`;
}

/** A mean or an answer (5,3 in Danish), '–' when there is none. */
export function formatValue(v: number | null | undefined, lang: Lang): string {
  return typeof v === 'number' ? formatNumber(v, lang) : '–';
}
