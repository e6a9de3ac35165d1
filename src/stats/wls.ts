import { assertF64, assertMatrix, assertWeights } from './assert.ts';
import { cholesky, choleskySolve, spdInverse } from './cholesky.ts';
import { matVec, xtwx, xtwy } from './crossprod.ts';

/** Result of `wls` / `ols`. */
export interface WlsResult {
  /** Coefficients, length p. */
  coef: Float64Array;
  /** Unweighted residuals y - X coef, length n. */
  residuals: Float64Array;
  /** Fitted values X coef, length n. */
  fitted: Float64Array;
  /** (X'WX)^-1, p×p row-major: the "bread" of the sandwich; times sigma² it is the classical variance. */
  bread: Float64Array;
  /** Weighted residual sum of squares sum w_i e_i². */
  rss: number;
  /** Residual degrees of freedom n - p, counting only rows with positive weight (as R's lm). */
  dfResid: number;
  /** Classical (non-robust) covariance sigma² (X'WX)^-1 with sigma² = rss / (n - p); NaN when n = p. */
  cov: Float64Array;
}

/**
 * Weighted least squares by the normal equations: solves (X'WX) b = X'Wy with a Cholesky
 * factorisation (one pass over the rows, fast on tall X). With no weights this is OLS.
 * Throws RangeError when X'WX is not positive definite (collinear columns); use
 * `qrLeastSquares` to find which columns are dependent.
 *
 * @example
 * // y = 1 + 2 x on x = 0, 1, 2
 * const X = new Float64Array([1, 0, 1, 1, 1, 2]);
 * wls(X, new Float64Array([1, 3, 5]), 3, 2).coef; // [1, 2]
 */
export function wls(X: Float64Array, y: Float64Array, n: number, p: number, weights?: Float64Array): WlsResult {
  assertMatrix('wls', X, n, p);
  assertF64('wls', 'y', y, n);
  if (weights !== undefined) {
    assertF64('wls', 'weights', weights, n);
    assertWeights('wls', weights);
  }
  if (n < p) throw new RangeError(`wls: need at least p = ${p} rows, got n = ${n}`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i] as number)) throw new RangeError(`wls: y[${i}] is not finite`);
  }
  const A = xtwx(X, n, p, weights);
  const L = cholesky(A, p);
  const coef = choleskySolve(L, xtwy(X, y, n, p, weights), p);
  const bread = spdInverse(A, p);
  const fitted = matVec(X, coef, n, p);
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const e = (y[i] as number) - (fitted[i] as number);
    residuals[i] = e;
    rss += (weights === undefined ? 1 : (weights[i] as number)) * e * e;
  }
  let nUsed = n;
  if (weights !== undefined) {
    nUsed = 0;
    for (let i = 0; i < n; i++) if ((weights[i] as number) > 0) nUsed++;
  }
  const dfResid = nUsed - p;
  const s2 = dfResid > 0 ? rss / dfResid : Number.NaN;
  const cov = new Float64Array(p * p);
  for (let k = 0; k < p * p; k++) cov[k] = (bread[k] as number) * s2;
  return { coef, residuals, fitted, bread, rss, dfResid, cov };
}

/**
 * Ordinary least squares; `ols(X, y, n, p, w)` is `wls(X, y, n, p, w)`.
 *
 * @example
 * ols(new Float64Array([1, 0, 1, 1, 1, 2]), new Float64Array([1, 3, 5]), 3, 2).coef; // [1, 2]
 */
export function ols(X: Float64Array, y: Float64Array, n: number, p: number, weights?: Float64Array): WlsResult {
  return wls(X, y, n, p, weights);
}
