import { denseIds } from './dense-ids.ts';
import { assertF64 } from './assert.ts';

/** Options for `twoGroupDesign`: as `robustCov`'s (weights, clusters for CR1, the sandwich type). */
export interface TwoGroupLsOptions {
  weights?: Float64Array;
  clusters?: Int32Array;
  type: 'HC0' | 'HC1' | 'CR1';
}

/** The per-design part of `twoGroupFit` (group weight totals, counts, dense cluster index), reused for every outcome. */
export interface TwoGroupLsDesign {
  n: number;
  treated: Uint8Array;
  weights: Float64Array | undefined;
  type: 'HC0' | 'HC1' | 'CR1';
  /** Dense cluster index (0..G-1) per row with positive weight (CR1 only). */
  cluster: Int32Array | undefined;
  G: number;
  /** Rows with positive weight. */
  nUsed: number;
  /** Weight totals of the control and treated rows. */
  s0: number;
  s1: number;
  /** CR1: the cluster sums' buffer (2G), made by the first fit and reused by the next ones. */
  scratch?: Float64Array;
}

/** Result of `twoGroupFit`. */
export interface TwoGroupLsResult {
  /** [intercept (control mean), treated − control]. */
  coef: Float64Array;
  /** Sandwich covariance of coef, 2×2 row-major (as `robustCov`). */
  cov: Float64Array;
}

/**
 * Prepares the closed-form (weighted) least squares of y on [1, treated] with a sandwich SE:
 * the same numbers as `wls(X, y, n, 2, w)` + `robustCov(X, e, n, 2, bread, opts)` for
 * X = [1, treated], without the n×2 matrix or the general p×p path. Throws RangeError when a
 * group has no positive weight (X'WX singular) and, for CR1, with fewer than 2 clusters.
 *
 * @example
 * const d = twoGroupDesign(new Uint8Array([0, 0, 1, 1]), { type: 'HC1' });
 * twoGroupFit(d, new Float64Array([1, 2, 4, 6])).coef; // [1.5, 3.5]
 */
export function twoGroupDesign(treated: Uint8Array, opts: TwoGroupLsOptions): TwoGroupLsDesign {
  const fn = 'twoGroupDesign';
  if (!(treated instanceof Uint8Array)) throw new TypeError(`${fn}: treated must be a Uint8Array`);
  const n = treated.length;
  const { weights, clusters, type } = opts;
  if (type !== 'HC0' && type !== 'HC1' && type !== 'CR1') throw new TypeError(`${fn}: type must be 'HC0', 'HC1' or 'CR1', got ${String(type)}`);
  if (weights !== undefined) assertF64(fn, 'weights', weights, n);
  let s0 = 0;
  let s1 = 0;
  let nUsed = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    if (!(w >= 0) || w === Infinity) throw new RangeError(`${fn}: weights must be finite and >= 0 (weights[${i}] = ${w})`);
    if (w > 0) nUsed++;
    if (treated[i]) s1 += w;
    else s0 += w;
  }
  if (!(s0 > 0) || !(s1 > 0)) throw new RangeError(`${fn}: need treated and control rows with positive weight`);
  let cluster: Int32Array | undefined;
  let G = 0;
  if (type === 'CR1') {
    if (!(clusters instanceof Int32Array) || clusters.length !== n) throw new TypeError(`${fn}: CR1 needs clusters as an Int32Array of length ${n}`);
    ({ index: cluster, count: G } = denseIds(clusters, weights));
    if (G < 2) throw new RangeError(`${fn}: CR1 needs at least 2 clusters`);
  }
  return { n, treated, weights, type, cluster, G, nUsed, s0, s1 };
}

/**
 * Fits y on [1, treated] for a prepared design: coef = (weighted control mean, treated mean −
 * control mean) and the HC0/HC1/CR1 sandwich. With a = 1/S0, c = 1/S1 (group weight totals) and
 * u = w e: HC Var(att) = a² Σ_C u² + c² Σ_T u²; CR1 the same over cluster sums. Two passes over
 * the rows (means, then residuals).
 */
export function twoGroupFit(d: TwoGroupLsDesign, y: Float64Array): TwoGroupLsResult {
  const { n, treated, weights, cluster, G, nUsed, s0, s1, type } = d;
  assertF64('twoGroupFit', 'y', y, n);
  let y0 = 0;
  let y1 = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`twoGroupFit: y[${i}] is not finite`);
    const wy = (weights === undefined ? 1 : (weights[i] as number)) * v;
    if (treated[i]) y1 += wy;
    else y0 += wy;
  }
  const b0 = y0 / s0;
  const b1 = y1 / s1 - b0;
  const f1 = b0 + b1;
  const a = 1 / s0;
  const c = 1 / s1;
  let v00 = 0;
  let v01 = 0;
  let v11 = 0;
  let factor: number;
  if (type === 'CR1' && cluster !== undefined) {
    // Cluster sums of the control part (C) and treated part (T) of the score.
    // One buffer per design (fits of a design run one after another), zeroed per fit: no 16 n-byte allocation per outcome.
    const scratch = (d.scratch ??= new Float64Array(2 * G));
    scratch.fill(0);
    const sc = scratch.subarray(0, G);
    const st = scratch.subarray(G);
    for (let i = 0; i < n; i++) {
      const t = treated[i] as number;
      const u = (weights === undefined ? 1 : (weights[i] as number)) * ((y[i] as number) - (t ? f1 : b0));
      if (u === 0) continue;
      const g = cluster[i] as number;
      if (t) st[g] = (st[g] as number) + u;
      else sc[g] = (sc[g] as number) + u;
    }
    for (let g = 0; g < G; g++) {
      const ac = a * (sc[g] as number);
      const r1 = c * (st[g] as number) - ac;
      v00 += ac * ac;
      v01 += ac * r1;
      v11 += r1 * r1;
    }
    factor = nUsed > 2 ? ((G / (G - 1)) * (nUsed - 1)) / (nUsed - 2) : Number.NaN;
  } else {
    let q0 = 0;
    let q1 = 0;
    for (let i = 0; i < n; i++) {
      const t = treated[i] as number;
      const u = (weights === undefined ? 1 : (weights[i] as number)) * ((y[i] as number) - (t ? f1 : b0));
      if (t) q1 += u * u;
      else q0 += u * u;
    }
    v00 = a * a * q0;
    v01 = -v00;
    v11 = v00 + c * c * q1;
    factor = type === 'HC1' ? (nUsed > 2 ? nUsed / (nUsed - 2) : Number.NaN) : 1;
  }
  return {
    coef: Float64Array.of(b0, b1),
    cov: Float64Array.of(v00 * factor, v01 * factor, v01 * factor, v11 * factor),
  };
}
