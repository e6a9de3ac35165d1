import { describe, expect, it } from 'vitest';
import { attWeights } from './att-weights.ts';
import { smd } from './smd.ts';
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
