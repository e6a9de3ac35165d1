import { assertF64, assertMatrix, assertWeights } from './assert.ts';

/**
 * X'WX for a tall row-major n×p matrix X and optional weights w (W = diag(w); unit weights
 * when omitted). One pass over the rows, accumulating the upper triangle only, so it runs in
 * n·p(p+1)/2 multiply-adds with sequential memory access (1e6 × 30 takes well under a second).
 * Returns a new symmetric p×p row-major array.
 *
 * @example
 * // X = [[1, 2], [1, 3]]
 * xtwx(new Float64Array([1, 2, 1, 3]), 2, 2); // [2, 5, 5, 13]
 */
export function xtwx(X: Float64Array, n: number, p: number, w?: Float64Array): Float64Array {
  assertMatrix('xtwx', X, n, p);
  if (w !== undefined) {
    assertF64('xtwx', 'weights', w, n);
    assertWeights('xtwx', w);
  }
  const acc = new Float64Array(p * p);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const wi = w === undefined ? 1 : (w[i] as number);
    if (wi === 0) continue;
    const off = i * p;
    for (let a = 0; a < p; a++) row[a] = X[off + a] as number;
    for (let a = 0; a < p; a++) {
      const xa = (row[a] as number) * wi;
      if (xa === 0) continue;
      const ra = a * p;
      for (let b = a; b < p; b++) acc[ra + b] = (acc[ra + b] as number) + xa * (row[b] as number);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) acc[a * p + b] = acc[b * p + a] as number;
  return acc;
}

/**
 * X'Wy for a row-major n×p matrix X, vector y (length n) and optional weights w.
 * Returns a new vector of length p.
 *
 * @example
 * xtwy(new Float64Array([1, 2, 1, 3]), new Float64Array([1, 1]), 2, 2); // [2, 5]
 */
export function xtwy(X: Float64Array, y: Float64Array, n: number, p: number, w?: Float64Array): Float64Array {
  assertMatrix('xtwy', X, n, p);
  assertF64('xtwy', 'y', y, n);
  if (w !== undefined) assertF64('xtwy', 'weights', w, n);
  const out = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const s = (w === undefined ? 1 : (w[i] as number)) * (y[i] as number);
    if (s === 0) continue;
    const off = i * p;
    for (let a = 0; a < p; a++) out[a] = (out[a] as number) + s * (X[off + a] as number);
  }
  return out;
}

/**
 * Matrix-vector product X b for a row-major n×p matrix. Returns a new vector of length n.
 *
 * @example
 * matVec(new Float64Array([1, 2, 1, 3]), new Float64Array([1, 1]), 2, 2); // [3, 4]
 */
export function matVec(X: Float64Array, b: Float64Array, n: number, p: number): Float64Array {
  assertMatrix('matVec', X, n, p);
  assertF64('matVec', 'b', b, p);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const off = i * p;
    let s = 0;
    for (let a = 0; a < p; a++) s += (X[off + a] as number) * (b[a] as number);
    out[i] = s;
  }
  return out;
}
