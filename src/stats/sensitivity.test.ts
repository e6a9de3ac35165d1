// Rosenbaum bounds and E-values against scripts/fixtures/make-aipw-fixtures.py (scipy root finding
// on the bounding normal tail; the E-value formula written there directly).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eValue, eValueCi, rosenbaumGamma } from './sensitivity.ts';

interface Fixture {
  rosenbaum: { diffs: number[]; side: 1 | -1; alpha: number; gamma: number | null }[];
  e_values: { rr: number; e: number }[];
}

const fx = JSON.parse(readFileSync(new URL('./fixtures/sensitivity.json', import.meta.url), 'utf8')) as Fixture;

describe('rosenbaumGamma', () => {
  it('matches scipy’s root of the bound (1e-9 relative), null where not significant at Γ = 1', () => {
    expect(fx.rosenbaum.some((c) => c.gamma === null)).toBe(true);
    for (const c of fx.rosenbaum) {
      const g = rosenbaumGamma(Float64Array.from(c.diffs), c.side, c.alpha);
      if (c.gamma === null) expect(g).toBeNull();
      else expect(Math.abs((g ?? Number.NaN) - c.gamma) / c.gamma).toBeLessThan(1e-9);
    }
  });

  it('is finite when every difference is on the effect’s side (the bound’s root below q = 1), null without non-zero differences, and refuses a bad alpha', () => {
    // 40 positive differences, ranks 1..40: s1 = 820, s2 = 22 140, q = s1² / (s1² + z² s2).
    const z2 = 1.959963984540054 ** 2;
    const q = 820 ** 2 / (820 ** 2 + z2 * 22_140);
    expect(rosenbaumGamma(Float64Array.from({ length: 40 }, (_, i) => 0.01 * (i + 1)), 1, 0.025)).toBeCloseTo(q / (1 - q), 6);
    expect(rosenbaumGamma(new Float64Array(10), 1, 0.025)).toBeNull();
    expect(() => rosenbaumGamma(new Float64Array(3), 1, 0.7)).toThrow(RangeError);
  });

  it('a larger effect needs more hidden bias to explain away', () => {
    const base = fx.rosenbaum[0];
    if (!base) throw new Error('fixture');
    const d = Float64Array.from(base.diffs);
    const shifted = d.map((v) => v + 0.05);
    expect(rosenbaumGamma(shifted, 1, 0.025) ?? 0).toBeGreaterThan(rosenbaumGamma(d, 1, 0.025) ?? Infinity);
  });
});

describe('eValue', () => {
  it('matches the formula of VanderWeele & Ding (1e-12 relative), ratios below 1 inverted', () => {
    for (const c of fx.e_values) expect(Math.abs((eValue(c.rr) ?? Number.NaN) - c.e) / c.e).toBeLessThan(1e-12);
    expect(eValue(0)).toBeNull();
    expect(eValue(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('of a CI: 1 when it contains 1, else the limit nearest 1', () => {
    expect(eValueCi(1.3, 0.9, 1.8)).toBe(1);
    expect(eValueCi(1.3, 1.1, 1.8)).toBe(eValue(1.1));
    expect(eValueCi(0.7, 0.5, 0.9)).toBe(eValue(0.9));
  });
});
