/**
 * Day numbers for the deadline rules, on top of the shared ISO date helpers in `../dates.ts`
 * (UTC calendar dates, addMonths clamps to the month's last day: 2024-01-31 + 1 month = 2024-02-29).
 * The rules compare and subtract whole days, so they work on day numbers since 1970-01-01.
 */
import { addDays, addMonths, daysBetween, isIsoDate } from '../dates.ts';

export { addDays, addMonths, daysBetween, isIsoDate };

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const EPOCH = '1970-01-01';

/** Day number since 1970-01-01. Throws RangeError on anything but a real calendar date. */
export function toDayNumber(date: IsoDate): number {
  return daysBetween(EPOCH, date);
}

/** Inverse of {@link toDayNumber}. @example fromDayNumber(0) // '1970-01-01' */
export function fromDayNumber(day: number): IsoDate {
  return addDays(EPOCH, day);
}
