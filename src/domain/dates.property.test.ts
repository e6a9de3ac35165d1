import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, formatIsoDate, parseIsoDate } from './dates.ts';

const isoDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe('dates (properties)', () => {
  it('addDays and daysBetween are inverses', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => daysBetween(d, addDays(d, n)) === n));
  });

  it('addMonths lands in the right month, on the same day or the month end', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -60, max: 60 }), (d, n) => {
      const from = parseIsoDate(d);
      const to = parseIsoDate(addMonths(d, n));
      const months = (to.year - from.year) * 12 + (to.month - from.month);
      expect(months).toBe(n);
      expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
    }));
  });

  it('matches the JavaScript Date for days on or before the 28th', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -60, max: 60 }), (d, n) => {
      const { year, month, day } = parseIsoDate(d);
      fc.pre(day <= 28);
      const expected = new Date(Date.UTC(year, month - 1 + n, day)).toISOString().slice(0, 10);
      return addMonths(d, n) === expected;
    }));
  });
});
