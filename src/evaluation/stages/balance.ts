// Stage "balance": covariate balance (standardised mean differences) of a subgroup before
// matching, after PSM (matching weights) and after IPW, for the covariates asked for (all but
// the cohort dummies, which are matched exactly). A pure function of its arrays, so the main
// thread and the helper thread can each take part of the covariates (parallel/schedule.ts).
import { smdMany } from '../../stats/index.ts';
import type { CovariateTable } from '../design/covariates.ts';
import type { z } from 'zod';
import type { evaluationTermBalance } from '../../contract/evaluation-result.ts';
import { finiteOrNull, type BalanceRow } from '../report/model.ts';

export interface BalanceInput {
  table: CovariateTable;
  /** The subgroup's units (indices into the table's columns). */
  rows: Int32Array;
  treated: Uint8Array;
  /** Matching weight per subgroup row (PSM), when matched. */
  matchWeight?: Float64Array;
  /** IPW weight per subgroup row, when weighted. */
  ipwWeight?: Float64Array;
  /** Table column indices to report, in order. */
  covariates: number[];
}

/** A subgroup's input to this stage for some of the table's columns: its rows and, when it was matched or weighted, its weights. */
export function balanceInput(g: { rows: Int32Array; treated: Uint8Array; sample?: { unitWeight: Float64Array }; ipw?: { weights: Float64Array } }, table: CovariateTable, covariates: number[]): BalanceInput {
  return {
    table,
    rows: g.rows,
    treated: g.treated,
    ...(g.sample ? { matchWeight: g.sample.unitWeight } : {}),
    ...(g.ipw ? { ipwWeight: g.ipw.weights } : {}),
    covariates,
  };
}

/** The columns of the table whose balance is reported (not the cohort dummies, nor the score model's spline terms). */
export function balanceColumns(table: CovariateTable): number[] {
  const out: number[] = [];
  table.kinds.forEach((k, i) => {
    if (k !== 'cohort' && k !== 'spline') out.push(i);
  });
  return out;
}

export function balanceRows(b: BalanceInput): BalanceRow[] {
  const { table, rows, treated, matchWeight, ipwWeight } = b;
  const out: BalanceRow[] = [];
  const x = new Float64Array(rows.length);
  for (const k of b.covariates) {
    const col = table.columns[k] as Float64Array;
    let constant = true;
    for (let i = 0; i < rows.length; i++) {
      x[i] = col[rows[i] ?? 0] ?? 0;
      if (x[i] !== x[0]) constant = false;
    }
    if (constant) continue; // e.g. gender within a gender subgroup: nothing to balance
    // before, after matching, after weighting (the unweighted SDs computed once)
    const [before = Number.NaN, afterPsm = Number.NaN, afterIpw = Number.NaN] = smdMany(x, treated, [undefined, matchWeight, ipwWeight]);
    if (!Number.isFinite(before)) continue;
    out.push({
      covariate: table.names[k] ?? '',
      smd_before: before,
      smd_after: matchWeight ? finiteOrNull(afterPsm) : null,
      smd_after_ipw: ipwWeight ? finiteOrNull(afterIpw) : null,
    });
  }
  return out;
}

/**
 * Balance after adjustment on a term of the flexible score model: a continuous covariate (with
 * its variance ratios treated / control), its square, or one of its spline terms; SMDs after PSM
 * and after IPW, null when that adjustment did not run or the number cannot be computed.
 */
export type TermBalance = z.infer<typeof evaluationTermBalance>;

/** |SMD| after adjustment above which balance on a term is called poor (the love plot's dashed line). */
export const POOR_SMD = 0.1;
/** Variance ratios outside [1/POOR_VARIANCE_RATIO, POOR_VARIANCE_RATIO] are called poor (Rubin 2001). */
export const POOR_VARIANCE_RATIO = 2;

/** Units of a subgroup beyond which the flexible terms' balance is computed on an evenly spaced sample of this many (a diagnostic: the SMDs' sampling error is about 0.01). */
export const TERM_BALANCE_SAMPLE = 200_000;

/**
 * Weighted variances of x among the treated and among the controls (rows with weight > 0), as
 * weightedMoments computes them (reliability weights: Σw(x − m)² / (V1 − V2/V1)), in one pass of
 * weighted sums about a shift (x's first value) for accuracy. NaN for a group with < 2 such rows.
 */
export function groupVariances(x: Float64Array, treated: Uint8Array, w: Float64Array): [number, number] {
  const shift = x.length > 0 ? (x[0] as number) : 0;
  const s = new Float64Array(8); // per group: Σw, Σw·d, Σw·d², Σw² (d = x − shift)
  const cnt = [0, 0];
  for (let i = 0; i < x.length; i++) {
    const wi = w[i] as number;
    if (!(wi > 0)) continue;
    const g = treated[i] === 1 ? 0 : 4;
    const d = (x[i] as number) - shift;
    s[g] = (s[g] as number) + wi;
    s[g + 1] = (s[g + 1] as number) + wi * d;
    s[g + 2] = (s[g + 2] as number) + wi * d * d;
    s[g + 3] = (s[g + 3] as number) + wi * wi;
    cnt[g === 0 ? 0 : 1]!++;
  }
  const variance = (g: number, count: number): number => {
    const v1 = s[g] as number;
    const denom = v1 - (s[g + 3] as number) / v1;
    if (count < 2 || !(denom > 0)) return Number.NaN;
    const mean = (s[g + 1] as number) / v1;
    return Math.max(0, (s[g + 2] as number) - mean * (s[g + 1] as number)) / denom;
  };
  return [variance(0, cnt[0] as number), variance(4, cnt[1] as number)];
}

/**
 * Balance of a subgroup after PSM and IPW on the flexible terms (cobalt-style): for every
 * continuous covariate its SMD's square term and its variance ratio, and every spline term's
 * SMD (the covariates' own SMDs are in the balance table). Terms constant on the rows are left
 * out. On a subgroup of more than TERM_BALANCE_SAMPLE units, on an evenly spaced sample of them.
 */
export function termBalance(b: Omit<BalanceInput, 'covariates'>): TermBalance[] {
  const { table } = b;
  if (!b.matchWeight && !b.ipwWeight) return [];
  // Large subgroups: every k-th of the subgroup's units (treated, controls and weights alike).
  const m = Math.min(b.rows.length, TERM_BALANCE_SAMPLE);
  const pick = (i: number): number => (m === b.rows.length ? i : Math.floor((i * b.rows.length) / m));
  const rows = m === b.rows.length ? b.rows : Int32Array.from({ length: m }, (_, i) => b.rows[pick(i)] as number);
  const treated = m === b.rows.length ? b.treated : Uint8Array.from({ length: m }, (_, i) => b.treated[pick(i)] as number);
  const sub = (w: Float64Array | undefined): Float64Array | undefined => (w === undefined || m === b.rows.length ? w : Float64Array.from({ length: m }, (_, i) => w[pick(i)] as number));
  const matchWeight = sub(b.matchWeight);
  const ipwWeight = sub(b.ipwWeight);
  const out: TermBalance[] = [];
  const x = new Float64Array(rows.length);
  const add = (term: string, withVariance: boolean): void => {
    let constant = true;
    for (let i = 1; i < x.length && constant; i++) if (x[i] !== x[0]) constant = false;
    if (constant) return;
    const [afterPsm = Number.NaN, afterIpw = Number.NaN] = smdMany(x, treated, [matchWeight, ipwWeight]);
    const row: TermBalance = { term, smd_after: matchWeight ? finiteOrNull(afterPsm) : null, smd_after_ipw: ipwWeight ? finiteOrNull(afterIpw) : null };
    if (withVariance) {
      const ratio = (w: Float64Array | undefined): number | null => {
        if (!w) return null;
        const [vT, vC] = groupVariances(x, treated, w);
        return finiteOrNull(vT / vC);
      };
      row.variance_ratio_after = ratio(matchWeight);
      row.variance_ratio_after_ipw = ratio(ipwWeight);
    }
    out.push(row);
  };
  table.kinds.forEach((kind, k) => {
    if (kind !== 'numeric' && kind !== 'spline') return;
    const col = table.columns[k] as Float64Array;
    const name = table.names[k] ?? '';
    for (let i = 0; i < rows.length; i++) x[i] = col[rows[i] ?? 0] ?? 0;
    if (kind === 'spline') {
      add(name, false);
      return;
    }
    add(name, true);
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * (x[i] as number);
    add(`${name}²`, false);
  });
  return out;
}
