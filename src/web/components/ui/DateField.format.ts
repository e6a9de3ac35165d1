// How a date is written in a date field, per UI language (decision 027), and how typed text is
// read back to the ISO date (YYYY-MM-DD) that forms and the API use. Pure: no dayjs, no DOM, so
// the typing half of the field costs the main bundle nothing.
//
//   da  15-03-1992  (dd-mm-åååå)
//   en  15/03/1992  (day first, as British English and Denmark write it — never month first)
//   ar  15/03/1992  (day first; Western digits, as the CPR and the documents it is copied from)
//   so  15/03/1992
//   ti  15/03/1992
//   fa  1992/03/15  (year first, the Iranian order, in the Gregorian calendar)
//
// Reading is lenient in what a person types: any of - / . or a space between the parts, one- or
// two-digit day and month, Arabic-Indic and Persian digits, bidi marks; a four-digit first part
// is always year-month-day (an ISO date pasted in any language), a four-digit last part is
// day-month-year; eight digits without separators in the language's order. A two-digit year is
// refused (which century?), as is a day that does not exist or a date outside DATE_RANGE.
import { DATE_RANGE, isDateInRange } from '../../../domain/date-range.ts';
import type { Lang } from '../../../domain/fip/index.ts';

export interface DatePattern {
  /** The parts in order. */
  readonly order: 'dmy' | 'ymd';
  readonly separator: string;
}

export const DATE_PATTERNS: Readonly<Record<Lang, DatePattern>> = {
  da: { order: 'dmy', separator: '-' },
  en: { order: 'dmy', separator: '/' },
  ar: { order: 'dmy', separator: '/' },
  so: { order: 'dmy', separator: '/' },
  ti: { order: 'dmy', separator: '/' },
  fa: { order: 'ymd', separator: '/' },
};

export type DateParse =
  | { readonly ok: true; readonly iso: string }
  | { readonly ok: false; readonly reason: 'empty' | 'format' | 'twoDigitYear' | 'noSuchDate' | 'range' };

/** An ISO date YYYY-MM-DD written the language's way; '' for anything else. */
export function formatDateInput(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return '';
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const { order, separator } = DATE_PATTERNS[lang];
  return order === 'dmy' ? [d, mo, y].join(separator) : [y, mo, d].join(separator);
}

const ARABIC_INDIC = /[\u0660-\u0669]/g;
const PERSIAN = /[\u06F0-\u06F9]/g;
// LRM, RLM, ALM and the other invisible direction marks a right-to-left keyboard or a paste brings.
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** Western digits, no direction marks, trimmed. */
export function normaliseDateText(text: string): string {
  return text
    .replace(ARABIC_INDIC, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(PERSIAN, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(BIDI_MARKS, '')
    .trim();
}

/**
 * Typed text to an ISO date, or why not.
 * @example parseDateInput('15-03-1992', 'da') // { ok: true, iso: '1992-03-15' }
 * @example parseDateInput('31-02-1992', 'da') // { ok: false, reason: 'noSuchDate' }
 */
export function parseDateInput(text: string, lang: Lang): DateParse {
  const s = normaliseDateText(text);
  if (s === '') return { ok: false, reason: 'empty' };
  let y: string, mo: string, d: string;
  const parts = /^(\d{1,4})[-/.\s]+(\d{1,2})[-/.\s]+(\d{1,4})$/.exec(s);
  const compact = /^\d{8}$/.test(s);
  if (parts) {
    const [, a, b, c] = parts as unknown as [string, string, string, string];
    if (a.length === 4 && c.length <= 2) [y, mo, d] = [a, b, c];
    else if (c.length === 4 && a.length <= 2) [d, mo, y] = [a, b, c];
    else if (a.length <= 2 && c.length <= 2) return { ok: false, reason: 'twoDigitYear' };
    else return { ok: false, reason: 'format' };
  } else if (compact) {
    if (DATE_PATTERNS[lang].order === 'ymd') [y, mo, d] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8)];
    else [d, mo, y] = [s.slice(0, 2), s.slice(2, 4), s.slice(4, 8)];
  } else {
    return { ok: false, reason: 'format' };
  }
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const year = Number(y), month = Number(mo), day = Number(d);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (month < 1 || month > 12 || day < 1 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return { ok: false, reason: 'noSuchDate' };
  if (!isDateInRange(iso)) return { ok: false, reason: 'range' };
  return { ok: true, iso };
}

export { DATE_RANGE };
