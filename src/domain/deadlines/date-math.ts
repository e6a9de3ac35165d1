/**
 * ISO calendar-date arithmetic for the deadline rules (UTC, no clock, no time of day).
 *
 * Written here because `src/domain/dates.ts` did not exist yet when the deadline rules were
 * built; once it lands, these can be replaced by its helpers with the same semantics.
 *
 * @example addMonths('2024-01-31', 1) // '2024-02-29' (clamped to the month's last day)
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (e.g. not 2023-02-29). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in month `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number since 1970-01-01 (UTC). Throws RangeError on a malformed date. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO calendar date: ${String(date)}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` (may be negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * `date` plus `months` calendar months; a day that does not exist in the target month is
 * clamped to that month's last day (2024-01-31 + 1 month = 2024-02-29; 2023-01-31 → 2023-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  toDayNumber(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}
