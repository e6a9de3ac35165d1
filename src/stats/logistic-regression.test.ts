import { describe, expect, it } from 'vitest';
import { sparseRows, type SparseRows } from './crossprod.ts';
import { logisticRegression, logisticRegressionSparse } from './logistic-regression.ts';
import { createRng } from './rng.ts';
import { robustCov, seFromCov } from './robust-cov.ts';
import { expectClose, readFixture, type LogitFixture } from './test-utils.ts';

interface SeparationFixture {
  n: number;
  p: number;
  X: number[];
  cases: Record<'complete' | 'quasi', { y: number[]; statsmodels: string }>;
}

describe('logisticRegression against statsmodels', () => {
  const f = readFixture<LogitFixture>('logit.json');
  const X = Float64Array.from(f.X);
  const y = Float64Array.from(f.y);
  const rel = f.tolerance.relative;

  it('matches Logit coefficients, SEs, deviance and fitted probabilities', () => {
    const r = logisticRegression(X, y, f.n, f.p);
    expect(r.converged).toBe(true);
    expect(r.separation).toBe(false);
    expect(r.message).toBeUndefined();
    expectClose(r.coef, f.expected.coef, rel, 0, 'coef');
    expectClose(r.se, f.expected.se, rel, 0, 'se');
    expectClose([r.deviance], [f.expected.deviance], rel);
    expectClose(r.fitted.subarray(0, 20), f.expected.fittedHead, rel, 0, 'fitted');
    // eta is X coef
    let e0 = 0;
    for (let a = 0; a < f.p; a++) e0 += X[a]! * r.coef[a]!;
    expect(r.eta[0]).toBeCloseTo(e0, 12);
    expect(r.iterations).toBeLessThan(10);
  });

  it('robustCov on (y - mu) with bread = cov gives statsmodels HC0 and cluster SEs', () => {
    const r = logisticRegression(X, y, f.n, f.p);
    const resid = Float64Array.from(y, (v, i) => v - r.fitted[i]!);
    const hc0 = robustCov(X, resid, f.n, f.p, r.cov, { type: 'HC0' });
    expectClose(seFromCov(hc0, f.p), f.expected.seHC0, rel, 0, 'HC0');
    const cr1 = robustCov(X, resid, f.n, f.p, r.cov, { type: 'CR1', clusters: Int32Array.from(f.clusters) });
    expectClose(seFromCov(cr1, f.p), f.expected.seCluster, rel, 0, 'CR1');
  });

  it('matches the binomial GLM with frequency weights', () => {
    const r = logisticRegression(X, y, f.n, f.p, { weights: Float64Array.from(f.weights) });
    expect(r.converged).toBe(true);
    expectClose(r.coef, f.expectedWeighted.coef, rel, 0, 'coef');
    expectClose(r.se, f.expectedWeighted.se, rel, 0, 'se');
    expectClose([r.deviance], [f.expectedWeighted.deviance], rel);
  });
});

describe('logisticRegression separation', () => {
  const f = readFixture<SeparationFixture>('logit-separation.json');
  const X = Float64Array.from(f.X);

  it('flags complete separation (statsmodels raises PerfectSeparationError) with NaN estimates', () => {
    expect(f.cases.complete.statsmodels).toMatch(/PerfectSeparation/);
    const r = logisticRegression(X, Float64Array.from(f.cases.complete.y), f.n, f.p);
    expect(r.separation).toBe(true);
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/^logisticRegression: complete separation/);
    expect(Array.from(r.coef).every(Number.isNaN)).toBe(true);
    expect(Array.from(r.se).every(Number.isNaN)).toBe(true);
    expect(r.fitted.length).toBe(f.n);
  });

  it('flags quasi-complete separation (statsmodels fails with a singular matrix)', () => {
    const r = logisticRegression(X, Float64Array.from(f.cases.quasi.y), f.n, f.p);
    expect(r.separation).toBe(true);
    expect(r.message).toMatch(/quasi-complete separation/);
  });
});

describe('logisticRegression separation on large n', () => {
  it('flags a dummy that implies y = 1 even when the deviance criterion is met early', () => {
    const rand = createRng(11);
    const n = 50_000;
    const X = new Float64Array(n * 3);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = rand() * 4 - 2;
      const d = rand() < 0.001 ? 1 : 0;
      X.set([1, x, d], i * 3);
      y[i] = d === 1 || rand() < 1 / (1 + Math.exp(-x)) ? 1 : 0;
    }
    const r = logisticRegression(X, y, n, 3);
    expect(r.separation).toBe(true);
    expect(r.message).toMatch(/quasi-complete separation.*columns 2\b/);
  });
});

describe('logisticRegression small cases and guards', () => {
  it('intercept only: coef = log(mean / (1 - mean)), se = 1/sqrt(n p (1-p))', () => {
    const r = logisticRegression(new Float64Array(5).fill(1), new Float64Array([1, 0, 0, 1, 1]), 5, 1);
    expectClose(r.coef, [Math.log(1.5)], 1e-9);
    expectClose(r.se, [1 / Math.sqrt(5 * 0.6 * 0.4)], 1e-8);
  });

  it('accepts proportions in [0, 1] with weights as trials (same as expanded 0/1 data)', () => {
    // x = 0: 1 success of 4; x = 1: 3 of 4
    const grouped = logisticRegression(
      new Float64Array([1, 0, 1, 1]), new Float64Array([0.25, 0.75]), 2, 2, { weights: new Float64Array([4, 4]) },
    );
    const Xe: number[] = [];
    const ye: number[] = [];
    for (const [x, s] of [[0, 1], [1, 3]] as const) for (let t = 0; t < 4; t++) {
      Xe.push(1, x);
      ye.push(t < s ? 1 : 0);
    }
    const expanded = logisticRegression(Float64Array.from(Xe), Float64Array.from(ye), 8, 2);
    expectClose(grouped.coef, expanded.coef, 1e-9);
    expectClose(grouped.se, expanded.se, 1e-8);
    expectClose(grouped.coef, [-Math.log(3), 2 * Math.log(3)], 1e-9);
  });

  it('flags an outcome without variation (all 0) as complete separation', () => {
    const r = logisticRegression(new Float64Array([1, 0.3, 1, -1, 1, 2]), new Float64Array(3), 3, 2);
    expect(r.separation).toBe(true);
    expect(r.message).toMatch(/complete separation/);
    expect(Array.from(r.fitted).every((m) => m < 1e-10)).toBe(true);
  });

  it('reports non-convergence when maxIter is too small', () => {
    const X = new Float64Array([1, -1, 1, 0, 1, 1, 1, 2, 1, 0.5]);
    const r = logisticRegression(X, new Float64Array([0, 1, 0, 1, 1]), 5, 2, { maxIter: 1 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1);
    expect(r.message).toMatch(/did not converge/);
  });

  it('throws on y outside [0, 1], collinear X and bad options', () => {
    const X = new Float64Array([1, 2, 1, 2, 1, 2]);
    expect(() => logisticRegression(new Float64Array([1, 1]), new Float64Array([0, 2]), 2, 1)).toThrow(/y must lie in \[0, 1\]/);
    expect(() => logisticRegression(X, new Float64Array([0, 1, 0]), 3, 2)).toThrow(/collinear/);
    expect(() => logisticRegression(new Float64Array([1]), new Float64Array([1]), 1, 1, { maxIter: 0 })).toThrow(/maxIter/);
    expect(() => logisticRegression(new Float64Array([1]), new Float64Array([1]), 1, 1, { tol: -1 })).toThrow(/tol/);
  });
});

describe('logisticRegressionSparse', () => {
  it('is bit-identical to logisticRegression on the dense X of the same CSR', () => {
    const rng = createRng(7);
    const n = 3000;
    const p = 8;
    const X = new Float64Array(n * p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      X[i * p] = 1;
      X[i * p + 1] = rng() - 0.5;
      X[i * p + 2 + Math.floor(rng() * 6)] = 1; // one-hot factor: sparse rows
      if (i % 7 === 0) X[i * p + 2] = 0;
      y[i] = rng() < 0.3 + 0.2 * (X[i * p + 1] as number) ? 1 : 0;
    }
    const S = sparseRows(X, n, p);
    expect(S).toBeDefined();
    const dense = logisticRegression(X, y, n, p);
    const sparse = logisticRegressionSparse(S as SparseRows, y, n, p);
    expect(sparse).toEqual(dense);
    expect(() => logisticRegressionSparse(S as SparseRows, y, n - 1, p)).toThrow(RangeError);
  });
});
