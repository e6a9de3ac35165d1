// The employment model against statsmodels and scikit-learn (scripts/fixtures/make-employment-
// model-fixtures.py): Logit coefficients and SEs at 1e-6 relative; StratifiedKFold's folds
// reproduced in order; the cross-validated AUC on the exported (shuffled) folds at 1e-9; the
// calibration deciles by gender and the delta-method interval at 1e-6; the statuses that keep a
// model off the citizen page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../stats/test-utils.ts';
import { crossValidatedLogitAuc, stratifiedFolds, stratifiedFoldsInOrder } from '../../stats/cross-validation.ts';
import { fitEmploymentModel, indexValues, MODEL_RULES, predictEmployment, type ModelPerson } from './model.ts';
import type { Instrument } from '../../domain/fip/instrument.ts';

interface Case {
  name: string;
  n: number;
  terms: string[];
  X: number[][];
  y: number[];
  coef: number[];
  se: number[];
  cov: number[];
  folds_in_order: number[];
  folds: number[];
  fold_auc: number[];
  cv_auc: number;
  calibration: Record<'F' | 'M', { n: number; events: number; predicted: number; observed: number }[]>;
  predictions: { x: number[]; eta: number; se: number; probability: number; low: number; high: number }[];
}
interface Fixture {
  tolerance: { coefficients: number; auc: number; calibration: number; probability: number };
  k: number;
  cases: Case[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/employment-model.json', import.meta.url), 'utf8')) as Fixture;
const tol = fixture.tolerance;
const INDEX_IDS = fixture.cases[0]!.terms.slice(1, 8);

const persons = (c: Case): ModelPerson[] =>
  c.X.map((row, i) => ({ indices: row.slice(1, 8), gender: row[8] === 1 ? 'M' : 'F', yearsInDenmark: row[9] as number, employed: c.y[i] === 1 }));

describe.each(fixture.cases)('employment model on the $name case', (c) => {
  const folds = Int32Array.from(c.folds);
  const model = fitEmploymentModel(INDEX_IDS, persons(c), { folds });

  it('has statsmodels Logit coefficients, SEs and covariance (1e-6 relative)', () => {
    expect(model.terms).toEqual(c.terms);
    expect(model.n).toBe(c.n);
    expect(model.events).toBe(c.y.reduce((a, b) => a + b, 0));
    expectClose(model.coef ?? [], c.coef, tol.coefficients, 0, 'coef');
    expectClose(model.se ?? [], c.se, tol.coefficients, 0, 'se');
    expectClose(model.cov ?? [], c.cov, tol.coefficients, 1e-12, 'cov');
  });

  it("assigns scikit-learn's StratifiedKFold(5, shuffle=False) folds", () => {
    expect([...stratifiedFoldsInOrder(Uint8Array.from(c.y), fixture.k)]).toEqual(c.folds_in_order);
  });

  it('has the cross-validated AUC of roc_auc_score on the exported folds (1e-9)', () => {
    expectClose(model.foldAuc ?? [], c.fold_auc, tol.auc, 0, 'fold AUC');
    expectClose([model.cvAuc ?? Number.NaN], [c.cv_auc], tol.auc, 0, 'CV AUC');
    const p = c.terms.length;
    const cv = crossValidatedLogitAuc(Float64Array.from(c.X.flat()), Uint8Array.from(c.y), c.n, p, folds, fixture.k);
    expectClose([cv.auc], [c.cv_auc], tol.auc, 0, 'CV AUC (stats)');
  });

  it('has the calibration deciles by gender of the out-of-fold predictions', () => {
    for (const g of ['F', 'M'] as const) {
      const got = model.calibration?.[g] ?? [];
      expect(got.map((d) => [d.n, d.events])).toEqual(c.calibration[g].map((d) => [d.n, d.events]));
      expectClose(got.map((d) => d.predicted), c.calibration[g].map((d) => d.predicted), tol.calibration, 0, `${g} predicted`);
      expectClose(got.map((d) => d.observed), c.calibration[g].map((d) => d.observed), 1e-12, 0, `${g} observed`);
    }
  });

  it('gives the delta-method 95 % interval of the probability', () => {
    for (const pr of c.predictions) {
      const got = predictEmployment({ coef: c.coef, cov: c.cov }, { indices: pr.x.slice(1, 8), gender: pr.x[8] === 1 ? 'M' : 'F', yearsInDenmark: pr.x[9] as number });
      expectClose([got.eta, got.se, got.probability, got.low, got.high], [pr.eta, pr.se, pr.probability, pr.low, pr.high], tol.probability, 0, 'prediction');
      expect(got.low).toBeLessThan(got.probability);
      expect(got.high).toBeGreaterThan(got.probability);
    }
  });
});

describe('employment model statuses', () => {
  const [informative, noise] = fixture.cases as [Case, Case];

  it('the informative case is adequate, the noise case weak (CV AUC under 0.6) — its coefficients kept as evidence', () => {
    expect(fitEmploymentModel(INDEX_IDS, persons(informative), { folds: Int32Array.from(informative.folds) }).status).toBe('adequate');
    const weak = fitEmploymentModel(INDEX_IDS, persons(noise), { folds: Int32Array.from(noise.folds) });
    expect(weak.status).toBe('weak');
    expect(weak.cvAuc).toBeLessThan(MODEL_RULES.minCvAuc);
    expect(weak.coef).not.toBeNull();
  });

  it('too few persons or too few of an outcome: no fit, the reason', () => {
    const all = persons(informative);
    const few = fitEmploymentModel(INDEX_IDS, all.slice(0, 99));
    expect(few).toMatchObject({ status: 'too_few_persons', n: 99, coef: null, cvAuc: null });
    const employed = all.filter((p) => p.employed).slice(0, 19);
    const rare = fitEmploymentModel(INDEX_IDS, [...employed, ...all.filter((p) => !p.employed)]);
    expect(rare).toMatchObject({ status: 'too_few_events', events: 19, coef: null });
  });

  it('a term without variation (collinear with the intercept) is not estimable', () => {
    const all = persons(informative).map((p) => ({ ...p, gender: 'F' as const }));
    expect(fitEmploymentModel(INDEX_IDS, all).status).toBe('not_estimable');
  });

  it('the seeded folds are stratified, balanced and the same every time', () => {
    const y = Uint8Array.from(informative.y);
    const a = stratifiedFolds(y, 5, MODEL_RULES.seed);
    expect([...a]).toEqual([...stratifiedFolds(y, 5, MODEL_RULES.seed)]);
    expect([...a]).not.toEqual([...stratifiedFolds(y, 5, MODEL_RULES.seed + 1)]);
    const events = informative.y.reduce((s, v) => s + v, 0);
    for (let f = 0; f < 5; f++) {
      const inFold = [...a].map((v, i) => (v === f ? i : -1)).filter((i) => i >= 0);
      expect(Math.abs(inFold.length - informative.n / 5)).toBeLessThanOrEqual(1);
      expect(Math.abs(inFold.filter((i) => y[i] === 1).length - events / 5)).toBeLessThanOrEqual(1);
    }
    const model = fitEmploymentModel(INDEX_IDS, persons(informative));
    expect(model.status).toBe('adequate');
    expect(model.cvAuc).toBeGreaterThan(0.6);
  });

  it('an index value needs every item of the index answered with a number', () => {
    const instrument = JSON.parse(readFileSync(new URL('../../../content/instruments/fip-v1.json', import.meta.url), 'utf8')) as Instrument;
    const answers: Record<string, number | null> = Object.fromEntries(instrument.items.map((item, i) => [item.id, (i % 7) + 1]));
    const values = indexValues(instrument, answers);
    expect(values?.length).toBe(instrument.indices.length);
    const jp = instrument.items.filter((i) => i.index === 'job_prospects').map((i) => answers[i.id] as number);
    expect(values?.[instrument.indices.findIndex((d) => d.id === 'job_prospects')]).toBeCloseTo(jp.reduce((a, b) => a + b, 0) / jp.length, 14);
    expect(indexValues(instrument, { ...answers, w11: null })).toBeNull();
    const { c01: _, ...missing } = answers;
    expect(indexValues(instrument, missing)).toBeNull();
  });
});
