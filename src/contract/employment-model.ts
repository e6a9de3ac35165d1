// The employment probability (decision 029): a municipality's logistic model of employment within
// 6 months after round 1 on the round-1 FIP indices, gender and years in Denmark — the managers'
// page (GET /api/employment-model: the switch, the rules, the newest model's evidence), the switch
// (POST …/enable, …/disable), the refit (POST …/refit), and one citizen's probability with its
// 95 % interval (GET /api/citizens/:id/employment-probability) or why there is none.
import { z } from 'zod';

/** Why a fitted model is or is not shown, in the order the checks run (src/evaluation/employment-model). */
export const MODEL_STATUSES = ['adequate', 'too_few_persons', 'too_few_events', 'not_estimable', 'weak'] as const;
/** Where a model was fitted: the municipality's own history (a pooled national fit is not built, decision 029). */
export const MODEL_SOURCES = ['municipality'] as const;
/** Why a citizen has no probability: no model yet, the model's status, or no complete round 1. */
export const UNAVAILABLE_REASONS = ['no_model', 'too_few_persons', 'too_few_events', 'not_estimable', 'weak', 'no_complete_round'] as const;

const share = z.number().min(0).max(1);

export const calibrationGroup = z.object({
  n: z.number().int().min(1),
  events: z.number().int().min(0),
  predicted: share,
  observed: share,
});

export const modelTerm = z.object({
  /** 'intercept', an index id of the instrument, 'male' or 'years_in_denmark'. */
  term: z.string(),
  estimate: z.number(),
  se: z.number(),
  /** exp of the estimate and of its interval's ends; null where that overflows a double. */
  oddsRatio: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
});

/** What a citizen's probability rests on. */
export const modelBasis = z.object({
  version: z.number().int().min(1),
  source: z.enum(MODEL_SOURCES),
  n: z.number().int().min(0),
  events: z.number().int().min(0),
  cvAuc: share.nullable(),
  fittedAt: z.string(),
});

export const employmentModel = modelBasis.extend({
  status: z.enum(MODEL_STATUSES),
  /** The coefficients (log-odds) with SE and odds ratio with its Wald 95 % CI; null when the model could not be fitted. */
  terms: z.array(modelTerm).nullable(),
  foldAuc: z.array(share).nullable(),
  calibration: z.object({ F: z.array(calibrationGroup), M: z.array(calibrationGroup) }).nullable(),
  instrumentVersion: z.string(),
  /** The name of the manager who refitted it. */
  fittedBy: z.string(),
});

export const employmentModelView = z.object({
  municipalityCode: z.string(),
  enabled: z.boolean(),
  /** When and by whom it was last turned on or off (null: never, so off). */
  changedAt: z.string().nullable(),
  changedBy: z.string().nullable(),
  rules: z.object({ minPersons: z.number().int(), minPerOutcome: z.number().int(), minCvAuc: z.number(), folds: z.number().int(), windowDays: z.number().int() }),
  /** The newest version; null before the first refit. */
  model: employmentModel.nullable(),
});

export const employmentProbability = z.discriminatedUnion('status', [
  /** The municipality has the probability turned off. */
  z.object({ status: z.literal('off') }),
  z.object({ status: z.literal('unavailable'), reason: z.enum(UNAVAILABLE_REASONS), model: modelBasis.nullable() }),
  z.object({
    status: z.literal('shown'),
    probability: share,
    low: share,
    high: share,
    /** The round-1 date the prediction is for (employment within 182 days after it). */
    roundDate: z.string(),
    model: modelBasis,
  }),
]);

export type EmploymentModelView = z.infer<typeof employmentModelView>;
export type EmploymentModel = z.infer<typeof employmentModel>;
export type EmploymentProbability = z.infer<typeof employmentProbability>;
export type CalibrationGroupView = z.infer<typeof calibrationGroup>;
