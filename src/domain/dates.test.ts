import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, compareIsoDates, daysBetween, daysInMonth, formatIsoDate, isIsoDate, parseIsoDate, tryParseIsoDate,
} from './dates.ts';

describe('parsing', () => {
  it('parses real dates', () => {
    expect(parseIsoDate('2026-11-25')).toEqual({ year: 2026, month: 11, day: 25 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it('rejects impossible or malformed dates', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5', '2026-01-05T00:00', '', '0000-01-01']) {
      expect(tryParseIsoDate(bad), bad).toBeNull();
      expect(isIsoDate(bad), bad).toBe(false);
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
    }
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate(20260101)).toBe(false);
  });
  it('formats with zero padding', () => {
    expect(formatIsoDate({ year: 987, month: 3, day: 4 })).toBe('0987-03-04');
  });
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('addMonths', () => {
  it('adds months within and across years', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-11-25', 3)).toBe('2027-02-25');
    expect(addMonths('2026-01-15', 24)).toBe('2028-01-15');
  });
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
  it('handles leap years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-29', 3)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2099-11-30', 3)).toBe('2100-02-28');
    expect(addMonths('1999-11-30', 3)).toBe('2000-02-29');
  });
  it('goes backwards with negative months', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -3)).toBe('2025-10-15');
    expect(addMonths('2026-05-31', 0)).toBe('2026-05-31');
  });
  it('rejects fractional months and invalid dates', () => {
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, year and leap day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });
  it('counts days between dates, negative when reversed', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(daysBetween('0050-01-01', '0050-01-02')).toBe(1);
  });
  it('is the inverse of addDays', () => {
    for (const n of [-400, -1, 0, 1, 59, 365, 1000]) expect(daysBetween('2024-02-29', addDays('2024-02-29', n))).toBe(n);
  });
  it('compares dates', () => {
    expect(compareIsoDates('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareIsoDates('2025-12-31', '2026-01-01')).toBeLessThan(0);
  });
});

describe('the calendar edges', () => {
  it('saturate instead of throwing, so a stored year-9999 date can still be presented', () => {
    expect(addMonths('9999-11-15', 3)).toBe('9999-12-31');
    expect(addDays('9999-12-30', 5)).toBe('9999-12-31');
    expect(addDays('0001-01-02', -5)).toBe('0001-01-01');
    expect(addMonths('0001-02-01', -3)).toBe('0001-01-01');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
  });
});
