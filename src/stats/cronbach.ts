import { assertMatrix } from './assert.ts';

/**
 * Cronbach's alpha of k items from n complete rows (row-major n×k `X`, row i = one respondent's
 * answers): alpha = k / (k - 1) · (1 - Σ_j var(x_j) / var(Σ_j x_j)), the variances with the same
 * denominator (n - 1; alpha does not depend on the choice). Rows must be complete: a NaN throws
 * RangeError naming the cell (drop incomplete rows first).
 *
 * Degenerate: NaN when k < 2 (alpha is undefined for one item), n < 2, or the total score has
 * no variance. Alpha may be negative (items that correlate negatively on average).
 * Two passes (means, then centred sums of squares), so constant offsets do not cost precision.
 *
 * @example
 * cronbachAlpha(new Float64Array([1, 2, 2, 3, 3, 3, 4, 5]), 4, 2); // 0.96 (to rounding)
 */
export function cronbachAlpha(X: Float64Array, n: number, k: number): number {
  assertMatrix('cronbachAlpha', X, n, k);
  for (let i = 0; i < X.length; i++) {
    if (!Number.isFinite(X[i] as number)) throw new RangeError(`cronbachAlpha: X[${Math.floor(i / k)}, ${i % k}] is not a finite number (${X[i]})`);
  }
  if (k < 2 || n < 2) return Number.NaN;
  const means = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const off = i * k;
    for (let j = 0; j < k; j++) means[j] = (means[j] as number) + (X[off + j] as number);
  }
  let totalMean = 0;
  for (let j = 0; j < k; j++) {
    means[j] = (means[j] as number) / n;
    totalMean += means[j] as number;
  }
  const ss = new Float64Array(k);
  let ssTotal = 0;
  for (let i = 0; i < n; i++) {
    const off = i * k;
    let t = 0;
    for (let j = 0; j < k; j++) {
      const d = (X[off + j] as number) - (means[j] as number);
      ss[j] = (ss[j] as number) + d * d;
      t += X[off + j] as number;
    }
    const dt = t - totalMean;
    ssTotal += dt * dt;
  }
  if (!(ssTotal > 0)) return Number.NaN;
  let ssItems = 0;
  for (let j = 0; j < k; j++) ssItems += ss[j] as number;
  return (k / (k - 1)) * (1 - ssItems / ssTotal);
}
