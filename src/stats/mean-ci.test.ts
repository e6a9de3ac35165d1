import { describe, expect, it } from 'vitest';
import { meanCi } from './mean-ci.ts';
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
