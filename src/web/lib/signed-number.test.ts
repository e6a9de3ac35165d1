import { describe, expect, it } from 'vitest';
import { formatChange, formatValue } from './signed-number.ts';

describe('progression numbers in the UI language', () => {
  it('Danish uses the decimal comma (the table printed "5.3 (+0.3)")', () => {
    expect(formatValue(5.3, 'da')).toBe('5,3');
    expect(formatChange(0.3, 'da')).toBe('+0,3');
    expect(formatChange(-1.25, 'da')).toBe('−1,3');
  });
  it('English keeps the point; whole numbers have no decimals; no change is ±0; nothing is –', () => {
    expect(formatValue(5.3, 'en')).toBe('5.3');
    expect(formatValue(4, 'da')).toBe('4');
    expect(formatChange(0, 'da')).toBe('±0');
    expect(formatChange(null, 'da')).toBe('–');
    expect(formatValue(undefined, 'ar')).toBe('–');
  });
  it('Arabic and Farsi keep Latin digits, as the rest of the tables do', () => {
    expect(formatValue(5.3, 'ar')).toMatch(/^5.3$/);
    expect(formatValue(5.3, 'fa')).toMatch(/^5.3$/);
  });
});
