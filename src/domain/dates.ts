// Pure ISO calendar-date helpers (YYYY-MM-DD), computed in UTC. No clock: "today" is always an argument.

export interface DateParts {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days in a month (month 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse a calendar date; returns null when it is not a real YYYY-MM-DD date. */
export function tryParseIsoDate(iso: string): DateParts | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && tryParseIsoDate(value) !== null;
}

/** Parse a calendar date. Throws RangeError on anything but a real YYYY-MM-DD date. */
export function parseIsoDate(iso: string): DateParts {
  const parts = tryParseIsoDate(iso);
  if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return parts;
}

export function formatIsoDate({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toEpochDay(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** 0001-01-01 and 9999-12-31 as epoch days: the years an ISO date can write. */
const FIRST_EPOCH_DAY = -719_162;
const LAST_EPOCH_DAY = 2_932_896;

/**
 * The date of an epoch day, saturated to 0001-01-01 … 9999-12-31: arithmetic on a date near the
 * edge of the calendar (a stored year-9999 typo plus three months) stays a date instead of
 * throwing, so one bad row can still be presented (input is held to the domain range, date-range.ts).
 */
function fromEpochDay(epochDay: number): string {
  const d = new Date(Math.min(LAST_EPOCH_DAY, Math.max(FIRST_EPOCH_DAY, epochDay)) * MS_PER_DAY);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** @example addDays('2024-02-28', 1) // '2024-02-29' */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(iso) + days);
}

/**
 * Add calendar months; a day that does not exist in the target month is clamped to its last day.
 * @example addMonths('2025-11-30', 3) // '2026-02-28'
 * @example addMonths('2024-02-29', 12) // '2025-02-28'
 */
export function addMonths(iso: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const { year, month, day } = parseIsoDate(iso);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  // Saturated at the calendar's ends, like fromEpochDay.
  if (y > 9999) return '9999-12-31';
  if (y < 1) return '0001-01-01';
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @example daysBetween('2024-02-28', '2024-03-01') // 2 */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Compare two ISO dates: negative, 0 or positive (valid dates compare correctly as strings too). */
export function compareIsoDates(a: string, b: string): number {
  return daysBetween(b, a);
}
