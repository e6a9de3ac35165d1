// The doubly robust ATT (decision 030) against an independent implementation of DRDID's formula
// in numpy/statsmodels (scripts/fixtures/make-aipw-fixtures.py), on the fixture's data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logisticRegression, sparseRows } from '../../stats/index.ts';
import { aipwDesign, aipwEffect } from './aipw.ts';

interface Fixture {
  n: number;
  k: number;
  X: number[];
  treated: number[];
  y: number[];
  person: number[];
  score: number[];
  att: number;
  se: number;
  att_rows: number;
  se_rows: number;
  treated_mean: number;
}

const fx = JSON.parse(readFileSync(new URL('./fixtures/aipw.json', import.meta.url), 'utf8')) as Fixture;
const X = Float64Array.from(fx.X);
const S = sparseRows(X, fx.n, fx.k, 1);
const treated = Uint8Array.from(fx.treated);
const y = Float64Array.from(fx.y);
const person = Int32Array.from(fx.person);
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('aipw', () => {
  it('matches the reference with its propensity scores (1e-6 relative), clustered on the person and per row', () => {
    if (!S) throw new Error('no CSR');
    const score = Float64Array.from(fx.score);
    const d = aipwDesign(S, fx.n, fx.k, treated, score, person);
    if (!d) throw new Error('no design');
    const e = aipwEffect(d, y);
    expect(rel(e.att, fx.att)).toBeLessThan(1e-6);
    expect(rel(e.se, fx.se)).toBeLessThan(1e-6);
    expect(rel(e.treatedMean, fx.treated_mean)).toBeLessThan(1e-12);
    expect(e.controlMean).toBeCloseTo(fx.treated_mean - fx.att, 12);
    expect(e.ciLow).toBeLessThan(e.att);
    const dr = aipwDesign(S, fx.n, fx.k, treated, score);
    if (!dr) throw new Error('no design');
    const er = aipwEffect(dr, y);
    expect(rel(er.att, fx.att_rows)).toBeLessThan(1e-6);
    expect(rel(er.se, fx.se_rows)).toBeLessThan(1e-6);
  });

  it('matches the reference with the score model fitted here (1e-6 relative)', () => {
    if (!S) throw new Error('no CSR');
    const fit = logisticRegression(X, Float64Array.from(fx.treated), fx.n, fx.k);
    const d = aipwDesign(S, fx.n, fx.k, treated, fit.fitted, person);
    if (!d) throw new Error('no design');
    const e = aipwEffect(d, y);
    expect(rel(e.att, fx.att)).toBeLessThan(1e-6);
    expect(rel(e.se, fx.se)).toBeLessThan(1e-6);
  });

  it('the design is reused across outcomes: a second outcome does not change the first one’s estimate', () => {
    if (!S) throw new Error('no CSR');
    const d = aipwDesign(S, fx.n, fx.k, treated, Float64Array.from(fx.score), person);
    if (!d) throw new Error('no design');
    const first = aipwEffect(d, y);
    aipwEffect(d, y.map((v) => 1 - v));
    expect(aipwEffect(d, y)).toEqual(first);
  });

  it('gives no design when a group is empty or the controls’ design is collinear', () => {
    if (!S) throw new Error('no CSR');
    expect(aipwDesign(S, fx.n, fx.k, new Uint8Array(fx.n), Float64Array.from(fx.score))).toBeUndefined();
    // Column 4 (the cohort dummy) zero for every control: the outcome model cannot be fitted.
    const Xc = Float64Array.from(X);
    for (let i = 0; i < fx.n; i++) if (!treated[i]) Xc[i * fx.k + 4] = 0;
    const Sc = sparseRows(Xc, fx.n, fx.k, 1);
    if (!Sc) throw new Error('no CSR');
    expect(aipwDesign(Sc, fx.n, fx.k, treated, Float64Array.from(fx.score))).toBeUndefined();
  });
});
