import { describe, expect, it } from 'vitest';
import { sparseRows, type SparseRows } from './crossprod.ts';
import { logisticRegression, logisticRegressionSparse } from './logistic-regression.ts';
import { logisticRegressionSparseWarm } from './logistic-start.ts';
import { createRng } from './rng.ts';
import { expectClose, readFixture, type LogitFixture } from './test-utils.ts';

/** A dummy-heavy design like the evaluation's: intercept, two numeric columns, a 6-level factor and a rare level. */
function design(n: number, seed: number, rare = 60): { S: SparseRows; X: Float64Array; y: Float64Array; p: number } {
  const rng = createRng(seed);
  const p = 9;
  const X = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    X[o] = 1;
    X[o + 1] = rng() - 0.5;
    X[o + 2] = rng() < 0.6 ? 0 : rng();
    const level = Math.floor(rng() * 6);
    if (level > 0) X[o + 2 + level] = 1;
    if (i < rare) X[o + 8] = 1; // a column with few non-zeros (all in the first rows)
    const eta = -1 + 0.8 * (X[o + 1] as number) - 0.5 * (X[o + 2] as number) + 0.3 * level - (i < rare ? 0.7 : 0);
    y[i] = rng() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { S: sparseRows(X, n, p) as SparseRows, X, y, p };
}

describe('logisticRegressionSparseWarm', () => {
  it('reaches the cold fit’s optimum (1e-8 relative) in fewer Newton iterations', () => {
    const n = 40_000;
    const { S, y, p } = design(n, 11);
    const cold = logisticRegressionSparse(S, y, n, p);
    const warm = logisticRegressionSparseWarm(S, y, n, p, { subsampleRows: 2000 });
    expect(warm.converged).toBe(true);
    expect(warm.separation).toBe(false);
    expect(warm.iterations).toBeLessThan(cold.iterations);
    expectClose(warm.coef, cold.coef, 1e-8, 1e-12, 'coef');
    expectClose(warm.se, cold.se, 1e-8, 0, 'se');
    expectClose([warm.deviance], [cold.deviance], 1e-12);
    let maxEta = 0;
    for (let i = 0; i < n; i++) maxEta = Math.max(maxEta, Math.abs((warm.eta[i] as number) - (cold.eta[i] as number)));
    expect(maxEta).toBeLessThan(1e-8);
  });

  it('keeps every row of a rare column in the subsample (else its X’WX would be singular and the start lost)', () => {
    // Column 8 is non-zero on rows 1..59 except multiples of 20 (the step here): the plain
    // every-20th-row subsample would hold none of them, its fit would fail and the warm start
    // fall back to the cold fit (same number of iterations).
    const n = 40_000;
    const { S, y, p } = design(n, 5, 0);
    const X = new Float64Array(n * p);
    for (let i = 0; i < n; i++) for (let j = S.ptr[i] as number; j < (S.ptr[i + 1] as number); j++) X[i * p + (S.idx[j] as number)] = S.val[j] as number;
    for (let i = 1; i < 60; i++) if (i % 20 !== 0) X[i * p + 8] = 1;
    const S2 = sparseRows(X, n, p) as SparseRows;
    const cold = logisticRegressionSparse(S2, y, n, p);
    const warm = logisticRegressionSparseWarm(S2, y, n, p, { subsampleRows: 2000 });
    expect(warm.iterations).toBeLessThan(cold.iterations);
    expectClose(warm.coef, cold.coef, 1e-8, 1e-12, 'coef');
  });

  it('matches statsmodels’ Logit on the reference fixture (1e-6 relative)', () => {
    const f = readFixture<LogitFixture>('logit.json');
    const S = sparseRows(Float64Array.from(f.X), f.n, f.p, 1) as SparseRows;
    const r = logisticRegressionSparseWarm(S, Float64Array.from(f.y), f.n, f.p, { subsampleRows: 150 });
    expectClose(r.coef, f.expected.coef, f.tolerance.relative, 0, 'coef');
    expectClose(r.se, f.expected.se, f.tolerance.relative, 0, 'se');
    expectClose([r.deviance], [f.expected.deviance], f.tolerance.relative);
  });

  it('falls back to the cold fit, bit for bit, on small inputs and under separation', () => {
    const small = design(3000, 3);
    expect(logisticRegressionSparseWarm(small.S, small.y, 3000, small.p)).toEqual(logisticRegressionSparse(small.S, small.y, 3000, small.p));
    // column 8 set exactly where y = 1 on a few rows: quasi-complete separation
    const n = 20_000;
    const { X, y, p } = design(n, 9, 0);
    for (let i = 0; i < 200; i++) if (y[i] === 1) X[i * p + 8] = 1;
    const S = sparseRows(X, n, p) as SparseRows;
    const cold = logisticRegressionSparse(S, y, n, p);
    expect(cold.separation).toBe(true);
    expect(logisticRegressionSparseWarm(S, y, n, p, { subsampleRows: 1000 })).toEqual(cold);
  });
});

describe('logisticRegression start and covariance options', () => {
  const { X, y, p } = design(5000, 21);
  const n = 5000;

  it('from the optimum as start converges in one or two iterations to the same estimate', () => {
    const cold = logisticRegression(X, y, n, p);
    const again = logisticRegression(X, y, n, p, { start: cold.coef });
    expect(again.iterations).toBeLessThanOrEqual(2);
    expectClose(again.coef, cold.coef, 1e-10, 1e-14, 'coef');
  });

  it('covariance: false leaves cov and se NaN and the estimate unchanged', () => {
    const full = logisticRegression(X, y, n, p);
    const lean = logisticRegression(X, y, n, p, { covariance: false });
    expect(lean.coef).toEqual(full.coef);
    expect(lean.fitted).toEqual(full.fitted);
    expect(Array.from(lean.se).every(Number.isNaN)).toBe(true);
    expect(Array.from(lean.cov).every(Number.isNaN)).toBe(true);
  });

  it('refuses a start of the wrong length or with non-finite values', () => {
    expect(() => logisticRegression(X, y, n, p, { start: new Float64Array(p - 1) })).toThrow(/start/);
    const bad = new Float64Array(p);
    bad[3] = Number.NaN;
    expect(() => logisticRegression(X, y, n, p, { start: bad })).toThrow(/start\[3\]/);
  });
});
