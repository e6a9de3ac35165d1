import { describe, expect, it } from 'vitest';
import { formatNumber } from './numbers.ts';

describe('formatNumber', () => {
  it('groups in the UI language with Latin digits', () => {
    expect(formatNumber(12345, 'da')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'ar')).toMatch(/^12.?345$/);
    expect(formatNumber(0, 'ti')).toBe('0');
    expect(formatNumber(2.25, 'da')).toBe('2,3');
  });
});
