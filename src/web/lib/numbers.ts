// Numbers in the UI language's grouping and decimal marks (1.234 in Danish, 1,234 in English),
// always with Latin digits: tables mix them with codes and dates, and the job centres' reports use them.
import type { Lang } from '../../domain/fip/index.ts';

const formatters = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(n: number, lang: Lang): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : lang, { numberingSystem: 'latn', maximumFractionDigits: 1 });
    formatters.set(lang, f);
  }
  return f.format(n);
}

const decimals = new Map<string, Intl.NumberFormat>();

/** A number with exactly `digits` decimals (means, intervals, odds ratios), same marks and digits as formatNumber. */
export function formatDecimal(n: number, lang: Lang, digits: number): string {
  const key = `${lang}:${digits}`;
  let f = decimals.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : lang, { numberingSystem: 'latn', minimumFractionDigits: digits, maximumFractionDigits: digits });
    decimals.set(key, f);
  }
  return f.format(n);
}

const shares = new Map<Lang, Intl.NumberFormat>();

/** A share 0..1 as a percentage with one decimal (87,5 % in Danish), same marks and digits as formatNumber; '–' for none. */
export function formatShare(share: number | null, lang: Lang): string {
  if (share === null) return '–';
  let f = shares.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : lang, { style: 'percent', numberingSystem: 'latn', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    shares.set(lang, f);
  }
  return f.format(share);
}
