/**
 * Shared input guards for src/stats. Each throws a TypeError or RangeError with a message that
 * names the function and the argument, so a caller sees at once what was wrong.
 *
 * @example
 * assertDims('ols', X, n, p); // throws RangeError if X.length !== n * p
 */

/** Throws unless `v` is a positive integer (or a non-negative one when `allowZero`). */
export function assertCount(fn: string, name: string, v: number, allowZero = false): void {
  if (!Number.isInteger(v) || v < (allowZero ? 0 : 1)) {
    throw new RangeError(`${fn}: ${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${v}`);
  }
}

/** Throws unless `a` is a Float64Array of exactly `len` elements. */
export function assertF64(fn: string, name: string, a: unknown, len: number): asserts a is Float64Array {
  if (!(a instanceof Float64Array)) throw new TypeError(`${fn}: ${name} must be a Float64Array`);
  if (a.length !== len) throw new RangeError(`${fn}: ${name} must have length ${len}, got ${a.length}`);
}

/** Throws unless X is a Float64Array holding an n×p row-major matrix with n, p positive integers. */
export function assertMatrix(fn: string, X: unknown, n: number, p: number, name = 'X'): asserts X is Float64Array {
  assertCount(fn, 'n', n);
  assertCount(fn, 'p', p);
  assertF64(fn, name, X, n * p);
}

/** Throws unless every element of `w` is finite and >= 0. */
export function assertWeights(fn: string, w: Float64Array): void {
  for (let i = 0; i < w.length; i++) {
    const v = w[i] as number;
    if (!(v >= 0) || v === Infinity) throw new RangeError(`${fn}: weights must be finite and >= 0 (weights[${i}] = ${v})`);
  }
}
