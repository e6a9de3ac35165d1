import { describe, expect, it } from 'vitest';
import { firstDayOfMonth, formatDate, formatIsoWeek, monthLabel, monthOfDay, parseDate, parseIsoWeek, quarterLabel, quarterOfDay, weekOfDay } from './iso-week.ts';

describe('iso weeks', () => {
  it('parses and formats ISO weeks, consecutive weeks differ by one', () => {
    const a = parseIsoWeek('2017-W05');
    expect(formatIsoWeek(a)).toBe('2017-W05');
    expect(parseIsoWeek('2017-W06')).toBe(a + 1);
    expect(parseIsoWeek('2016-W01') - parseIsoWeek('2015-W53')).toBe(1);
  });
  it('knows long years (week 53) and rejects bad weeks', () => {
    expect(parseIsoWeek('2015-W53')).toBeGreaterThan(0);
    expect(parseIsoWeek('2017-W53')).toBe(-1);
    expect(parseIsoWeek('2017-W00')).toBe(-1);
    expect(parseIsoWeek('2017-05')).toBe(-1);
    expect(parseIsoWeek('2017-Wxx')).toBe(-1);
  });
  it('maps dates to their ISO week and quarter', () => {
    const d = parseDate('2017-01-01'); // a Sunday: ISO week 2016-W52
    expect(d).toBeDefined();
    expect(formatIsoWeek(weekOfDay(d ?? 0))).toBe('2016-W52');
    expect(quarterLabel(quarterOfDay(parseDate('2017-05-31') ?? 0))).toBe('2017Q2');
    expect(parseDate('2017-02-30')).toBeUndefined();
    expect(parseDate('17-02-01')).toBeUndefined();
  });
  it('maps dates to their month, its first day and its label', () => {
    const m = monthOfDay(parseDate('2017-12-31') ?? 0);
    expect(monthLabel(m)).toBe('2017M12');
    expect(formatDate(firstDayOfMonth(m))).toBe('2017-12-01');
    expect(formatDate(firstDayOfMonth(m + 1))).toBe('2018-01-01');
    expect(monthLabel(monthOfDay(parseDate('2016-02-29') ?? 0))).toBe('2016M02');
  });
});
