// When the next FIP round is due: every 3 months, from the takeover date or the last round.
import { addMonths, daysBetween, parseIsoDate } from '../dates.ts';

/** FIP is measured at each of the four yearly follow-up conversations (DOMAIN.md §1). */
export const ROUND_INTERVAL_MONTHS = 3;

/**
 * Date the next FIP round is due: takeover + 3 months when no round has been held,
 * otherwise last round + 3 months (month-end clamped).
 * @example nextRoundDue('2026-01-15', null) // '2026-04-15'
 * @example nextRoundDue('2026-01-15', '2026-05-31') // '2026-08-31'
 */
export function nextRoundDue(takeoverDate: string, lastRoundDate: string | null): string {
  parseIsoDate(takeoverDate);
  return addMonths(lastRoundDate ?? takeoverDate, ROUND_INTERVAL_MONTHS);
}

/** Days until the next round is due (0 = due today, negative = overdue by that many days). */
export function daysUntilRoundDue(takeoverDate: string, lastRoundDate: string | null, today: string): number {
  return daysBetween(today, nextRoundDue(takeoverDate, lastRoundDate));
}

/** True when the next round is due on or before `today`. */
export function isRoundDue(takeoverDate: string, lastRoundDate: string | null, today: string): boolean {
  return daysUntilRoundDue(takeoverDate, lastRoundDate, today) <= 0;
}
