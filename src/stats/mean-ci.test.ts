import { describe, expect, it } from 'vitest';
import { meanCi, meanCiFromMoments } from './mean-ci.ts';
import { expectClose, readFixture } from './test-utils.ts';

interface Expected {
  n: number;
  mean: number;
  sd: number;
  se: number;
  low: number;
  high: number;
  before_mean?: number;
  after_mean?: number;
}
interface MeanCiFixture {
  tolerance: { relative: number };
  cases: ({ name: string; level: number; expected: Expected } & ({ kind: 'mean'; values: number[] } | { kind: 'paired'; before: number[]; after: number[] }))[];
}

describe('meanCi against scipy (t.interval on the standard error; paired: the differences, as ttest_rel)', () => {
  const f = readFixture<MeanCiFixture>('mean-ci.json');
  for (const c of f.cases) {
    it(`matches on ${c.name}`, () => {
      const values = c.kind === 'mean' ? Float64Array.from(c.values) : Float64Array.from(c.after, (a, i) => a - (c.before[i] as number));
      const got = meanCi(values, c.level);
      expect(got.n).toBe(c.expected.n);
      const e = c.expected;
      expectClose([got.mean, got.sd, got.se, got.low, got.high], [e.mean, e.sd, e.se, e.low, e.high], f.tolerance.relative, 1e-12, c.name);
      if (c.kind === 'paired') {
        expectClose([meanCi(Float64Array.from(c.before)).mean, meanCi(Float64Array.from(c.after)).mean], [e.before_mean as number, e.after_mean as number], f.tolerance.relative, 0, c.name);
      }
    });
  }
});

describe('meanCiFromMoments against the same scipy fixtures (n, Σx, Σx² of each case)', () => {
  const f = readFixture<MeanCiFixture>('mean-ci.json');
  for (const c of f.cases) {
    it(`matches on ${c.name}`, () => {
      const values = c.kind === 'mean' ? c.values : c.after.map((a, i) => a - (c.before[i] as number));
      const got = meanCiFromMoments(values.length, values.reduce((a, b) => a + b, 0), values.reduce((a, b) => a + b * b, 0), c.level);
      const e = c.expected;
      expect(got.n).toBe(e.n);
      expectClose([got.mean, got.sd, got.se, got.low, got.high], [e.mean, e.sd, e.se, e.low, e.high], f.tolerance.relative, 1e-12, c.name);
    });
  }
  it('has no interval from fewer than two values and refuses bad input', () => {
    expect(meanCiFromMoments(0, 0, 0).mean).toBeNaN();
    expect(meanCiFromMoments(1, 5, 25)).toMatchObject({ n: 1, mean: 5 });
    expect(meanCiFromMoments(1, 5, 25).low).toBeNaN();
    expect(meanCiFromMoments(3, 12, 48)).toMatchObject({ mean: 4, sd: 0, low: 4, high: 4 });
    expect(() => meanCiFromMoments(-1, 0, 0)).toThrow(RangeError);
    expect(() => meanCiFromMoments(2.5, 0, 0)).toThrow(RangeError);
    expect(() => meanCiFromMoments(2, Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('meanCi', () => {
  it('has no interval from fewer than two values, and no mean from none', () => {
    expect(meanCi([]).n).toBe(0);
    expect(meanCi([]).mean).toBeNaN();
    const one = meanCi([4]);
    expect(one.mean).toBe(4);
    expect(one.low).toBeNaN();
  });
  it('gives a zero-width interval when every value is the same', () => {
    const m = meanCi([5, 5, 5, 5, 5]);
    expect([m.mean, m.low, m.high]).toEqual([5, 5, 5]);
  });
  it('refuses non-finite values and bad levels', () => {
    expect(() => meanCi([1, Number.NaN])).toThrow(RangeError);
    expect(() => meanCi([1, 2], 1)).toThrow(RangeError);
  });
});
