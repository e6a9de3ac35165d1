// Sanity checks of the test-only simulator's own calendar code (it must be right on its own).
import { describe, expect, it } from 'vitest';
import { countDays, plusDays, plusMonths } from './simulate.test-helper.ts';

describe('simulator calendar', () => {
  it('clamps month ends, knows leap years (2100 is not one) and counts days', () => {
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(plusMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(plusMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(plusMonths('2024-12-31', 2)).toBe('2025-02-28');
    expect(plusDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(plusDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(countDays('2024-01-31', '2024-02-29')).toBe(29);
    expect(countDays('2024-03-01', '2024-02-28')).toBe(-2);
  });
});
