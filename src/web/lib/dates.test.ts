import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

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

describe('formatDateTime', () => {
  it('gives the Copenhagen date in the UI language and the time, Gregorian in Farsi and with Tigrinya month names', () => {
    // 23:30 UTC on 3 December is 00:30 on 4 December in Copenhagen (winter time, UTC+1).
    expect(formatDateTime('2026-12-03T23:30:00.000Z', 'da')).toBe(`${formatDate('2026-12-04', 'da')} 00:30`);
    expect(formatDateTime('2026-07-01T10:05:00.000Z', 'da')).toBe(`${formatDate('2026-07-01', 'da')} 12:05`);
    expect(formatDateTime('2026-12-03T15:26:00.000Z', 'ti')).toBe('3 ታሕሳስ 2026 16:26');
    expect(formatDateTime('2026-12-03T15:26:00.000Z', 'fa')).toBe(`${formatDate('2026-12-03', 'fa')} 16:26`);
  });
});
