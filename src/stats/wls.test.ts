import { describe, expect, it } from 'vitest';
import { robustCov, seFromCov } from './robust-cov.ts';
import { expectClose, readFixture } from './test-utils.ts';
import { ols, wls } from './wls.ts';
import { qrLeastSquares } from './qr-least-squares.ts';
import { createRng } from './rng.ts';

interface LinearFixture {
  tolerance: { relative: number };
  n: number;
  p: number;
  X: number[];
  y: number[];
  clusters: number[];
  weights?: number[];
  expected: { coef: number[]; seNonrobust: number[]; seHC0: number[]; seHC1: number[]; seCluster: number[]; ssr: number };
}

for (const name of ['ols.json', 'wls.json']) {
  describe(`${name} (statsmodels reference)`, () => {
    const f = readFixture<LinearFixture>(name);
    const X = Float64Array.from(f.X);
    const y = Float64Array.from(f.y);
    const w = f.weights === undefined ? undefined : Float64Array.from(f.weights);
    const clusters = Int32Array.from(f.clusters);
    const rel = f.tolerance.relative;
    const fit = wls(X, y, f.n, f.p, w);

    it('coefficients and classical SEs', () => {
      expectClose(fit.coef, f.expected.coef, rel, 0, 'coef');
      expectClose(seFromCov(fit.cov, f.p), f.expected.seNonrobust, rel, 0, 'se');
      expectClose([fit.rss], [f.expected.ssr], rel);
      expect(fit.dfResid).toBe(f.n - f.p);
    });

    it('HC0 and HC1 robust SEs', () => {
      const opts = { type: 'HC0' as const, ...(w ? { weights: w } : {}) };
      expectClose(seFromCov(robustCov(X, fit.residuals, f.n, f.p, fit.bread, opts), f.p), f.expected.seHC0, rel, 0, 'HC0');
      const hc1 = robustCov(X, fit.residuals, f.n, f.p, fit.bread, { ...opts, type: 'HC1' });
      expectClose(seFromCov(hc1, f.p), f.expected.seHC1, rel, 0, 'HC1');
    });

    it('cluster-robust CR1 SEs', () => {
      const cov = robustCov(X, fit.residuals, f.n, f.p, fit.bread, { type: 'CR1', clusters, ...(w ? { weights: w } : {}) });
      expectClose(seFromCov(cov, f.p), f.expected.seCluster, rel, 0, 'CR1');
      // symmetric
      for (let a = 0; a < f.p; a++) for (let b = 0; b < a; b++) expect(cov[a * f.p + b]).toBe(cov[b * f.p + a]);
    });
  });
}

describe('wls edge cases', () => {
  const X = new Float64Array([1, 0, 1, 1, 1, 2]);
  it('fits an exact line with zero residuals', () => {
    const r = ols(X, new Float64Array([1, 3, 5]), 3, 2);
    expectClose(r.coef, [1, 2], 1e-12);
    expectClose(r.residuals, [0, 0, 0], 0, 1e-12);
    expectClose(r.fitted, [1, 3, 5], 1e-12);
  });

  it('equals OLS on duplicated rows when weights are integer counts', () => {
    const y = new Float64Array([1, 2.5, 4.9]);
    const a = wls(X, y, 3, 2, new Float64Array([2, 1, 3]));
    const Xd = new Float64Array([1, 0, 1, 0, 1, 1, 1, 2, 1, 2, 1, 2]);
    const b = ols(Xd, new Float64Array([1, 1, 2.5, 4.9, 4.9, 4.9]), 6, 2);
    expectClose(a.coef, b.coef, 1e-12);
    expectClose(a.bread, b.bread, 1e-12);
  });

  it('rows with zero weight are as if dropped (coef, df, HC1 and CR1 factors)', () => {
    const Xa = new Float64Array([1, 0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6]);
    const ya = new Float64Array([0.5, 2, 1, 4, 3.5, 9, 6]);
    const wa = new Float64Array([1, 2, 1, 0, 1, 0, 3]);
    const ca = new Int32Array([1, 1, 2, 9, 3, 9, 3]); // cluster 9 has only zero-weight rows
    const keep = [0, 1, 2, 4, 6];
    const Xb = Float64Array.from(keep.flatMap((i) => [Xa[2 * i]!, Xa[2 * i + 1]!]));
    const yb = Float64Array.from(keep.map((i) => ya[i]!));
    const wb = Float64Array.from(keep.map((i) => wa[i]!));
    const cb = Int32Array.from(keep.map((i) => ca[i]!));
    const a = wls(Xa, ya, 7, 2, wa);
    const b = wls(Xb, yb, 5, 2, wb);
    expectClose(a.coef, b.coef, 1e-12);
    expect(a.dfResid).toBe(3);
    expectClose(a.cov, b.cov, 1e-12);
    for (const type of ['HC1', 'CR1'] as const) {
      const va = robustCov(Xa, a.residuals, 7, 2, a.bread, { type, weights: wa, clusters: ca });
      const vb = robustCov(Xb, b.residuals, 5, 2, b.bread, { type, weights: wb, clusters: cb });
      expectClose(va, vb, 1e-12, 0, type);
    }
  });

  it('copes with columns on very different scales (income in kroner next to a dummy)', () => {
    const rand = createRng(31);
    const n = 500;
    const Xs = new Float64Array(n * 3);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const income = 300_000 + 100_000 * (rand() - 0.5);
      const d = rand() < 0.5 ? 1 : 0;
      Xs.set([1, income, d], i * 3);
      ys[i] = 0.2 + 1e-6 * income + 0.1 * d + 0.05 * (rand() - 0.5);
    }
    const a = wls(Xs, ys, n, 3);
    const b = qrLeastSquares(Xs, ys, n, 3);
    expectClose(a.coef, b.coef, 1e-7);
  });

  it('throws on collinear columns, bad weights and too few rows', () => {
    expect(() => wls(new Float64Array([1, 2, 1, 2, 1, 2]), new Float64Array(3), 3, 2)).toThrow(/not positive definite/);
    expect(() => wls(X, new Float64Array(3), 3, 2, new Float64Array([1, Number.NaN, 1]))).toThrow(/weights/);
    expect(() => wls(new Float64Array(2), new Float64Array(1), 1, 2)).toThrow(/at least p/);
    expect(() => wls(X, new Float64Array([1, Number.NaN, 1]), 3, 2)).toThrow(/y\[1\]/);
  });
});

describe('robustCov guards', () => {
  const X = new Float64Array([1, 0, 1, 1, 1, 2, 1, 3]);
  const fit = ols(X, new Float64Array([0, 2, 1, 4]), 4, 2);
  it('requires clusters for CR1 and at least two of them', () => {
    expect(() => robustCov(X, fit.residuals, 4, 2, fit.bread, { type: 'CR1' })).toThrow(/Int32Array/);
    expect(() => robustCov(X, fit.residuals, 4, 2, fit.bread, { type: 'CR1', clusters: new Int32Array(4) })).toThrow(/2 clusters/);
  });
  it('CR1 with one row per cluster equals HC1', () => {
    const hc1 = robustCov(X, fit.residuals, 4, 2, fit.bread, { type: 'HC1' });
    const cr1 = robustCov(X, fit.residuals, 4, 2, fit.bread, { type: 'CR1', clusters: new Int32Array([5, 6, 7, 8]) });
    // G/(G-1)·(n-1)/(n-p) with G = n equals n/(n-p)
    expectClose(cr1, hc1, 1e-12);
  });
  it('rejects an unknown type', () => {
    expect(() => robustCov(X, fit.residuals, 4, 2, fit.bread, { type: 'HC3' as 'HC1' })).toThrow(TypeError);
  });
});
