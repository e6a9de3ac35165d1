// Run warnings, all in this file: each is a code with its parameters (`warning_details`, from
// which the web app writes the warning in the reader's language) and the English sentence
// written here from them (the `warnings` of FORMATS.md's JSON, the CLI and the HTML report).
// The stages raise them with warn(code, params). Also the warnings computed from the results:
// the two adjustment methods (PSM and IPW) disagreeing beyond their confidence intervals.
import type { EmptyCategory } from './estimators/empty-categories.ts';
import type { ResultRow } from './report/model.ts';

/** Each code's parameters, in the order `warning_details` lists them (numbers raw, for the reader's number format). */
export interface WarningParams {
  before_arrival: { count: number };
  ineligible_participants: { count: number };
  truncated_participants: { count: number; weeks: number; cohorts: string };
  truncated_cohorts: { count: number; weeks: number; cohorts: string };
  subgroup_insufficient: { subgroup: string; treated: number; controls: number };
  small_subgroup: { subgroup: string; treated: number };
  separation: { subgroup: string };
  separation_categories: { subgroup: string; categories: string };
  not_converged: { subgroup: string; iterations: number };
  model_failed: { subgroup: string; error: string };
  /** percent: one decimal (as in the sentence). */
  psm_support: { subgroup: string; lost: number; treated: number; percent: number; caliper: number };
  /** ess: rounded; share: percent with one decimal (as in the sentence). */
  ipw_concentrated: { subgroup: string; ess: number; controls: number; share: number };
  methods_disagree: { outcome: string; subgroup: string; psm: string; ipw: string };
}

export type WarningCode = keyof WarningParams;

/** What a sentence says beyond its parameters (not in `warning_details`). */
interface SentenceDetail {
  /** The score model's own note on separation. */
  separation: { message: string | undefined };
  /** The categories that only one group has, with their row counts. */
  separation_categories: { empty: EmptyCategory[] };
}

type Detail<C extends WarningCode> = C extends keyof SentenceDetail ? [SentenceDetail[C]] : [];

const truncated = (p: WarningParams['truncated_cohorts']): string =>
  `${p.count} participant(s) started less than ${p.weeks} weeks before the last week in the data${p.cohorts ? ` (cohorts ${p.cohorts})` : ''}; their outcome window is incomplete and they are left out.`;

/** The English sentence of each code. */
const SENTENCES: { [C in WarningCode]: (p: WarningParams[C], ...detail: Detail<C>) => string } = {
  before_arrival: (p) => `${p.count} person-week row(s) before the person's arrival date were ignored.`,
  ineligible_participants: (p) => `${p.count} participant(s) were not eligible at their start week (not yet arrived, or employed, in IGU or in education) and are left out.`,
  truncated_participants: truncated,
  truncated_cohorts: truncated,
  subgroup_insufficient: (p) => `Subgroup ${p.subgroup}: ${p.treated} participant(s) and ${p.controls} control row(s) — too few to estimate anything; skipped.`,
  small_subgroup: (p) => `Subgroup ${p.subgroup} has only ${p.treated} participants: its estimates are uncertain (wide confidence intervals); the booklet called its result for 195 men uncertain for the same reason.`,
  separation: (p, d) => `Subgroup ${p.subgroup}: the propensity score model shows (quasi-)separation — some covariate pattern predicts participation perfectly; common support is poor. ${d.message ?? ''}`.trim(),
  separation_categories: (p, d) => {
    const parts = d.empty.map((e) => (e.treatedRows === 0 ? `no participant has ${e.name} (${e.controlRows} control rows do)` : `no control has ${e.name} (${e.treatedRows} participants do)`));
    return `Subgroup ${p.subgroup}: ${parts.join('; ')}. These rows are outside common support: their propensity scores go to 0 or 1, so they take no part in PSM or IPW; consider pooling the categories (e.g. origin countries) or restricting the population.`;
  },
  not_converged: (p) => `Subgroup ${p.subgroup}: the propensity score model did not converge in ${p.iterations} iterations.`,
  model_failed: (p) => `Subgroup ${p.subgroup}: the propensity score model could not be fitted (${p.error}); PSM and IPW are skipped.`,
  psm_support: (p) =>
    `Subgroup ${p.subgroup}: ${p.lost} of ${p.treated} participants (${p.percent.toFixed(1)} %) found no control within the caliper (${p.caliper} SD of the logit score, same cohort): common support is poor and PSM estimates the effect for the matched participants only.`,
  ipw_concentrated: (p) =>
    `Subgroup ${p.subgroup}: IPW control weights are concentrated (effective sample size ${p.ess.toFixed(0)} of ${p.controls} control rows; the largest weight carries ${p.share.toFixed(1)} % of the total): common support is poor.`,
  methods_disagree: (p) => `${p.outcome}, ${p.subgroup}: PSM (${p.psm}) and IPW (${p.ipw}) disagree beyond their confidence intervals; the finding is not robust to the method.`,
};

/** Every code, in the order of SENTENCES (the web app's evaluation-warnings bundles have one sentence each). */
export const WARNING_CODES = Object.keys(SENTENCES) as WarningCode[];

export interface WarningDetail {
  code: WarningCode;
  /** Values for the translated sentence (numbers raw, for the reader's number format). */
  params: Record<string, string | number>;
}

export interface RunWarning extends WarningDetail {
  /** The English sentence. */
  text: string;
}

/** A warning: its code, its parameters and the English sentence written from them. */
export function warn<C extends WarningCode>(code: C, params: WarningParams[C], ...detail: Detail<C>): RunWarning {
  const sentence = SENTENCES[code] as (p: WarningParams[C], ...d: Detail<C>) => string;
  return { code, params: params as unknown as Record<string, string | number>, text: sentence(params, ...detail) };
}

/** A share as a number with one decimal, as the sentences print it (psm_support's percent, ipw_concentrated's share). */
export const oneDecimal = (x: number): number => Number(x.toFixed(1));

/** Participants below which a subgroup is called small (the booklet's men: 195). */
export const SMALL_SUBGROUP = 250;

export function collectWarnings(results: ResultRow[]): string[] {
  return collectRunWarnings(results).map((w) => w.text);
}

export function collectRunWarnings(results: ResultRow[]): RunWarning[] {
  const out: RunWarning[] = [];
  const key = (r: ResultRow): string => `${r.outcome}\u0000${r.subgroup}`;
  const psm = new Map(results.filter((r) => r.method === 'psm').map((r) => [key(r), r]));
  for (const ipw of results.filter((r) => r.method === 'ipw')) {
    const p = psm.get(key(ipw));
    if (!p) continue;
    if (num(p.ci_high) < num(ipw.ci_low) || num(ipw.ci_high) < num(p.ci_low)) out.push(warn('methods_disagree', { outcome: ipw.outcome, subgroup: ipw.subgroup, psm: fmt(p), ipw: fmt(ipw) }));
  }
  return out;
}

/** An output number that may be null (not computed) as NaN, which no comparison passes. */
const num = (x: number | null | undefined): number => x ?? Number.NaN;

function fmt(r: ResultRow): string {
  return `${num(r.att).toFixed(3)} [${num(r.ci_low).toFixed(3)}, ${num(r.ci_high).toFixed(3)}]`;
}
