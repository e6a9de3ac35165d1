import { assertMatrix } from './assert.ts';

/**
 * Cholesky factorisation A = L L' of a symmetric positive-definite p×p matrix (row-major).
 * Only the lower triangle of A is read. Returns L as a new p×p row-major array whose strict
 * upper triangle is zero.
 *
 * Throws RangeError when A is not (numerically) positive definite: a pivot d_j <= tol · A_jj
 * (default tol 1e-10), naming the column where it failed. The test is relative to each
 * column's own diagonal, so it is invariant to column scaling (income in kroner next to a
 * dummy is fine): for A = X'WX, d_j / A_jj is 1 - R² of column j on the columns before it
 * (uncentred), so the threshold rejects a variance inflation above 1e10 — collinear regressors.
 *
 * @example
 * const L = cholesky(new Float64Array([4, 2, 2, 3]), 2);
 * // L = [2, 0, 1, 1.4142135623730951]
 */
export function cholesky(A: Float64Array, p: number, tol = 1e-10): Float64Array {
  assertMatrix('cholesky', A, p, p, 'A');
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const ajj = A[j * p + j] as number;
    let d = ajj;
    for (let k = 0; k < j; k++) d -= (L[j * p + k] as number) ** 2;
    if (!(d > tol * ajj) || !Number.isFinite(d)) {
      throw new RangeError(
        `cholesky: matrix is not positive definite (pivot ${d} at column ${j}); collinear or constant columns?`,
      );
    }
    const ljj = Math.sqrt(d);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = A[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * p + k] as number) * (L[j * p + k] as number);
      L[i * p + j] = s / ljj;
    }
  }
  return L;
}

/**
 * Solves A x = b given the Cholesky factor L of A (from `cholesky`), by forward then backward
 * substitution. Returns a new vector of length p.
 *
 * @example
 * const L = cholesky(new Float64Array([4, 2, 2, 3]), 2);
 * choleskySolve(L, new Float64Array([6, 5]), 2); // [1, 1]
 */
export function choleskySolve(L: Float64Array, b: Float64Array, p: number): Float64Array {
  assertMatrix('choleskySolve', L, p, p, 'L');
  if (!(b instanceof Float64Array) || b.length !== p) {
    throw new RangeError(`choleskySolve: b must be a Float64Array of length ${p}`);
  }
  const x = new Float64Array(b);
  for (let i = 0; i < p; i++) {
    let s = x[i] as number;
    for (let k = 0; k < i; k++) s -= (L[i * p + k] as number) * (x[k] as number);
    x[i] = s / (L[i * p + i] as number);
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < p; k++) s -= (L[k * p + i] as number) * (x[k] as number);
    x[i] = s / (L[i * p + i] as number);
  }
  return x;
}

/**
 * Inverse of a symmetric positive-definite p×p matrix via its Cholesky factor:
 * A^-1 = L'^-1 L^-1. Returns a new symmetric p×p row-major array. Throws RangeError (from
 * `cholesky`) when A is not positive definite.
 *
 * @example
 * spdInverse(new Float64Array([4, 2, 2, 3]), 2); // [0.375, -0.25, -0.25, 0.5]
 */
export function spdInverse(A: Float64Array, p: number): Float64Array {
  const L = cholesky(A, p);
  // Linv: inverse of the lower-triangular L.
  const Li = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    Li[j * p + j] = 1 / (L[j * p + j] as number);
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= (L[i * p + k] as number) * (Li[k * p + j] as number);
      Li[i * p + j] = s / (L[i * p + i] as number);
    }
  }
  // A^-1 = Li' Li ; entry (i, j) = sum_k Li[k,i] Li[k,j], k >= max(i, j).
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += (Li[k * p + i] as number) * (Li[k * p + j] as number);
      inv[i * p + j] = s;
      inv[j * p + i] = s;
    }
  }
  return inv;
}
