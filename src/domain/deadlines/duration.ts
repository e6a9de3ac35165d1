/** Adding a policy duration to a date: days and weeks by days, months by calendar months (clamped). */
import { addDays, addMonths, type IsoDate } from './date-math.ts';
import type { PolicyDuration } from './rule-fields.ts';

/** @example addDuration('2024-01-31', { amount: 1, unit: 'months' }) // '2024-02-29' */
export function addDuration(date: IsoDate, d: PolicyDuration): IsoDate {
  switch (d.unit) {
    case 'days':
      return addDays(date, d.amount);
    case 'weeks':
      return addDays(date, 7 * d.amount);
    case 'months':
      return addMonths(date, d.amount);
  }
}
