import { tQuantile } from './distributions.ts';

/** A sample mean with its t-based confidence interval. */
export interface MeanCi {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); NaN for n < 2. */
  sd: number;
  /** Standard error sd / √n; NaN for n < 2. */
  se: number;
  /** mean ∓ t(1 − (1 − level)/2, n − 1) · se; NaN for n < 2 (no interval from one value). */
  low: number;
  high: number;
}

/** t quantiles by level and df: @stdlib's inverse takes ~1 ms, and a page of figures asks for a few hundred, mostly the same. */
const quantiles = new Map<string, number>();
function quantileFor(level: number, df: number): number {
  const key = `${level}:${df}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    q = tQuantile(1 - (1 - level) / 2, df);
    if (quantiles.size > 10_000) quantiles.clear();
    quantiles.set(key, q);
  }
  return q;
}

/**
 * The mean of `values` and its t-based two-sided confidence interval (scipy's
 * `stats.t.interval(level, n - 1, loc=mean, scale=sem)`). Welford's update, so large samples
 * of 1–7 answers lose no precision. Empty input: n 0 and NaN everywhere.
 * For a paired comparison pass the differences (after − before): the paired t interval.
 * @example meanCi(Float64Array.from([1, 2, 3, 4])); // { n: 4, mean: 2.5, …, low: 0.4457…, high: 4.5542… }
 */
export function meanCi(values: ArrayLike<number>, level = 0.95): MeanCi {
  if (!(level > 0 && level < 1)) throw new RangeError(`meanCi: level must be in (0, 1), got ${level}`);
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`meanCi: values[${i}] is not finite (${v})`);
    n += 1;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  if (n === 0) return { n: 0, mean: Number.NaN, sd: Number.NaN, se: Number.NaN, low: Number.NaN, high: Number.NaN };
  if (n === 1) return { n, mean, sd: Number.NaN, se: Number.NaN, low: Number.NaN, high: Number.NaN };
  const sd = Math.sqrt(m2 / (n - 1));
  const se = sd / Math.sqrt(n);
  const q = quantileFor(level, n - 1);
  return { n, mean, sd, se, low: mean - q * se, high: mean + q * se };
}

/**
 * The same mean and t interval from a sample's moments — its size n, the sum of its values and the
 * sum of their squares — for aggregates that arrive without their values (a database's GROUP BY).
 * The variance is (Σx² − (Σx)²/n) / (n − 1), exact in floating point for integer answers whose sums
 * stay below 2^53; clamped at 0 against rounding for other inputs.
 * @example meanCiFromMoments(4, 10, 30); // as meanCi([1, 2, 3, 4])
 */
export function meanCiFromMoments(n: number, sum: number, sumSquares: number, level = 0.95): MeanCi {
  if (!(level > 0 && level < 1)) throw new RangeError(`meanCiFromMoments: level must be in (0, 1), got ${level}`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`meanCiFromMoments: n must be a whole number ≥ 0, got ${n}`);
  if (!Number.isFinite(sum) || !Number.isFinite(sumSquares)) throw new RangeError('meanCiFromMoments: sums must be finite');
  if (n === 0) return { n: 0, mean: Number.NaN, sd: Number.NaN, se: Number.NaN, low: Number.NaN, high: Number.NaN };
  const mean = sum / n;
  if (n === 1) return { n, mean, sd: Number.NaN, se: Number.NaN, low: Number.NaN, high: Number.NaN };
  const sd = Math.sqrt(Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1)));
  const se = sd / Math.sqrt(n);
  const q = quantileFor(level, n - 1);
  return { n, mean, sd, se, low: mean - q * se, high: mean + q * se };
}
