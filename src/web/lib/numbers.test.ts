import { describe, expect, it } from 'vitest';
import { formatNumber, formatShare } from './numbers.ts';

describe('formatNumber', () => {
  it('groups in the UI language with Latin digits', () => {
    expect(formatNumber(12345, 'da')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(12345, 'ar')).toMatch(/^12.?345$/);
    expect(formatNumber(0, 'ti')).toBe('0');
    expect(formatNumber(2.25, 'da')).toBe('2,3');
  });
});

describe('formatShare', () => {
  it('a share as a percentage with one decimal in the UI language, Latin digits', () => {
    expect(formatShare(0.875, 'da')).toBe('87,5\u00a0%');
    expect(formatShare(0.875, 'en')).toBe('87.5%');
    expect(formatShare(1 / 3, 'ar')).toMatch(/^33.3/);
    expect(formatShare(null, 'da')).toBe('–');
  });
});
