import type { WarningDetail } from '../warnings.ts';
// The evaluate output model: exactly the JSON of FORMATS.md ("evaluate output"), plus the
// optional fields jobvej adds (documented in docs/formats.md).

export interface ResultRow {
  outcome: string;
  subgroup: string;
  method: string;
  n_treated: number;
  n_control: number;
  treated_mean: number;
  control_mean: number;
  att: number;
  se: number;
  ci_low: number;
  ci_high: number;
  p_value: number;
  /** att / control_mean; null when control_mean is 0. */
  relative_effect: number | null;
}

export interface PeriodRow {
  outcome: string;
  subgroup: string;
  method: string;
  period: number;
  att: number;
  se: number;
  /** Optional additions: the CI and the levels behind the effect. */
  ci_low: number;
  ci_high: number;
  treated_mean: number;
  control_mean: number;
}

export interface BalanceRow {
  covariate: string;
  smd_before: number;
  /** After PSM (matching weights). */
  smd_after: number;
  /** Optional addition: after IPW. */
  smd_after_ipw: number;
}

export interface EvaluationOutput {
  jobvej_version: string;
  input: { persons: number; person_weeks: number; participants: number; control_pool: number };
  design: {
    window_weeks: number;
    cohort: 'quarter';
    covariates: string[];
    /** Optional additions. */
    cohorts: string[];
    units: { participants: number; control_rows: number };
    caliper_sd: number;
    score_model: 'separate' | 'pooled';
    methods: string[];
  };
  results: ResultRow[];
  by_period: PeriodRow[];
  balance: BalanceRow[];
  /** Optional addition: the balance table of every other subgroup (each has its own score model, matching and weights). */
  balance_by_subgroup?: Record<string, BalanceRow[]>;
  warnings: string[];
  /** Optional addition: each warning's code and parameters, in the order of `warnings` (the web app translates them). */
  warning_details?: WarningDetail[];
}
