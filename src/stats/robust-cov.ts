import { denseIds } from './dense-ids.ts';
import { assertF64, assertMatrix } from './assert.ts';

/** Options for `robustCov`. */
export interface RobustCovOptions {
  /** Prior (analytic) weights used in the fit, length n. */
  weights?: Float64Array;
  /** Cluster id per row (any integers), required for CR1. */
  clusters?: Int32Array;
  /** HC0: no correction; HC1: n/(n-p); CR1: G/(G-1)·(n-1)/(n-p) (Stata, statsmodels). */
  type: 'HC0' | 'HC1' | 'CR1';
}

/**
 * Sandwich covariance B M B of a (weighted) least-squares or GLM fit, with B = bread
 * = (X'WX)^-1 (p×p) and meat M = sum over units of s s', s = w_i e_i x_i:
 * - HC0 / HC1: one unit per row; HC1 multiplies by n/(n-p).
 * - CR1: one unit per cluster (s summed within the cluster), multiplied by
 *   G/(G-1) · (n-1)/(n-p), G = number of distinct clusters — statsmodels `cov_type='cluster'`
 *   and Stata's `vce(cluster)`.
 * n and G count only rows with positive weight (zero-weight rows, e.g. unmatched controls,
 * are as if dropped).
 * `residuals` are the unweighted y - fitted. For a logit fit pass the response residuals
 * y - mu, bread = the model covariance and no weights (or prior weights) to get the robust
 * score-based sandwich. Returns a new symmetric p×p row-major array.
 *
 * @example
 * // fit = wls(X, y, n, p); robustCov(X, fit.residuals, n, p, fit.bread, { type: 'HC1' })
 */
export function robustCov(
  X: Float64Array,
  residuals: Float64Array,
  n: number,
  p: number,
  bread: Float64Array,
  opts: RobustCovOptions,
): Float64Array {
  assertMatrix('robustCov', X, n, p);
  assertF64('robustCov', 'residuals', residuals, n);
  assertF64('robustCov', 'bread', bread, p * p);
  const { weights, clusters, type } = opts;
  if (weights !== undefined) assertF64('robustCov', 'weights', weights, n);
  if (type !== 'HC0' && type !== 'HC1' && type !== 'CR1') {
    throw new TypeError(`robustCov: type must be 'HC0', 'HC1' or 'CR1', got ${String(type)}`);
  }
  // Rows with zero weight carry no information: they count neither in n nor in G (as Stata
  // and R's lm; statsmodels would count them).
  let nUsed = n;
  if (weights !== undefined) {
    nUsed = 0;
    for (let i = 0; i < n; i++) if ((weights[i] as number) > 0) nUsed++;
  }
  const meat = new Float64Array(p * p);
  const s = new Float64Array(p);
  const addOuter = (v: Float64Array): void => {
    for (let a = 0; a < p; a++) {
      const va = v[a] as number;
      if (va === 0) continue;
      for (let b = a; b < p; b++) meat[a * p + b] = (meat[a * p + b] as number) + va * (v[b] as number);
    }
  };
  let factor: number;
  if (type === 'CR1') {
    if (!(clusters instanceof Int32Array) || clusters.length !== n) {
      throw new TypeError(`robustCov: CR1 needs clusters as an Int32Array of length ${n}`);
    }
    // Dense re-index of cluster ids, then one pass accumulating scores per cluster.
    const { index: gOf, count: G } = denseIds(clusters, weights);
    if (G < 2) throw new RangeError('robustCov: CR1 needs at least 2 clusters');
    const scores = new Float64Array(G * p);
    for (let i = 0; i < n; i++) {
      const u = (weights === undefined ? 1 : (weights[i] as number)) * (residuals[i] as number);
      if (u === 0) continue; // also skips zero-weight rows, whose gOf is unset
      const off = (gOf[i] as number) * p;
      for (let a = 0; a < p; a++) scores[off + a] = (scores[off + a] as number) + u * (X[i * p + a] as number);
    }
    for (let g = 0; g < G; g++) {
      for (let a = 0; a < p; a++) s[a] = scores[g * p + a] as number;
      addOuter(s);
    }
    factor = nUsed > p ? ((G / (G - 1)) * (nUsed - 1)) / (nUsed - p) : Number.NaN;
  } else {
    for (let i = 0; i < n; i++) {
      const u = (weights === undefined ? 1 : (weights[i] as number)) * (residuals[i] as number);
      if (u === 0) continue;
      for (let a = 0; a < p; a++) s[a] = u * (X[i * p + a] as number);
      addOuter(s);
    }
    factor = type === 'HC1' ? (nUsed > p ? nUsed / (nUsed - p) : Number.NaN) : 1;
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) meat[a * p + b] = meat[b * p + a] as number;
  // B M B
  const BM = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let t = 0;
      for (let k = 0; k < p; k++) t += (bread[i * p + k] as number) * (meat[k * p + j] as number);
      BM[i * p + j] = t;
    }
  }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let t = 0;
      for (let k = 0; k < p; k++) t += (BM[i * p + k] as number) * (bread[k * p + j] as number);
      out[i * p + j] = t * factor;
      out[j * p + i] = t * factor;
    }
  }
  return out;
}

/**
 * Standard errors: square roots of the diagonal of a p×p covariance matrix.
 *
 * @example
 * seFromCov(new Float64Array([4, 1, 1, 9]), 2); // [2, 3]
 */
export function seFromCov(cov: Float64Array, p: number): Float64Array {
  assertMatrix('seFromCov', cov, p, p, 'cov');
  const se = new Float64Array(p);
  for (let j = 0; j < p; j++) se[j] = Math.sqrt(cov[j * p + j] as number);
  return se;
}
