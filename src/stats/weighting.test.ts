import { describe, expect, it } from 'vitest';
import { attWeights } from './att-weights.ts';
import { createRng } from './rng.ts';
import { smd, smdMany } from './smd.ts';
import { weightedMoments } from './weighted-moments.ts';

describe('weightedMoments', () => {
  it('unweighted: mean and sample variance', () => {
    expect(weightedMoments(new Float64Array([1, 2, 3, 4]))).toEqual({ mean: 2.5, variance: 5 / 3, sumW: 4, count: 4 });
  });

  it('equal weights give the unweighted variance; integer weights the mean of the expanded data', () => {
    const x = new Float64Array([1, 2, 3, 4]);
    expect(weightedMoments(x, new Float64Array(4).fill(3)).variance).toBeCloseTo(5 / 3, 14);
    expect(weightedMoments(x, new Float64Array([1, 0, 0, 3])).mean).toBe(3.25);
  });

  it('respects the mask and handles empty and single-entry groups', () => {
    const x = new Float64Array([1, 2, 3]);
    expect(weightedMoments(x, undefined, new Uint8Array([0, 1, 1])).mean).toBe(2.5);
    const one = weightedMoments(x, undefined, new Uint8Array([0, 1, 0]));
    expect(one.mean).toBe(2);
    expect(one.variance).toBeNaN();
    expect(weightedMoments(x, undefined, new Uint8Array(3)).mean).toBeNaN();
    expect(() => weightedMoments(x, new Float64Array([1, -1, 1]))).toThrow(/weights/);
  });
});

describe('attWeights', () => {
  it('gives treated 1 and controls the odds p/(1-p)', () => {
    expect(Array.from(attWeights(new Uint8Array([1, 0, 0]), new Float64Array([0.6, 0.5, 0.2])))).toEqual([1, 1, 0.25]);
  });

  it('normalises each group to mean 1', () => {
    const w = attWeights(new Uint8Array([1, 0, 0]), new Float64Array([0.6, 0.5, 0.2]), true);
    expect(w[0]).toBe(1);
    expect(w[1]! + w[2]!).toBeCloseTo(2, 14);
    expect(w[1]! / w[2]!).toBeCloseTo(4, 12);
  });

  it('rejects p = 1 for a control (no overlap) and non-0/1 treatment', () => {
    expect(() => attWeights(new Uint8Array([0]), new Float64Array([1]))).toThrow(/no overlap/);
    expect(() => attWeights(new Uint8Array([2]), new Float64Array([0.5]))).toThrow(/0 or 1/);
    expect(() => attWeights(new Uint8Array([1]), new Float64Array(2))).toThrow(/length 1/);
  });
});

describe('smd', () => {
  const x = new Float64Array([1, 2, 3, 0, 1, 2]);
  const t = new Uint8Array([1, 1, 1, 0, 0, 0]);
  it('unweighted: difference over the pooled SD', () => {
    expect(smd(x, t)).toBeCloseTo(1, 14);
  });

  it('weighted means, but the unweighted pooled SD as denominator', () => {
    // control weights put all mass on x = 2: difference 0
    expect(smd(x, t, new Float64Array([1, 1, 1, 0, 0, 1]))).toBeCloseTo(0, 14);
    expect(smd(x, t, new Float64Array([1, 1, 1, 0, 1, 0]))).toBeCloseTo(1, 14);
  });

  it('degenerate cases: constant groups and an empty group', () => {
    expect(smd(new Float64Array([1, 1, 1, 1]), new Uint8Array([1, 1, 0, 0]))).toBe(0);
    expect(smd(new Float64Array([2, 2, 1, 1]), new Uint8Array([1, 1, 0, 0]))).toBe(Infinity);
    expect(smd(new Float64Array([2, 2]), new Uint8Array([1, 1]))).toBeNaN();
    expect(() => smd(new Float64Array(2), new Uint8Array(3))).toThrow(RangeError);
  });
});

describe('smdMany', () => {
  // The definition through weightedMoments, for the bit-for-bit comparison.
  const reference = (x: Float64Array, t: Uint8Array, w: Float64Array | undefined): number => {
    const c = t.map((v) => 1 - v);
    const tU = weightedMoments(x, undefined, t);
    const cU = weightedMoments(x, undefined, c);
    if (tU.count === 0 || cU.count === 0) return Number.NaN;
    const sd = Math.sqrt(((tU.count > 1 ? tU.variance : 0) + (cU.count > 1 ? cU.variance : 0)) / 2);
    const diff = (w ? weightedMoments(x, w, t).mean : tU.mean) - (w ? weightedMoments(x, w, c).mean : cU.mean);
    return sd === 0 ? (diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity) : diff / sd;
  };

  it('gives exactly the numbers of weightedMoments (one pass per weighting)', () => {
    const rng = createRng(3);
    for (const n of [2, 3, 10, 5000]) {
      const x = Float64Array.from({ length: n }, () => (rng() < 0.3 ? 0 : rng() * 40 - 3));
      const t = Uint8Array.from({ length: n }, (_, i) => (i < 1 ? 1 : i < 2 ? 0 : rng() < 0.2 ? 1 : 0));
      const w1 = Float64Array.from({ length: n }, () => (rng() < 0.4 ? 0 : Math.floor(rng() * 4)));
      const w2 = Float64Array.from({ length: n }, () => rng() * 3);
      const got = smdMany(x, t, [undefined, w1, w2, new Float64Array(n)]);
      expect([...got]).toEqual([reference(x, t, undefined), reference(x, t, w1), reference(x, t, w2), reference(x, t, new Float64Array(n))]);
    }
    expect(() => smdMany(new Float64Array(3), new Uint8Array([1, 0, 1]), [new Float64Array([1, -1, 0])])).toThrow(RangeError);
    expect([...smdMany(new Float64Array(2), new Uint8Array([1, 1]), [new Float64Array([1, -1])])]).toEqual([Number.NaN]);
  });
});
