import { describe, expect, it } from 'vitest';
import { logisticRegression } from './logistic-regression.ts';
import { naturalSplineColumns, splineKnots } from './natural-spline.ts';
import { qrLeastSquares } from './qr-least-squares.ts';
import { expectClose, readFixture } from './test-utils.ts';

interface SplineCase {
  k: number;
  x: string;
  knots: number[];
  patsyBasis: number[];
  patsyColumns: number;
  formulaColumns: number[][];
  y: number[];
  fitted: number[];
}
interface SplineFixture {
  tolerance: { knots: number; formula: number; span: number; fitted: number };
  n: number;
  variables: Record<string, number[]>;
  cases: Record<string, SplineCase>;
}

const f = readFixture<SplineFixture>('natural-spline.json');

/** [1, x, the spline columns] row-major. */
function ourBasis(x: Float64Array, knots: number[]): { X: Float64Array; p: number } {
  const cols = naturalSplineColumns(x, knots);
  const p = 2 + cols.length;
  const X = new Float64Array(x.length * p);
  for (let i = 0; i < x.length; i++) {
    X[i * p] = 1;
    X[i * p + 1] = x[i] as number;
    cols.forEach((c, j) => (X[i * p + 2 + j] = c[i] as number));
  }
  return { X, p };
}

describe('natural cubic splines against numpy, patsy and statsmodels', () => {
  for (const [name, c] of Object.entries(f.cases)) {
    const x = Float64Array.from(f.variables[c.x] as number[]);
    it(`${name}: knots (numpy quantiles at Harrell's positions)`, () => {
      const knots = splineKnots(x, c.k);
      expect(knots.length).toBe(c.knots.length);
      expectClose(knots, c.knots, f.tolerance.knots, f.tolerance.knots, 'knot');
    });
    it(`${name}: the columns are Harrell's rcs formula (numpy) and span patsy's cr() basis`, () => {
      const cols = naturalSplineColumns(x, c.knots);
      expect(cols).toHaveLength(c.knots.length - 2);
      cols.forEach((col, j) => expectClose(col, c.formulaColumns[j] as number[], f.tolerance.formula, f.tolerance.formula, `column ${j}`));
      // Same space: each patsy column is fitted exactly by [1, x, ours], and the dimensions agree.
      const { X, p } = ourBasis(x, c.knots);
      expect(p).toBe(c.patsyColumns);
      for (let j = 0; j < c.patsyColumns; j++) {
        const b = Float64Array.from({ length: f.n }, (_, i) => c.patsyBasis[i * c.patsyColumns + j] as number);
        const fit = qrLeastSquares(X, b, f.n, p);
        let worst = 0;
        for (let i = 0; i < f.n; i++) {
          let yhat = 0;
          for (let a = 0; a < p; a++) yhat += (X[i * p + a] as number) * (fit.coef[a] as number);
          worst = Math.max(worst, Math.abs(yhat - (b[i] as number)));
        }
        expect(worst).toBeLessThan(f.tolerance.span);
      }
    });
    it(`${name}: a logit on [1, x, ours] gives statsmodels' fitted probabilities on patsy's basis`, () => {
      const { X, p } = ourBasis(x, c.knots);
      const r = logisticRegression(X, Float64Array.from(c.y), f.n, p);
      expect(r.converged).toBe(true);
      expectClose(r.fitted, c.fitted, f.tolerance.fitted, 1e-12, 'fitted');
    });
  }

  it('linear below the first knot and above the last (natural), cubic between', () => {
    const knots = [0, 1, 2, 3];
    const x = Float64Array.from([-3, -2, -1, 4, 5, 6]);
    const [c1, c2] = naturalSplineColumns(x, knots) as [Float64Array, Float64Array];
    // below t_1 every column is 0; above t_k constant second differences are 0 (linear)
    expect([c1[0], c1[1], c1[2], c2[0], c2[1], c2[2]]).toEqual([0, 0, 0, 0, 0, 0]);
    for (const c of [c1, c2]) expect(Math.abs((c[5] as number) - 2 * (c[4] as number) + (c[3] as number))).toBeLessThan(1e-12);
    expect(() => naturalSplineColumns(x, [0, 1])).toThrow(RangeError);
    expect(() => naturalSplineColumns(x, [0, 1, 1])).toThrow(RangeError);
  });

  it('knot rule: ties merged, fewer knots when the mass sits on few values, none below 3 distinct knots or 2k distinct values', () => {
    // 90 % zeros: the 5-knot quantiles are 0,0,0,0,x; fall back until 3 distinct knots remain, or none
    const spike = Float64Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : i / 1000));
    expect(splineKnots(spike, 5)).toEqual([]);
    const two = Float64Array.from({ length: 100 }, (_, i) => i % 2);
    expect(splineKnots(two, 4)).toEqual([]);
    const seven = Float64Array.from({ length: 700 }, (_, i) => i % 7);
    expect(splineKnots(seven, 4)).toEqual([]);
    expect(splineKnots(Float64Array.from({ length: 800 }, (_, i) => i % 8), 4)).toEqual([0, 2, 5, 7]);
    const spread = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(splineKnots(spread, 4)).toEqual([5, 35, 65, 95]);
  });
});
