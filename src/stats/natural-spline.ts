// Natural (restricted) cubic splines: the basis of Harrell's `rcs` (R package Hmisc,
// rcspline.eval with norm = 2) and its knot rule. With knots t_1 < … < t_k the spline is cubic
// between knots, linear below t_1 and above t_k, and twice continuously differentiable; its
// basis is x itself and k − 2 further columns
//   c_j(x) = [(x − t_j)₊³ − (x − t_{k−1})₊³ (t_k − t_j)/(t_k − t_{k−1}) + (x − t_k)₊³ (t_{k−1} − t_j)/(t_k − t_{k−1})] / (t_k − t_1)²
// for j = 1 … k − 2 (the division keeps the columns on the scale of x). Tested against patsy's
// natural cubic regression spline `cr` (same column space; src/stats/fixtures/natural-spline.json).
import { quantileSorted } from './quantile.ts';

/** Harrell's default knot positions (quantiles) for k = 3 … 7 knots (Regression Modeling Strategies, 2nd ed., table 2.3). */
export const KNOT_QUANTILES: Record<number, readonly number[]> = {
  3: [0.1, 0.5, 0.9],
  4: [0.05, 0.35, 0.65, 0.95],
  5: [0.05, 0.275, 0.5, 0.725, 0.95],
  6: [0.05, 0.23, 0.41, 0.59, 0.77, 0.95],
  7: [0.025, 0.1833, 0.3417, 0.5, 0.6583, 0.8167, 0.975],
};

/**
 * Knots for `values` (any order; NaN not allowed): the quantiles (type 7) at Harrell's positions
 * for `k` knots, ties merged. When fewer than 3 distinct knots remain (most of the mass on one
 * value), the positions for k − 1 knots are tried, down to 3. An empty array means no spline:
 * fewer than 2k distinct values (a spline of a variable with few values is nearly collinear
 * with its dummies' span), or no 3 distinct knots.
 */
export function splineKnots(values: Float64Array, k = 5): number[] {
  const sorted = Float64Array.from(values).sort();
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length && distinct < 2 * k; i++) if ((sorted[i] as number) !== (sorted[i - 1] as number)) distinct++;
  if (distinct < 2 * k) return [];
  for (let m = Math.min(7, Math.max(3, k)); m >= 3; m--) {
    const probs = KNOT_QUANTILES[m] as readonly number[];
    const knots: number[] = [];
    for (const q of probs) {
      const t = quantileSorted(sorted, q);
      if (knots.length === 0 || t > (knots.at(-1) as number)) knots.push(t);
    }
    if (knots.length >= 3) return knots;
  }
  return [];
}

/** The k − 2 non-linear basis columns c_1 … c_{k−2} of x for the given knots (ascending, k ≥ 3), into `out` (each of length x.length). */
export function naturalSplineColumns(x: Float64Array, knots: readonly number[], out?: Float64Array[]): Float64Array[] {
  const k = knots.length;
  if (k < 3) throw new RangeError(`naturalSplineColumns: need at least 3 knots, got ${k}`);
  for (let j = 1; j < k; j++) if (!((knots[j] as number) > (knots[j - 1] as number))) throw new RangeError('naturalSplineColumns: knots must be strictly increasing');
  const n = x.length;
  const cols = out ?? Array.from({ length: k - 2 }, () => new Float64Array(n));
  const tk = knots[k - 1] as number;
  const tk1 = knots[k - 2] as number;
  const norm = (tk - (knots[0] as number)) ** 2;
  const d = tk - tk1;
  const cube = (v: number): number => (v > 0 ? v * v * v : 0);
  for (let j = 0; j < k - 2; j++) {
    const tj = knots[j] as number;
    const a = (tk - tj) / d;
    const b = (tk1 - tj) / d;
    const c = cols[j] as Float64Array;
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      c[i] = (cube(v - tj) - cube(v - tk1) * a + cube(v - tk) * b) / norm;
    }
  }
  return cols;
}
