// Numbers of an evaluation in the UI language: levels as percent, effects in percentage points.
import type { Lang } from '../../../domain/fip/index.ts';

const locale = (lang: Lang): string => (lang === 'fa' ? 'fa-u-ca-gregory' : lang);

export function formatPercent(x: number | null, lang: Lang, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A signed relative change (0.27 → +27 %). */
export function formatRelative(x: number | null, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(x);
}

/** A proportion difference as signed percentage points, the number only (0.042 → +4.2). */
export function formatPoints(x: number | null, lang: Lang): string {
  if (x === null || !Number.isFinite(x)) return '–';
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(x * 100);
}

export function formatCount(x: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(x);
}

/** A number with at most `maxFractionDigits` decimals (6.5, 0.2). */
export function formatNumber(x: number, lang: Lang, maxFractionDigits: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits }).format(x);
}

export function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes / 1024 / 1024;
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: mb < 10 ? 2 : 0 }).format(mb)} MB`;
}
