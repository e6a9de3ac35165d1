import { describe, expect, it } from 'vitest';
import { daysUntilRoundDue, isRoundDue, nextRoundDue } from './schedule.ts';

describe('nextRoundDue', () => {
  it('is takeover + 3 months before the first round', () => {
    expect(nextRoundDue('2026-01-15', null)).toBe('2026-04-15');
  });
  it('is last round + 3 months afterwards', () => {
    expect(nextRoundDue('2026-01-15', '2026-05-02')).toBe('2026-08-02');
  });
  it('clamps to the month end', () => {
    expect(nextRoundDue('2025-11-30', null)).toBe('2026-02-28');
    expect(nextRoundDue('2023-11-30', null)).toBe('2024-02-29');
    expect(nextRoundDue('2026-01-01', '2026-05-31')).toBe('2026-08-31');
    expect(nextRoundDue('2026-01-01', '2026-03-31')).toBe('2026-06-30');
  });
  it('rejects invalid dates', () => {
    expect(() => nextRoundDue('2026-02-30', null)).toThrow(RangeError);
    expect(() => nextRoundDue('2026-01-01', '31-12-2026')).toThrow(RangeError);
  });
});

describe('isRoundDue', () => {
  it('is false before the due date, true on and after it', () => {
    expect(isRoundDue('2026-01-15', null, '2026-04-14')).toBe(false);
    expect(isRoundDue('2026-01-15', null, '2026-04-15')).toBe(true);
    expect(isRoundDue('2026-01-15', null, '2026-06-01')).toBe(true);
  });
  it('counts from the last round once there is one', () => {
    expect(isRoundDue('2026-01-15', '2026-04-20', '2026-06-01')).toBe(false);
    expect(isRoundDue('2026-01-15', '2026-04-20', '2026-07-20')).toBe(true);
  });
  it('tells how many days are left (negative when overdue)', () => {
    expect(daysUntilRoundDue('2026-01-15', null, '2026-04-05')).toBe(10);
    expect(daysUntilRoundDue('2026-01-15', null, '2026-04-25')).toBe(-10);
  });
});
