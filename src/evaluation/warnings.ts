// Run warnings: each is an English sentence (the `warnings` of FORMATS.md's JSON, the CLI and
// the HTML report) plus a code and its parameters (`warning_details`), from which the web app
// writes the warning in the reader's language. Also the warnings computed from the results:
// the two adjustment methods (PSM and IPW) disagreeing beyond their confidence intervals.
import type { ResultRow } from './report/model.ts';

export const WARNING_CODES = [
  'before_arrival',
  'ineligible_participants',
  'truncated_participants',
  'truncated_cohorts',
  'subgroup_insufficient',
  'small_subgroup',
  'separation',
  'separation_categories',
  'not_converged',
  'model_failed',
  'psm_support',
  'ipw_concentrated',
  'methods_disagree',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface WarningDetail {
  code: WarningCode;
  /** Values for the translated sentence (numbers raw, for the reader's number format). */
  params: Record<string, string | number>;
}

export interface RunWarning extends WarningDetail {
  /** The English sentence. */
  text: string;
}

export const runWarning = (code: WarningCode, params: Record<string, string | number>, text: string): RunWarning => ({ code, params, text });

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
    if (p.ci_high < ipw.ci_low || ipw.ci_high < p.ci_low) {
      const text = `${ipw.outcome}, ${ipw.subgroup}: PSM (${fmt(p)}) and IPW (${fmt(ipw)}) disagree beyond their confidence intervals; the finding is not robust to the method.`;
      out.push(runWarning('methods_disagree', { outcome: ipw.outcome, subgroup: ipw.subgroup, psm: fmt(p), ipw: fmt(ipw) }, text));
    }
  }
  return out;
}

function fmt(r: ResultRow): string {
  return `${r.att.toFixed(3)} [${r.ci_low.toFixed(3)}, ${r.ci_high.toFixed(3)}]`;
}
