// The employment probability (issue 11 item 3, decision 029): a logistic model of employment
// within 6 months after round 1 (employment or IGU start from the round-1 date to 182 days after
// it, decision 025) on the citizen's round-1 FIP index values (decision 022: an index is the mean
// of all its items, citizen's and caseworker's, on complete cases), gender and years in Denmark at
// round 1. Fitted on a municipality's history; its evidence is the 5-fold stratified
// cross-validated AUC (seeded folds) and the calibration by gender of the out-of-fold predictions
// in deciles. Pure: rows in, numbers out (the server loads and stores them).
import { EMPLOYMENT_OUTCOME_KINDS, EMPLOYMENT_WITHIN_DAYS } from '../../domain/outcomes.ts';
import type { Instrument } from '../../domain/fip/instrument.ts';
import { MODEL_STATUSES } from '../../contract/employment-model.ts';
import { daysBetween } from '../../domain/dates.ts';
import { logisticRegression } from '../../stats/logistic-regression.ts';
import { crossValidatedLogitAuc, stratifiedFolds } from '../../stats/cross-validation.ts';
import { calibrationGroups, type CalibrationGroup } from '../../stats/calibration.ts';
import { logitPrediction, type LogitPrediction } from '../../stats/logit-interval.ts';

/**
 * When a model may be shown: at least `minPersons` modelled citizens, at least `minPerOutcome`
 * of each outcome (employed and not), and a cross-validated AUC of at least `minCvAuc`.
 */
export const MODEL_RULES = { minPersons: 100, minPerOutcome: 20, minCvAuc: 0.6, folds: 5, seed: 20261207, groups: 10 } as const;

/** Employment within 6 months: an outcome of these kinds dated from the round-1 date to WINDOW_DAYS after it (decision 025's definition). */
export const WINDOW_DAYS = EMPLOYMENT_WITHIN_DAYS;
export const EMPLOYMENT_KINDS = EMPLOYMENT_OUTCOME_KINDS;

export { MODEL_STATUSES };
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export type Gender = 'F' | 'M';

/** One modelled citizen: the round-1 index values (in `indexIds` order), gender, years in Denmark at round 1, the outcome. */
export interface ModelPerson {
  gender: Gender;
  yearsInDenmark: number;
  indices: readonly number[];
  employed: boolean;
}

/** A citizen's predictors (the person without the outcome). */
export type ModelFeatures = Omit<ModelPerson, 'employed'>;

export interface FittedModel {
  /** Term names: 'intercept', the index ids, 'male', 'years_in_denmark'. */
  terms: string[];
  n: number;
  /** Citizens employed within 6 months. */
  events: number;
  status: ModelStatus;
  /** Null unless the model could be fitted (status adequate or weak). */
  coef: number[] | null;
  se: number[] | null;
  /** Model-based covariance, terms × terms row-major. */
  cov: number[] | null;
  /** Mean of the folds' AUCs; null when not computed. */
  cvAuc: number | null;
  foldAuc: number[] | null;
  /** Out-of-fold predictions against outcomes, per gender in deciles. */
  calibration: Record<Gender, CalibrationGroup[]> | null;
}

export function modelTerms(indexIds: readonly string[]): string[] {
  return ['intercept', ...indexIds, 'male', 'years_in_denmark'];
}

/** The design row of one citizen: 1, the index values, 1 for a man, years in Denmark. */
export function designRow(f: ModelFeatures): number[] {
  return [1, ...f.indices, f.gender === 'M' ? 1 : 0, f.yearsInDenmark];
}

/** Years between two ISO dates (days / 365.25), e.g. arrival in Denmark → the round-1 date. */
export function yearsBetween(from: string, to: string): number {
  return daysBetween(from, to) / 365.25;
}

/**
 * The index values of a round's answers (item id → 1–7, null = don't know): each index of the
 * instrument the mean of all its items; null when any item of any index has no numeric answer
 * (the model needs a complete round 1).
 */
export function indexValues(instrument: Instrument, answers: Readonly<Record<string, number | null | undefined>>): number[] | null {
  const out: number[] = [];
  for (const def of instrument.indices) {
    const items = instrument.items.filter((item) => item.index === def.id);
    if (items.length === 0) return null;
    let sum = 0;
    for (const item of items) {
      const v = answers[item.id];
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      sum += v;
    }
    out.push(sum / items.length);
  }
  return out;
}

function empty(terms: string[], n: number, events: number, status: ModelStatus): FittedModel {
  return { terms, n, events, status, coef: null, se: null, cov: null, cvAuc: null, foldAuc: null, calibration: null };
}

/**
 * Fit the model on `persons` (each with `indexIds.length` index values). `folds` overrides the
 * seeded stratified folds (tests pass scikit-learn's). Statuses: too_few_persons (n under
 * MODEL_RULES.minPersons), too_few_events (fewer than minPerOutcome employed or not employed),
 * not_estimable (the fit or a fold's fit separates, does not converge or is singular), weak (CV AUC
 * under minCvAuc), adequate.
 */
export function fitEmploymentModel(indexIds: readonly string[], persons: readonly ModelPerson[], opts: { folds?: Int32Array } = {}): FittedModel {
  const terms = modelTerms(indexIds);
  const p = terms.length;
  const n = persons.length;
  const y = new Uint8Array(n);
  const X = new Float64Array(n * p);
  persons.forEach((person, i) => {
    if (person.indices.length !== indexIds.length) throw new RangeError(`fitEmploymentModel: person ${i} has ${person.indices.length} index values, expected ${indexIds.length}`);
    X.set(designRow(person), i * p);
    y[i] = person.employed ? 1 : 0;
  });
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i] as number;
  if (n < MODEL_RULES.minPersons) return empty(terms, n, events, 'too_few_persons');
  if (events < MODEL_RULES.minPerOutcome || n - events < MODEL_RULES.minPerOutcome) return empty(terms, n, events, 'too_few_events');

  let fit;
  try {
    fit = logisticRegression(X, Float64Array.from(y), n, p);
  } catch {
    return empty(terms, n, events, 'not_estimable');
  }
  if (!fit.converged || fit.separation) return empty(terms, n, events, 'not_estimable');
  const folds = opts.folds ?? stratifiedFolds(y, MODEL_RULES.folds, MODEL_RULES.seed);
  const cv = crossValidatedLogitAuc(X, y, n, p, folds, MODEL_RULES.folds);
  if (!cv.ok) return empty(terms, n, events, 'not_estimable');

  const calibration = {} as Record<Gender, CalibrationGroup[]>;
  for (const g of ['F', 'M'] as const) {
    const rows = persons.flatMap((person, i) => (person.gender === g ? [i] : []));
    calibration[g] = calibrationGroups(Float64Array.from(rows, (i) => cv.outOfFold[i] as number), Uint8Array.from(rows, (i) => y[i] as number), MODEL_RULES.groups);
  }
  return {
    terms,
    n,
    events,
    status: cv.auc < MODEL_RULES.minCvAuc ? 'weak' : 'adequate',
    coef: [...fit.coef],
    se: [...fit.se],
    cov: [...fit.cov],
    cvAuc: cv.auc,
    foldAuc: [...cv.foldAuc],
    calibration,
  };
}

/** The probability of employment within 6 months for one citizen, with its 95 % interval (delta method). */
export function predictEmployment(model: { coef: readonly number[]; cov: readonly number[] }, features: ModelFeatures): LogitPrediction {
  return logitPrediction(designRow(features), model.coef, model.cov);
}
