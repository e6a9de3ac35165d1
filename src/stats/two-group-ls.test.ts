import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';
import { robustCov } from './robust-cov.ts';
import { expectClose } from './test-utils.ts';
import { twoGroupDesign, twoGroupFit } from './two-group-ls.ts';
import { wls } from './wls.ts';

describe('twoGroupFit (closed form) against wls + robustCov on [1, treated]', () => {
  const rand = createRng(7);
  const n = 500;
  const treated = new Uint8Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  const clusters = new Int32Array(n);
  const X = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    treated[i] = rand() < 0.3 ? 1 : 0;
    y[i] = rand() + 0.4 * (treated[i] as number);
    w[i] = rand() < 0.1 ? 0 : 3 * rand();
    clusters[i] = 1000 + Math.floor(rand() * 60);
    X[2 * i] = 1;
    X[2 * i + 1] = treated[i] as number;
  }
  for (const type of ['HC0', 'HC1', 'CR1'] as const) {
    for (const weights of [undefined, w]) {
      it(`${type}${weights ? ' weighted (with zero weights)' : ''}`, () => {
        const opts = { type, ...(weights ? { weights } : {}), ...(type === 'CR1' ? { clusters } : {}) };
        const fit = wls(X, y, n, 2, weights);
        const cov = robustCov(X, fit.residuals, n, 2, fit.bread, opts);
        const r = twoGroupFit(twoGroupDesign(treated, opts), y);
        expectClose(r.coef, fit.coef, 1e-12, 1e-14, 'coef');
        expectClose(r.cov, cov, 1e-10, 1e-18, 'cov');
      });
    }
  }
  it('CR1: fits of one design one after another (reused cluster buffer) equal fits of fresh designs', () => {
    const d = twoGroupDesign(treated, { type: 'CR1', clusters, weights: w });
    for (let k = 0; k < 3; k++) {
      const yk = Float64Array.from(y, (v, i) => v * (k + 1) + (i % 7));
      expect(twoGroupFit(d, yk)).toEqual(twoGroupFit(twoGroupDesign(treated, { type: 'CR1', clusters, weights: w }), yk));
    }
  });
  it('throws without controls, or with one cluster', () => {
    expect(() => twoGroupDesign(new Uint8Array([1, 1]), { type: 'HC1' })).toThrow(RangeError);
    expect(() => twoGroupDesign(new Uint8Array([0, 1]), { type: 'CR1', clusters: new Int32Array([4, 4]) })).toThrow(RangeError);
  });
});
