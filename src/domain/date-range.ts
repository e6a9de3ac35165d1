// The one range of calendar dates jobvej accepts anywhere (requests, rules, reports):
// 1900-01-01 … 2100-12-31. Every date a person or a company can have lies inside it (births of
// the oldest citizens, arrivals, takeovers, offers, planned ends two years on), and the date
// arithmetic of src/domain/dates.ts stays far from its own limits (years 0001–9999) for
// whatever a rule adds to a date in range. A date outside it is a client's mistake (400), never
// a value to store.
import { tryParseIsoDate } from './dates.ts';

export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

/**
 * True when `value` is a real YYYY-MM-DD calendar date (no 2023-02-29, no 2024-13-01) inside
 * DATE_RANGE (both ends included).
 * @example isDateInRange('2100-12-31') // true
 * @example isDateInRange('9999-01-01') // false
 */
export function isDateInRange(value: unknown): value is string {
  if (typeof value !== 'string' || tryParseIsoDate(value) === null) return false;
  // Real four-digit dates compare correctly as strings.
  return value >= DATE_RANGE.min && value <= DATE_RANGE.max;
}
