import { describe, expect, it } from 'vitest';
import { formatDate } from './dates.ts';

describe('formatDate', () => {
  it('writes Danish and English month names', () => {
    expect(formatDate('2026-03-05', 'da')).toBe('5. marts 2026');
    expect(formatDate('2026-03-05', 'en')).toMatch(/March/);
  });
  it('ships Tigrinya month names (Chromium has none)', () => {
    expect(formatDate('2026-09-08', 'ti')).toBe('8 መስከረም 2026');
    expect(formatDate('2026-12-31T10:00:00Z', 'ti')).toBe('31 ታሕሳስ 2026');
  });
  it('uses the Gregorian calendar for Farsi', () => {
    const s = formatDate('2026-03-05', 'fa');
    expect(s).toMatch(/مارس/);
    expect(s).toMatch(/۲۰۲۶/);
  });
  it('leaves a non-date as it is', () => {
    expect(formatDate('soon', 'da')).toBe('soon');
  });
});
