import { describe, expect, it } from 'vitest';
import { cprCentury, isValidCpr, maskCpr, parseCpr } from './cpr.ts';

describe('parseCpr', () => {
  it('accepts DDMMYY-XXXX and ten digits, normalised to ten digits', () => {
    expect(parseCpr('010190-1234')).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
    expect(parseCpr('0101901234')).toEqual({ ok: true, cpr: '0101901234', birthDate: '1990-01-01' });
  });

  it('rejects wrong shapes', () => {
    for (const bad of ['', '010190', '010190-123', '010190 1234', 'abcdef-1234', '010190--1234', '01019012345']) {
      expect(parseCpr(bad).ok, bad).toBe(false);
    }
  });

  it('rejects impossible dates', () => {
    expect(parseCpr('320190-1234')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('011390-1234')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('000190-1234')).toEqual({ ok: false, reason: 'date' });
  });

  it('applies the century rule of the 7th digit (29 February decides)', () => {
    // 7th digit 4: 00–36 → 2000s. 2000 was a leap year, 1900 was not.
    expect(parseCpr('290200-4123')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseCpr('290200-1123')).toEqual({ ok: false, reason: 'date' });
    // 7th digit 5–8: 58–99 → 1800s; 00–57 → 2000s.
    expect(parseCpr('010158-5000')).toMatchObject({ ok: true, birthDate: '1858-01-01' });
    expect(parseCpr('010157-5000')).toMatchObject({ ok: true, birthDate: '2057-01-01' });
  });

  it('has no modulus-11 check (dropped in 2007)', () => {
    // 0101901234 fails modulus 11 but is a well-formed CPR.
    expect(isValidCpr('010190-1234')).toBe(true);
  });
});

describe('cprCentury', () => {
  it.each([
    [90, 0, 1990], [90, 3, 1990], [10, 4, 2010], [40, 4, 1940], [36, 9, 2036], [37, 9, 1937], [57, 5, 2057], [58, 8, 1858],
  ])('yy %i with 7th digit %i → %i', (yy, seventh, year) => {
    expect(cprCentury(yy, seventh)).toBe(year);
  });
});

// The CPR office's table (CPR-kontoret, "Personnummeret i CPR-systemet"): the century of the
// birth year from the 7th digit and the two-digit year, written out here as the table reads —
// independently of cprCentury's branches — and checked for all 10 × 100 combinations.
const CENTURY_TABLE: ReadonlyArray<{ digits: readonly number[]; bands: ReadonlyArray<{ from: number; to: number; century: number }> }> = [
  { digits: [0, 1, 2, 3], bands: [{ from: 0, to: 99, century: 1900 }] },
  { digits: [4, 9], bands: [{ from: 0, to: 36, century: 2000 }, { from: 37, to: 99, century: 1900 }] },
  { digits: [5, 6, 7, 8], bands: [{ from: 0, to: 57, century: 2000 }, { from: 58, to: 99, century: 1800 }] },
];

function tableYear(yy: number, seventh: number): number {
  const row = CENTURY_TABLE.find((r) => r.digits.includes(seventh));
  const band = row?.bands.find((b) => yy >= b.from && yy <= b.to);
  if (!band) throw new Error(`no table entry for ${seventh}/${yy}`);
  return band.century + yy;
}

describe('the century table, every 7th digit and year 00–99', () => {
  it('covers each digit 0–9 once and each year of each digit once', () => {
    expect(CENTURY_TABLE.flatMap((r) => r.digits).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const row of CENTURY_TABLE) {
      const years = row.bands.flatMap((b) => Array.from({ length: b.to - b.from + 1 }, (_, i) => b.from + i));
      expect(years).toEqual(Array.from({ length: 100 }, (_, i) => i));
    }
  });

  const combinations = Array.from({ length: 10 }, (_, seventh) => Array.from({ length: 100 }, (_, yy) => [seventh, yy] as const)).flat();
  it.each(combinations)('7th digit %i, year %i', (seventh, yy) => {
    const year = tableYear(yy, seventh);
    expect(cprCentury(yy, seventh)).toBe(year);
    // And parseCpr's birth date: 1 July of that year, for the same digit and year.
    const cpr = `0107${String(yy).padStart(2, '0')}-${seventh}123`;
    expect(parseCpr(cpr)).toEqual({ ok: true, cpr: cpr.replace('-', ''), birthDate: `${year}-07-01` });
  });
});

describe('maskCpr', () => {
  it('keeps the date and hides the serial', () => {
    expect(maskCpr('0101901234')).toBe('010190-****');
  });
});
