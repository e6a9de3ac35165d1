import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_RANGE, isDateInRange } from './date-range.ts';
import { addDays, daysInMonth, formatIsoDate } from './dates.ts';

const realDate = (minYear: number, maxYear: number) =>
  fc
    .record({ year: fc.integer({ min: minYear, max: maxYear }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe('the domain date range', () => {
  it('is 1900-01-01 … 2100-12-31, both ends included', () => {
    expect(DATE_RANGE).toEqual({ min: '1900-01-01', max: '2100-12-31' });
    expect(isDateInRange('1900-01-01')).toBe(true);
    expect(isDateInRange('2100-12-31')).toBe(true);
    expect(isDateInRange('1899-12-31')).toBe(false);
    expect(isDateInRange('2101-01-01')).toBe(false);
  });

  it('refuses the years 0000 and 9999, impossible days and anything but YYYY-MM-DD', () => {
    for (const bad of ['0000-01-01', '9999-01-01', '9999-12-31', '2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-1-1',
      '+002024-01-01', '20240101', '2024-01-01T00:00:00Z', ' 2024-01-01', '2024-01-01\u0000', '', '٢٠٢٤-٠١-٠١']) {
      expect(isDateInRange(bad), bad).toBe(false);
    }
    for (const notString of [null, undefined, 20240101, new Date('2024-01-01'), ['2024-01-01']]) expect(isDateInRange(notString)).toBe(false);
    expect(isDateInRange('2024-02-29')).toBe(true);
  });

  it('accepts every real date inside the range and no real date outside it', () => {
    fc.assert(fc.property(realDate(1900, 2100), (d) => isDateInRange(d)));
    fc.assert(fc.property(fc.oneof(realDate(1, 1899), realDate(2101, 9999)), (d) => !isDateInRange(d)));
  });

  it('agrees with the date arithmetic at the edges', () => {
    expect(isDateInRange(addDays(DATE_RANGE.min, -1))).toBe(false);
    expect(isDateInRange(addDays(DATE_RANGE.max, 1))).toBe(false);
  });
});
