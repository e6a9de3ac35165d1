import { describe, expect, it } from 'vitest';
import { confidenceInterval, normalCdf, normalQuantile, tCdf, tQuantile, twoSidedP } from './distributions.ts';
import { expectClose, readFixture } from './test-utils.ts';

interface DistFixture {
  tolerance: { relative: number; absolute: number };
  xs: number[];
  ps: number[];
  dfs: number[];
  expected: {
    normalCdf: number[];
    normalQuantile: number[];
    normalTwoSidedP: number[];
    tCdf: number[][];
    tQuantile: number[][];
    tTwoSidedP: number[][];
  };
}

describe('distributions against scipy.stats', () => {
  const f = readFixture<DistFixture>('distributions.json');
  const { relative: rel, absolute: abs } = f.tolerance;

  it('standard normal cdf, quantile and two-sided p', () => {
    expectClose(f.xs.map(normalCdf), f.expected.normalCdf, rel, abs, 'normalCdf');
    expectClose(f.ps.map(normalQuantile), f.expected.normalQuantile, rel, abs, 'normalQuantile');
    expectClose(f.xs.map((x) => twoSidedP(x)), f.expected.normalTwoSidedP, rel, abs, 'twoSidedP');
  });

  f.dfs.forEach((df, d) => {
    it(`Student t with df = ${df}: cdf, quantile and two-sided p`, () => {
      expectClose(f.xs.map((x) => tCdf(x, df)), f.expected.tCdf[d]!, rel, abs, 'tCdf');
      expectClose(f.ps.map((p) => tQuantile(p, df)), f.expected.tQuantile[d]!, rel, abs, 'tQuantile');
      expectClose(f.xs.map((x) => twoSidedP(x, df)), f.expected.tTwoSidedP[d]!, rel, abs, 'twoSidedP');
    });
  });
});

describe('distribution helpers', () => {
  it('df = Infinity in t functions is the normal', () => {
    expect(tCdf(1.3, Infinity)).toBe(normalCdf(1.3));
    expect(tQuantile(0.9, Infinity)).toBe(normalQuantile(0.9));
  });

  it('confidence intervals with the normal and t quantiles', () => {
    expectClose(confidenceInterval(1, 0.5), [1 - 0.5 * 1.959963984540054, 1 + 0.5 * 1.959963984540054], 1e-12);
    const [lo, hi] = confidenceInterval(0, 1, 0.9, 10);
    expect(hi).toBeCloseTo(1.8124611228107335, 9);
    expect(lo).toBeCloseTo(-hi, 15);
    expect(confidenceInterval(2, 0)).toEqual([2, 2]);
  });

  it('edge values and guards', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(Number.NaN)).toBeNaN();
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(/df must be > 0/);
    expect(() => tCdf(Number.NaN, 3)).toThrow(RangeError);
    expect(() => confidenceInterval(0, -1)).toThrow(/se/);
    expect(() => confidenceInterval(0, 1, 1)).toThrow(/level/);
  });
});
