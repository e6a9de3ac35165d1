// The estimates of one subgroup: every outcome × method (and the employment periods), from the
// subgroup's own arrays (outcome week counts gathered for its rows), so the same function runs
// on the main thread or on the helper thread (parallel/tasks.ts).
import { N_PERIODS, PERIOD_WEEKS, type OutcomeName } from '../design/outcomes.ts';
import { WINDOW_WEEKS } from '../design/cohorts.ts';
import type { PeriodRow, ResultRow } from '../report/model.ts';
import { didEffect } from './did.ts';
import type { Effect } from './effect.ts';
import { ipwDesign, ipwEffect, type IpwWeights } from './ipw.ts';
import { naiveDesign, naiveEffect } from './naive.ts';
import { psmDesign, psmEffect, type MatchedSample } from './psm.ts';

export interface GroupEstimatesInput {
  label: string;
  methods: string[];
  outcomes: OutcomeName[];
  treated: Uint8Array;
  /** The person (persons.csv index) of each row: naive, IPW and DiD SEs cluster on it. Omitted: HC1. */
  person?: Int32Array;
  sample?: MatchedSample;
  /** IPW weights (only `weights` is used here). */
  ipw?: Pick<IpwWeights, 'weights'>;
  /** Per outcome (in `outcomes` order): weeks in the outcome over the window, per subgroup row. */
  post: Uint8Array[];
  /** The same over the 52 weeks before (used by DiD; empty arrays when DiD is not asked for). */
  pre: Uint8Array[];
  /** Employment weeks per 4-week period, rows × 13 (empty when employment is not an outcome). */
  periods: Uint8Array;
}

export interface GroupEstimates {
  results: ResultRow[];
  byPeriod: PeriodRow[];
}

function row(outcome: string, subgroup: string, method: string, e: Effect): ResultRow {
  return {
    outcome,
    subgroup,
    method,
    n_treated: e.nTreated,
    n_control: e.nControl,
    treated_mean: e.treatedMean,
    control_mean: e.controlMean,
    att: e.att,
    se: e.se,
    ci_low: e.ciLow,
    ci_high: e.ciHigh,
    p_value: e.pValue,
    relative_effect: e.controlMean !== 0 ? e.att / e.controlMean : null,
  };
}

/** counts / denominator into `out` (one buffer reused for every outcome: no 8n-byte array per outcome to collect). */
const share = (counts: Uint8Array, denominator: number, out: Float64Array): Float64Array => {
  for (let i = 0; i < counts.length; i++) out[i] = (counts[i] ?? 0) / denominator;
  return out;
};

export function groupEstimates(g: GroupEstimatesInput): GroupEstimates {
  const { treated, sample, ipw, methods } = g;
  const results: ResultRow[] = [];
  const byPeriod: PeriodRow[] = [];
  const dNaive = naiveDesign(treated, g.person);
  const dPsm = sample ? psmDesign(sample) : undefined;
  const dIpw = ipw ? ipwDesign(treated, ipw as IpwWeights, g.person) : undefined;
  const estimate = (m: string, y: Float64Array): Effect | undefined => {
    if (m === 'naive') return naiveEffect(dNaive, y);
    if (m === 'psm' && sample && dPsm) return psmEffect(dPsm, sample, y);
    if (m === 'ipw' && dIpw) return ipwEffect(dIpw, y);
    return undefined;
  };
  const n = treated.length;
  const y = new Float64Array(n);
  const yPre = methods.includes('did') ? new Float64Array(n) : y;
  g.outcomes.forEach((o, k) => {
    share(g.post[k] as Uint8Array, WINDOW_WEEKS, y);
    for (const m of methods) {
      const e = m === 'did' ? didEffect(dNaive, y, share(g.pre[k] as Uint8Array, WINDOW_WEEKS, yPre), treated) : estimate(m, y);
      if (e) results.push(row(o, g.label, m, e));
    }
  });
  if (g.outcomes.includes('employment')) {
    for (let q = 0; q < N_PERIODS; q++) {
      for (let i = 0; i < n; i++) y[i] = (g.periods[i * N_PERIODS + q] ?? 0) / PERIOD_WEEKS;
      for (const m of methods) {
        const e = estimate(m, y);
        if (e) {
          byPeriod.push({ outcome: 'employment', subgroup: g.label, method: m, period: q + 1, att: e.att, se: e.se, ci_low: e.ciLow, ci_high: e.ciHigh, treated_mean: e.treatedMean, control_mean: e.controlMean });
        }
      }
    }
  }
  return { results, byPeriod };
}
