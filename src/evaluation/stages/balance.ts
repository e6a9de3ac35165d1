// Stage "balance": covariate balance (standardised mean differences) of a subgroup before
// matching, after PSM (matching weights) and after IPW, for the covariates asked for (all but
// the cohort dummies, which are matched exactly). A pure function of its arrays, so the main
// thread and the helper thread can each take part of the covariates (parallel/schedule.ts).
import { smdMany } from '../../stats/index.ts';
import type { CovariateTable } from '../design/covariates.ts';
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

/** The columns of the table whose balance is reported (not the cohort dummies). */
export function balanceColumns(table: CovariateTable): number[] {
  const out: number[] = [];
  table.kinds.forEach((k, i) => {
    if (k !== 'cohort') out.push(i);
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
