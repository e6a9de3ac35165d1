// Dates in the UI language. Chromium has no Tigrinya date data, so we ship its month names;
// Farsi needs the Gregorian calendar explicitly (fa-u-ca-gregory).
import type { Lang } from '../../domain/fip/index.ts';

export const TI_MONTHS = ['ጥሪ', 'ለካቲት', 'መጋቢት', 'ሚያዝያ', 'ግንቦት', 'ሰነ', 'ሓምለ', 'ነሓሰ', 'መስከረም', 'ጥቅምቲ', 'ሕዳር', 'ታሕሳስ'];

/** Format an ISO date (YYYY-MM-DD or full timestamp) as day, month name and year. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (lang === 'ti') return `${day} ${TI_MONTHS[month - 1] ?? month} ${year}`;
  const locale = lang === 'fa' ? 'fa-u-ca-gregory' : lang;
  const date = new Date(Date.UTC(year, month - 1, day));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Parts of an instant in Copenhagen time, the job centres' clock. */
const COPENHAGEN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An instant (ISO timestamp) as its Copenhagen date in the UI language (formatDate) and the time HH:mm. */
export function formatDateTime(iso: string, lang: Lang): string {
  const parts = COPENHAGEN.formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatDate(`${part('year')}-${part('month')}-${part('day')}`, lang)} ${part('hour')}:${part('minute')}`;
}
