import { assertF64, assertWeights } from './assert.ts';

/** Result of `weightedMoments`. */
export interface WeightedMoments {
  /** Weighted mean sum w x / sum w. */
  mean: number;
  /** Weighted variance sum w (x - mean)² / (sum w - 1) when `frequency`, else / sum w · V1²/(V1² - V2) (reliability weights, unbiased). */
  variance: number;
  /** Sum of weights. */
  sumW: number;
  /** Number of entries used (mask true and weight > 0). */
  count: number;
}

/**
 * Weighted mean and variance of x, optionally restricted to entries where `mask[i] === 1`.
 * Without weights: the ordinary mean and the sample variance (n - 1). With weights: the
 * reliability-weight unbiased variance sum w (x - m)² / (V1 - V2 / V1), V1 = sum w,
 * V2 = sum w² (reduces to the sample variance when all weights are equal).
 * Degenerate cases: no entries → mean and variance NaN; one entry → variance NaN.
 *
 * @example
 * weightedMoments(new Float64Array([1, 2, 3, 4])); // { mean: 2.5, variance: 1.6666666666666667, sumW: 4, count: 4 }
 */
export function weightedMoments(x: Float64Array, weights?: Float64Array, mask?: Uint8Array): WeightedMoments {
  const n = x.length;
  if (!(x instanceof Float64Array)) throw new TypeError('weightedMoments: x must be a Float64Array');
  if (weights !== undefined) {
    assertF64('weightedMoments', 'weights', weights, n);
    assertWeights('weightedMoments', weights);
  }
  if (mask !== undefined && (!(mask instanceof Uint8Array) || mask.length !== n)) {
    throw new RangeError(`weightedMoments: mask must be a Uint8Array of length ${n}`);
  }
  let v1 = 0;
  let v2 = 0;
  let sx = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (mask !== undefined && mask[i] !== 1) continue;
    const wi = weights === undefined ? 1 : (weights[i] as number);
    if (wi === 0) continue;
    v1 += wi;
    v2 += wi * wi;
    sx += wi * (x[i] as number);
    count++;
  }
  if (count === 0) return { mean: Number.NaN, variance: Number.NaN, sumW: 0, count: 0 };
  const mean = sx / v1;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    if (mask !== undefined && mask[i] !== 1) continue;
    const wi = weights === undefined ? 1 : (weights[i] as number);
    if (wi === 0) continue;
    ss += wi * ((x[i] as number) - mean) ** 2;
  }
  const denom = v1 - v2 / v1;
  const variance = count > 1 && denom > 0 ? ss / denom : Number.NaN;
  return { mean, variance, sumW: v1, count };
}
