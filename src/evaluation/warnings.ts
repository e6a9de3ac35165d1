// Run warnings, all in this file: each is a code with its parameters (`warning_details`, from
// which the web app writes the warning in the reader's language) and the English sentence
// written here from them (the `warnings` of FORMATS.md's JSON, the CLI and the HTML report).
// The stages raise them with warn(code, params). Also the warnings computed from the results:
// any two adjusted methods that ran (PSM, IPW, AIPW; domain/evaluation-methods.ts `adjusted`)
// disagreeing beyond their confidence intervals or their joint uncertainty (decision 030) — PSM
// against IPW under its own codes (methods_disagree, methods_differ), every other pair under
// estimates_disagree and estimates_differ; and DiD against them (did_disagrees).
import { isAdjusted, METHODS } from '../domain/evaluation-methods.ts';
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
  /** z: |PSM − IPW| / √(SE²_PSM + SE²_IPW), two decimals. */
  methods_differ: { outcome: string; subgroup: string; psm: string; ipw: string; z: number };
  /** method: psm or ipw (the method's id); terms: how many terms have |SMD| > 0.1 after it; smd: the worst, two decimals. */
  balance_poor: { subgroup: string; method: string; terms: number; worst: string; smd: number };
  /** rows: later participants' rows missing from earlier cohorts' controls; percent: of the control rows, one decimal. */
  later_participants: { rows: number; percent: number; controls: string };
  /** ratio: the worst variance ratio (participants / controls), two decimals. */
  variance_poor: { subgroup: string; method: string; terms: number; worst: string; ratio: number };
  /** Two adjusted methods other than the pair PSM–IPW (method, other: ids; estimate, other_estimate: "att [low, high]"). */
  estimates_disagree: { outcome: string; subgroup: string; method: string; other: string; estimate: string; other_estimate: string };
  /** As estimates_disagree with overlapping CIs; z: |difference| / √(SE² + SE²), two decimals. */
  estimates_differ: { outcome: string; subgroup: string; method: string; other: string; estimate: string; other_estimate: string; z: number };
  /** DiD against the adjusted method it differs from most (method: its id); z as for estimates_differ. */
  did_disagrees: { outcome: string; subgroup: string; did: string; method: string; estimate: string; z: number };
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
  later_participants: (p) =>
    `${p.rows} time(s) a participant of a later cohort was eligible at an earlier cohort's reference week and started within its outcome window; with the control pool "${p.controls}" they are not among that cohort's controls (${p.percent.toFixed(1)} % of its control rows). As participants are not in work when they start, this leaves out persons with little employment in those windows, so PSM and IPW tend to underestimate the effect (decision 017); --controls not-yet includes them (the effect of starting now rather than later).`,
  methods_differ: (p) =>
    `${p.outcome}, ${p.subgroup}: PSM (${p.psm}) and IPW (${p.ipw}) differ by more than their joint uncertainty (${p.z.toFixed(2)} standard errors of the difference); the finding depends on the method.`,
  balance_poor: (p) =>
    `Subgroup ${p.subgroup}: after ${p.method.toUpperCase()}, ${p.terms} term(s) of the score model are still imbalanced (|standardised mean difference| above 0.1; worst ${p.worst}: ${p.smd.toFixed(2)}); the ${p.method.toUpperCase()} estimate may be biased by them.`,
  variance_poor: (p) =>
    `Subgroup ${p.subgroup}: after ${p.method.toUpperCase()}, the spread of ${p.terms} covariate(s) still differs between participants and controls by more than a factor of 2 (worst ${p.worst}: variance ratio ${p.ratio.toFixed(2)}); the ${p.method.toUpperCase()} estimate may be biased by them.`,
  estimates_disagree: (p) =>
    `${p.outcome}, ${p.subgroup}: ${p.method.toUpperCase()} (${p.estimate}) and ${p.other.toUpperCase()} (${p.other_estimate}) disagree beyond their confidence intervals; the finding is not robust to the method.`,
  estimates_differ: (p) =>
    `${p.outcome}, ${p.subgroup}: ${p.method.toUpperCase()} (${p.estimate}) and ${p.other.toUpperCase()} (${p.other_estimate}) differ by more than their joint uncertainty (${p.z.toFixed(2)} standard errors of the difference); the finding depends on the method.`,
  did_disagrees: (p) =>
    `${p.outcome}, ${p.subgroup}: DiD (${p.did}) differs from ${p.method.toUpperCase()} (${p.estimate}) by ${p.z.toFixed(2)} standard errors of the difference. DiD assumes that without the programme the participants' outcome would have changed from the 52 weeks before the start to the 52 weeks after as the controls' did; ${p.method.toUpperCase()} adjusts for the pre-period history instead. When participants were chosen on their recent history (e.g. a dip in employment before the start), that assumption fails: rely on the adjusted estimates, not on DiD.`,
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

/**
 * Every pair of adjusted methods with an estimate of the same outcome and subgroup (in the
 * results' order of outcomes and subgroups; pairs in the methods' order): a warning when their
 * CIs do not overlap, or, when they do, their difference exceeds 1.96 standard errors of it.
 */
export function collectRunWarnings(results: ResultRow[]): RunWarning[] {
  const out: RunWarning[] = [];
  const key = (r: ResultRow): string => `${r.outcome}\u0000${r.subgroup}`;
  const cells = new Map<string, Map<string, ResultRow>>();
  for (const r of results) {
    if (!isAdjusted(r.method)) continue;
    let cell = cells.get(key(r));
    if (!cell) cells.set(key(r), (cell = new Map()));
    cell.set(r.method, r);
  }
  const order = METHODS.filter(isAdjusted);
  for (const cell of cells.values()) {
    const ran = order.filter((m) => cell.has(m));
    for (let i = 0; i < ran.length; i++) {
      for (let j = i + 1; j < ran.length; j++) {
        const a = cell.get(ran[i] as string) as ResultRow;
        const b = cell.get(ran[j] as string) as ResultRow;
        const w = pairWarning(a, b);
        if (w) out.push(w);
      }
    }
  }
  // DiD (unadjusted) against the adjusted methods of the same outcome and subgroup: one warning
  // naming the one it differs from most, when that difference is beyond 1.96 SEs of it.
  for (const did of results) {
    if (did.method !== 'did') continue;
    const cell = cells.get(key(did));
    if (!cell) continue;
    let worst: { r: ResultRow; z: number } | undefined;
    for (const m of order) {
      const r = cell.get(m);
      if (!r) continue;
      const z = Math.abs(num(did.att) - num(r.att)) / Math.sqrt(num(did.se) ** 2 + num(r.se) ** 2);
      if (z > Z_95 && (!worst || z > worst.z)) worst = { r, z };
    }
    if (worst) out.push(warn('did_disagrees', { outcome: did.outcome, subgroup: did.subgroup, did: fmt(did), method: worst.r.method, estimate: fmt(worst.r), z: Number(worst.z.toFixed(2)) }));
  }
  return out;
}

function pairWarning(a: ResultRow, b: ResultRow): RunWarning | undefined {
  const where = { outcome: a.outcome, subgroup: a.subgroup };
  const psmIpw = a.method === 'psm' && b.method === 'ipw';
  if (num(a.ci_high) < num(b.ci_low) || num(b.ci_high) < num(a.ci_low)) {
    return psmIpw ? warn('methods_disagree', { ...where, psm: fmt(a), ipw: fmt(b) }) : warn('estimates_disagree', { ...where, method: a.method, other: b.method, estimate: fmt(a), other_estimate: fmt(b) });
  }
  // Overlapping CIs can still differ beyond the uncertainty of the difference (the two SEs
  // combined as if independent: conservative, as both estimates use the same participants).
  const z = Math.abs(num(a.att) - num(b.att)) / Math.sqrt(num(a.se) ** 2 + num(b.se) ** 2);
  if (!(z > Z_95)) return undefined;
  const z2 = Number(z.toFixed(2));
  return psmIpw ? warn('methods_differ', { ...where, psm: fmt(a), ipw: fmt(b), z: z2 }) : warn('estimates_differ', { ...where, method: a.method, other: b.method, estimate: fmt(a), other_estimate: fmt(b), z: z2 });
}

/** The two-sided 95 % normal quantile. */
const Z_95 = 1.959963984540054;

/** A subgroup's balance after PSM and after IPW, as warnings: |SMD| above POOR_SMD on any covariate or flexible term, variance ratios beyond POOR_VARIANCE_RATIO. */
export function balanceWarnings(
  subgroup: string,
  covariates: readonly { covariate: string; smd_after: number | null; smd_after_ipw?: number | null | undefined }[],
  terms: readonly { term: string; smd_after: number | null; smd_after_ipw: number | null; variance_ratio_after?: number | null; variance_ratio_after_ipw?: number | null }[],
  thresholds: { smd: number; varianceRatio: number },
): RunWarning[] {
  const out: RunWarning[] = [];
  const methods = [
    { method: 'psm', smd: 'smd_after', vr: 'variance_ratio_after' },
    { method: 'ipw', smd: 'smd_after_ipw', vr: 'variance_ratio_after_ipw' },
  ] as const;
  const finite = (e: readonly [string, number | null | undefined]): e is readonly [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]);
  for (const m of methods) {
    const smds = [...covariates.map((c) => [c.covariate, c[m.smd]] as const), ...terms.map((t) => [t.term, t[m.smd]] as const)].filter(finite);
    const poor = smds.filter(([, v]) => Math.abs(v) > thresholds.smd);
    if (poor.length > 0) {
      const [worst, smd] = poor.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a));
      out.push(warn('balance_poor', { subgroup, method: m.method, terms: poor.length, worst, smd: Number(smd.toFixed(2)) }));
    }
    const far = (v: number): number => Math.max(v, 1 / v);
    const ratios = terms
      .map((t) => [t.term, t[m.vr]] as const)
      .filter(finite)
      .filter(([, v]) => v > 0 && far(v) > thresholds.varianceRatio);
    if (ratios.length > 0) {
      const [worst, ratio] = ratios.reduce((a, b) => (far(b[1]) > far(a[1]) ? b : a));
      out.push(warn('variance_poor', { subgroup, method: m.method, terms: ratios.length, worst, ratio: Number(ratio.toFixed(2)) }));
    }
  }
  return out;
}

/** An output number that may be null (not computed) as NaN, which no comparison passes. */
const num = (x: number | null | undefined): number => x ?? Number.NaN;

function fmt(r: ResultRow): string {
  return `${num(r.att).toFixed(3)} [${num(r.ci_low).toFixed(3)}, ${num(r.ci_high).toFixed(3)}]`;
}
