// Stored model rows → the contract's shapes (pure): the coefficients with their odds ratios and
// Wald intervals, the basis a citizen's probability names, one citizen's probability or why not.
import type { z } from 'zod';
import type { employmentModel, employmentModelView, employmentProbability, modelBasis } from '../../contract/employment-model.ts';
import { MODEL_RULES, WINDOW_DAYS, indexValues, predictEmployment, yearsBetween } from '../../evaluation/employment-model/model.ts';
import { normalQuantile } from '../../stats/distributions.ts';
import type { Instrument } from '../../domain/fip/instrument.ts';
import { parseAnswers, type ModelRow, type RoundOneRow, type SettingsRow } from './employment-model-queries.ts';

type ModelOut = z.input<typeof employmentModel>;
type Basis = z.input<typeof modelBasis>;

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function presentBasis(m: ModelRow): Basis {
  return { version: m.version, source: m.source, n: m.n, events: m.events, cvAuc: m.cv_auc, fittedAt: new Date(m.fitted_at).toISOString() };
}

export function presentModel(m: ModelRow): ModelOut {
  const z = normalQuantile(0.975);
  const terms =
    m.coefficients === null || m.std_errors === null
      ? null
      : m.terms.map((term, i) => {
          const estimate = m.coefficients?.[i] as number;
          const se = m.std_errors?.[i] as number;
          return { term, estimate, se, oddsRatio: finite(Math.exp(estimate)), ciLow: finite(Math.exp(estimate - z * se)), ciHigh: finite(Math.exp(estimate + z * se)) };
        });
  return {
    ...presentBasis(m),
    status: m.status,
    terms,
    foldAuc: m.fold_aucs,
    calibration: m.calibration,
    instrumentVersion: m.instrument_version,
    fittedBy: m.fitted_by,
  };
}

export function presentView(municipalityCode: string, settings: SettingsRow | null, model: ModelRow | null): z.input<typeof employmentModelView> {
  return {
    municipalityCode,
    enabled: settings?.enabled ?? false,
    changedAt: settings ? new Date(settings.changed_at).toISOString() : null,
    changedBy: settings?.changed_by ?? null,
    rules: { minPersons: MODEL_RULES.minPersons, minPerOutcome: MODEL_RULES.minPerOutcome, minCvAuc: MODEL_RULES.minCvAuc, folds: MODEL_RULES.folds, windowDays: WINDOW_DAYS },
    model: model ? presentModel(model) : null,
  };
}

/** One citizen's probability: off, unavailable (with the reason) or shown with its interval and basis. */
export function presentProbability(enabled: boolean, model: ModelRow | null, round: RoundOneRow | null, instrument: Instrument): z.input<typeof employmentProbability> {
  if (!enabled) return { status: 'off' };
  if (model === null) return { status: 'unavailable', reason: 'no_model', model: null };
  if (model.status !== 'adequate' || model.coefficients === null || model.covariance === null) {
    return { status: 'unavailable', reason: model.status === 'adequate' ? 'not_estimable' : model.status, model: presentBasis(model) };
  }
  // The model's index terms must be the instrument's indices, in order (a newer instrument needs a refit).
  const sameIndices = model.terms.slice(1, -2).join(',') === instrument.indices.map((d) => d.id).join(',');
  if (!sameIndices) return { status: 'unavailable', reason: 'not_estimable', model: presentBasis(model) };
  const indices = round === null ? null : indexValues(instrument, parseAnswers(round.answers));
  if (round === null || indices === null) return { status: 'unavailable', reason: 'no_complete_round', model: presentBasis(model) };
  const p = predictEmployment({ coef: model.coefficients, cov: model.covariance }, { gender: round.gender, yearsInDenmark: yearsBetween(round.arrival_date, round.round_on), indices });
  return { status: 'shown', probability: p.probability, low: p.low, high: p.high, roundDate: round.round_on, model: presentBasis(model) };
}
