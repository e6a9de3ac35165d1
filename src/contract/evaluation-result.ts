// The evaluate output JSON (FORMATS.md, "evaluate output"; docs/formats.md, "Output"): the one
// definition of what `jobvej evaluate --out` writes, what the server stores and serves as a run's
// result, and what the web app reads. FORMATS.md's keys are required, in FORMATS.md's order;
// jobvej's additions (decision 013) are optional keys after them — a result of an older jobvej
// version may lack them, and a consumer that reads only FORMATS.md's keys sees no change.
// A number that cannot be computed (e.g. an SE of 0 gives no p-value, `smd_after` when matching
// was skipped) is `null`.
import { z } from 'zod';

/** A number, or `null` when it cannot be computed (not finite). */
const estimate = z.number().nullable();

export const evaluationResultRow = z.object({
  outcome: z.string(),
  /** "all", "gender=F", "gender=M", ... */
  subgroup: z.string(),
  /** "naive", "psm", "ipw", "did", ... (a method of another jobvej version is kept as its id). */
  method: z.string(),
  n_treated: z.number(),
  n_control: z.number(),
  treated_mean: estimate,
  control_mean: estimate,
  att: estimate,
  se: estimate,
  ci_low: estimate,
  ci_high: estimate,
  p_value: estimate,
  /** att / control_mean; null when control_mean is 0. */
  relative_effect: estimate,
});

export const evaluationPeriodRow = z.object({
  outcome: z.string(),
  subgroup: z.string(),
  method: z.string(),
  period: z.number(),
  att: estimate,
  se: estimate,
  /** Optional additions: the CI and the levels behind the effect. */
  ci_low: estimate.optional(),
  ci_high: estimate.optional(),
  treated_mean: estimate.optional(),
  control_mean: estimate.optional(),
});

export const evaluationBalanceRow = z.object({
  covariate: z.string(),
  smd_before: estimate,
  /** After PSM (matching weights). */
  smd_after: estimate,
  /** Optional addition: after IPW. */
  smd_after_ipw: estimate.optional(),
});

/** Balance after adjustment on one flexible term: a continuous covariate (with its variance ratios), its square (`age²`) or a spline term (`age'1`). */
export const evaluationTermBalance = z.object({
  term: z.string(),
  smd_after: estimate,
  smd_after_ipw: estimate,
  variance_ratio_after: estimate.optional(),
  variance_ratio_after_ipw: estimate.optional(),
});

/**
 * Sensitivity to hidden bias of an adjusted estimate (decision 030): VanderWeele & Ding's E-value
 * of the point and of the CI limit nearest the null (1 when the CI contains 0), on the ratio of
 * the participants' mean to their counterfactual mean; for PSM also Rosenbaum's Γ (null: not
 * significant even at Γ = 1).
 */
export const evaluationSensitivityRow = z.object({
  outcome: z.string(),
  subgroup: z.string(),
  method: z.string(),
  e_value: estimate,
  e_value_ci: estimate,
  rosenbaum_gamma: estimate.optional(),
});

/** One `{code, params}` per entry of `warnings` (codes: src/evaluation/warnings.ts; an unknown code is another version's). */
export const evaluationWarningDetail = z.object({
  code: z.string(),
  /** Values for the translated sentence (numbers raw, for the reader's number format). */
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const evaluationResult = z.object({
  jobvej_version: z.string(),
  input: z.object({ persons: z.number(), person_weeks: z.number(), participants: z.number(), control_pool: z.number() }),
  design: z.object({
    window_weeks: z.number(),
    /** FORMATS.md: `quarter`; `month` only in jobvej's bias study (decision 017). */
    cohort: z.enum(['quarter', 'month']),
    covariates: z.array(z.string()),
    // Optional additions.
    cohorts: z.array(z.string()).optional(),
    units: z.object({ participants: z.number(), control_rows: z.number() }).optional(),
    caliper_sd: z.number().optional(),
    score_model: z.enum(['separate', 'pooled']).optional(),
    methods: z.array(z.string()).optional(),
    /** The score model's terms: `flexible` (splines of the continuous covariates too) or `linear`. */
    score_terms: z.enum(['flexible', 'linear']).optional(),
    /** Who the control units are: `never` (FORMATS.md: the control pool), `clean` or `not-yet` (also participants before their start; docs/formats.md). */
    controls: z.enum(['never', 'clean', 'not-yet', 'other-quarters', 'censored']).optional(),
    /** The knots of each continuous covariate's natural cubic spline (flexible terms). */
    spline_knots: z.record(z.string(), z.array(z.number())).optional(),
    /** `censored` controls (decision 024): the hazard model of starting that weights them, and how many control rows of `all` it censored. */
    censoring: z
      .object({
        hazard_terms: z.array(z.string()),
        hazard_coef: z.array(z.number()),
        hazard_knots: z.record(z.string(), z.array(z.number())),
        starts: z.number(),
        person_weeks: z.number(),
        person_week_stride: z.number(),
        converged: z.boolean(),
        censored_control_rows: z.number(),
      })
      .optional(),
  }),
  results: z.array(evaluationResultRow),
  by_period: z.array(evaluationPeriodRow),
  balance: z.array(evaluationBalanceRow),
  warnings: z.array(z.string()),
  /** Optional addition: the balance table of every other subgroup (each has its own score model, matching and weights). */
  balance_by_subgroup: z.record(z.string(), z.array(evaluationBalanceRow)).optional(),
  /** Optional addition: each warning's code and parameters, in the order of `warnings` (the web app translates them). */
  warning_details: z.array(evaluationWarningDetail).optional(),
  /** Optional addition: per subgroup, balance after PSM and IPW on the score model's flexible terms (squares, splines) and the continuous covariates' variance ratios. */
  balance_terms: z.record(z.string(), z.array(evaluationTermBalance)).optional(),
  /** Optional addition: per adjusted estimate (psm, ipw, aipw) its E-values, for PSM Rosenbaum's Γ (decision 030). */
  sensitivity: z.array(evaluationSensitivityRow).optional(),
});
