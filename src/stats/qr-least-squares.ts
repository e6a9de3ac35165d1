import { assertF64, assertMatrix } from './assert.ts';

/** Result of `qrLeastSquares`. */
export interface QrLeastSquaresResult {
  /** Coefficients (length p); NaN for columns dropped as linearly dependent (like R's lm). */
  coef: Float64Array;
  /** Numerical rank of X. */
  rank: number;
  /** True when rank < p. */
  rankDeficient: boolean;
  /** Column order chosen by pivoting: pivot[k] is the original column at position k. */
  pivot: Int32Array;
  /** Residual sum of squares ||y - X coef||². */
  rss: number;
}

/**
 * Least squares min ||y - X b|| by Householder QR with column pivoting (largest remaining
 * column norm first). A column whose remaining norm is <= tol · (largest initial column norm)
 * is declared linearly dependent: rank < p, `rankDeficient` is true and its coefficient is
 * NaN. More accurate than the normal equations on ill-conditioned X; O(n p²).
 *
 * @example
 * // y = 1 + 2 x on x = 0, 1, 2
 * const X = new Float64Array([1, 0, 1, 1, 1, 2]);
 * qrLeastSquares(X, new Float64Array([1, 3, 5]), 3, 2).coef; // [1, 2]
 */
export function qrLeastSquares(
  X: Float64Array,
  y: Float64Array,
  n: number,
  p: number,
  tol = 1e-7,
): QrLeastSquaresResult {
  assertMatrix('qrLeastSquares', X, n, p);
  assertF64('qrLeastSquares', 'y', y, n);
  if (n < p) throw new RangeError(`qrLeastSquares: need n >= p rows (n = ${n}, p = ${p})`);
  // Column-major working copy so Householder reflections stream through contiguous memory.
  const A = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) A[j * n + i] = X[i * p + j] as number;
  const b = new Float64Array(y);
  const pivot = new Int32Array(p);
  for (let j = 0; j < p; j++) pivot[j] = j;
  const colNorm2 = (j: number, from: number): number => {
    let s = 0;
    for (let i = from; i < n; i++) s += (A[j * n + i] as number) ** 2;
    return s;
  };
  let maxNorm = 0;
  for (let j = 0; j < p; j++) maxNorm = Math.max(maxNorm, Math.sqrt(colNorm2(j, 0)));
  let rank = 0;
  for (let k = 0; k < p; k++) {
    let best = k;
    let bestNorm = -1;
    for (let j = k; j < p; j++) {
      const v = colNorm2(j, k);
      if (v > bestNorm) {
        bestNorm = v;
        best = j;
      }
    }
    if (!(Math.sqrt(bestNorm) > tol * maxNorm)) break;
    if (best !== k) {
      for (let i = 0; i < n; i++) {
        const t = A[k * n + i] as number;
        A[k * n + i] = A[best * n + i] as number;
        A[best * n + i] = t;
      }
      const t = pivot[k] as number;
      pivot[k] = pivot[best] as number;
      pivot[best] = t;
    }
    // Householder vector v (stored in place of column k, rows k..n-1): H = I - v v' / (v'v/2... ).
    const norm = Math.sqrt(bestNorm);
    const akk = A[k * n + k] as number;
    const alpha = akk > 0 ? -norm : norm;
    A[k * n + k] = akk - alpha; // v_k; v_i = A_ik for i > k
    const vtv = 2 * norm * (norm + Math.abs(akk)); // ||v||²
    const applyTo = (col: Float64Array, off: number): void => {
      let s = 0;
      for (let i = k; i < n; i++) s += (A[k * n + i] as number) * (col[off + i] as number);
      const f = (2 * s) / vtv;
      for (let i = k; i < n; i++) col[off + i] = (col[off + i] as number) - f * (A[k * n + i] as number);
    };
    for (let j = k + 1; j < p; j++) applyTo(A, j * n);
    applyTo(b, 0);
    // Now R_kk = alpha; keep v in column k below the diagonal only for reflections done above.
    A[k * n + k] = alpha;
    rank = k + 1;
  }
  // Back substitution R[0:r, 0:r] c = (Q'b)[0:r].
  const c = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let j = i + 1; j < rank; j++) s -= (A[j * n + i] as number) * (c[j] as number);
    c[i] = s / (A[i * n + i] as number);
  }
  const coef = new Float64Array(p).fill(Number.NaN);
  for (let k = 0; k < rank; k++) coef[pivot[k] as number] = c[k] as number;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let k = 0; k < rank; k++) f += (X[i * p + (pivot[k] as number)] as number) * (c[k] as number);
    rss += ((y[i] as number) - f) ** 2;
  }
  return { coef, rank, rankDeficient: rank < p, pivot, rss };
}
