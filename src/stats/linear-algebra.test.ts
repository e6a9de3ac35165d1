import { describe, expect, it } from 'vitest';
import { cholesky, choleskySolve, spdInverse } from './cholesky.ts';
import { matVec, xtwx, xtwy } from './crossprod.ts';
import { qrLeastSquares } from './qr-least-squares.ts';
import { createRng } from './rng.ts';
import { expectClose, readFixture } from './test-utils.ts';

function randomMatrix(n: number, p: number, seed: number): Float64Array {
  const r = createRng(seed);
  return Float64Array.from({ length: n * p }, () => r() * 2 - 1);
}

describe('cholesky', () => {
  it('factors a 2×2 SPD matrix', () => {
    expectClose(cholesky(new Float64Array([4, 2, 2, 3]), 2), [2, 0, 1, Math.SQRT2], 1e-15);
  });

  it('reproduces A = L L\' and solves A x = b for a random SPD matrix', () => {
    const p = 6;
    const A = xtwx(randomMatrix(50, p, 1), 50, p);
    const L = cholesky(A, p);
    const LLt = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += L[i * p + k]! * L[j * p + k]!;
      LLt[i * p + j] = s;
    }
    expectClose(LLt, A, 1e-12, 1e-12);
    const x = Float64Array.from({ length: p }, (_, i) => i - 2.5);
    const b = matVec(A, x, p, p);
    expectClose(choleskySolve(L, b, p), x, 1e-10, 1e-12);
  });

  it('throws a RangeError naming the failing column on a non-positive-definite matrix', () => {
    expect(() => cholesky(new Float64Array([1, 2, 2, 1]), 2)).toThrow(/not positive definite.*column 1/);
    expect(() => cholesky(new Float64Array([1, 1, 1, 1]), 2)).toThrow(RangeError);
    expect(() => cholesky(new Float64Array([-1]), 1)).toThrow(RangeError);
  });

  it('guards its inputs', () => {
    expect(() => cholesky(new Float64Array(3), 2)).toThrow(/length 4/);
    expect(() => cholesky([1] as unknown as Float64Array, 1)).toThrow(TypeError);
    expect(() => choleskySolve(new Float64Array([1]), new Float64Array(2), 1)).toThrow(RangeError);
  });
});

describe('spdInverse', () => {
  it('inverts a 2×2 matrix exactly', () => {
    expectClose(spdInverse(new Float64Array([4, 2, 2, 3]), 2), [0.375, -0.25, -0.25, 0.5], 1e-14);
  });

  it('gives A A^-1 = I for a random 8×8 SPD matrix', () => {
    const p = 8;
    const A = xtwx(randomMatrix(100, p, 2), 100, p);
    const Ai = spdInverse(A, p);
    const I = new Float64Array(p * p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += A[i * p + k]! * Ai[k * p + j]!;
      I[i * p + j] = s;
    }
    const eye = Float64Array.from({ length: p * p }, (_, k) => (k % (p + 1) === 0 ? 1 : 0));
    expectClose(I, eye, 0, 1e-10);
  });
});

describe('xtwx / xtwy', () => {
  it('matches a naive triple loop with and without weights', () => {
    const n = 37;
    const p = 5;
    const X = randomMatrix(n, p, 3);
    const r = createRng(4);
    const w = Float64Array.from({ length: n }, () => r());
    const y = Float64Array.from({ length: n }, () => r());
    for (const wt of [undefined, w]) {
      const naive = new Float64Array(p * p);
      const naiveY = new Float64Array(p);
      for (let i = 0; i < n; i++) {
        const wi = wt === undefined ? 1 : wt[i]!;
        for (let a = 0; a < p; a++) {
          naiveY[a] = naiveY[a]! + wi * X[i * p + a]! * y[i]!;
          for (let b = 0; b < p; b++) naive[a * p + b] = naive[a * p + b]! + wi * X[i * p + a]! * X[i * p + b]!;
        }
      }
      expectClose(xtwx(X, n, p, wt), naive, 1e-13, 1e-14);
      expectClose(xtwy(X, y, n, p, wt), naiveY, 1e-13, 1e-14);
    }
  });

  it('rejects negative weights and wrong lengths', () => {
    expect(() => xtwx(new Float64Array(4), 2, 2, new Float64Array([1, -1]))).toThrow(/weights must be finite and >= 0/);
    expect(() => xtwy(new Float64Array(4), new Float64Array(3), 2, 2)).toThrow(/y must have length 2/);
  });
});

describe('qrLeastSquares', () => {
  it('fits an exact line', () => {
    const r = qrLeastSquares(new Float64Array([1, 0, 1, 1, 1, 2]), new Float64Array([1, 3, 5]), 3, 2);
    expectClose(r.coef, [1, 2], 1e-14);
    expect(r.rank).toBe(2);
    expect(r.rankDeficient).toBe(false);
    expect(r.rss).toBeLessThan(1e-25);
  });

  it('agrees with the normal equations on a well-conditioned random problem', () => {
    const n = 200;
    const p = 4;
    const X = randomMatrix(n, p, 5);
    const r = createRng(6);
    const y = Float64Array.from({ length: n }, () => r());
    const viaChol = choleskySolve(cholesky(xtwx(X, n, p), p), xtwy(X, y, n, p), p);
    expectClose(qrLeastSquares(X, y, n, p).coef, viaChol, 1e-10);
  });

  it('reproduces the statsmodels OLS coefficients of the ols.json fixture', () => {
    const f = readFixture<{ n: number; p: number; X: number[]; y: number[]; tolerance: { relative: number }; expected: { coef: number[]; ssr: number } }>('ols.json');
    const r = qrLeastSquares(Float64Array.from(f.X), Float64Array.from(f.y), f.n, f.p);
    expectClose(r.coef, f.expected.coef, f.tolerance.relative, 0, 'coef');
    expectClose([r.rss], [f.expected.ssr], f.tolerance.relative);
  });

  it('detects a linearly dependent column and reports NaN for it', () => {
    // column 2 = column 0 + column 1
    const X = new Float64Array([1, 0, 1, 1, 1, 2, 1, 2, 3, 1, 3, 4]);
    const r = qrLeastSquares(X, new Float64Array([1, 2, 2, 4]), 4, 3);
    expect(r.rank).toBe(2);
    expect(r.rankDeficient).toBe(true);
    expect(r.coef.filter(Number.isNaN).length).toBe(1);
  });

  it('refuses fewer rows than columns', () => {
    expect(() => qrLeastSquares(new Float64Array(6), new Float64Array(2), 2, 3)).toThrow(/n >= p/);
  });
});
