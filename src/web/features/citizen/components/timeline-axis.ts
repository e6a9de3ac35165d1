// The timeline's date axis labels in the UI language: the year at January, the short month at
// other month starts, else day and short month. Tigrinya and Somali use the shipped month names
// (Chromium has no Tigrinya date data, so Intl would print another language's months); Farsi
// the Gregorian calendar the dates are in (fa-u-ca-gregory), not the Persian one Intl defaults to.
import type { Lang } from '../../../../domain/fip/index.ts';
import { shippedShortMonths } from '../../../components/ui/month-names.ts';

export function axisDateFormatter(lang: Lang): (value: number) => string {
  const shipped = shippedShortMonths(lang);
  const locale = lang === 'fa' ? 'fa-u-ca-gregory' : lang;
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (value) => {
    const d = new Date(value);
    if (d.getUTCDate() === 1 && d.getUTCMonth() === 0) return String(d.getUTCFullYear());
    if (shipped) {
      const name = shipped[d.getUTCMonth()] as string;
      return d.getUTCDate() === 1 ? name : `${d.getUTCDate()} ${name}`;
    }
    return d.getUTCDate() === 1 ? month.format(d) : dayMonth.format(d);
  };
}
