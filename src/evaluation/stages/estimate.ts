// Stage "estimates": per subgroup every outcome × method (and the employment periods), each
// method's estimate taken from the estimator registry (estimators/registry.ts), from the
// subgroup's own arrays: the outcome week counts gathered for its rows where the stage runs, so
// the same function runs on the main thread or on the helper thread (parallel/schedule.ts).
import { WINDOW_WEEKS } from '../design/cohorts.ts';
import { designSparse, type CovariateTable } from '../design/covariates.ts';
import { N_PERIODS, PERIOD_WEEKS, type OutcomeCounts, type OutcomeName } from '../design/outcomes.ts';
import type { Effect } from '../estimators/effect.ts';
import type { IpwWeights } from '../estimators/ipw.ts';
import type { MatchedSample } from '../estimators/psm.ts';
import { REGISTRY, type EstimatorInput, type Method } from '../estimators/registry.ts';
import { finiteOrNull, type PeriodRow, type ResultRow } from '../report/model.ts';

export interface GroupEstimatesInput {
  label: string;
  methods: readonly Method[];
  outcomes: OutcomeName[];
  treated: Uint8Array;
  /** The person (persons.csv index) of each row: naive, IPW and DiD SEs cluster on it. Omitted: HC1. */
  person?: Int32Array;
  sample?: MatchedSample;
  /** IPW weights (only `weights` is used here). */
  ipw?: Pick<IpwWeights, 'weights'>;
  /** Propensity scores of the rows (methods that need them here: AIPW). */
  score?: Float64Array;
  /** The score model's design on the rows (AIPW's outcome model). */
  design?: EstimatorInput['design'];
  /** Per outcome (in `outcomes` order): weeks in the outcome over the window, per subgroup row. */
  post: Uint8Array[];
  /** The same over the 52 weeks before (for methods that need 'pre'; empty arrays otherwise). */
  pre: Uint8Array[];
  /** Employment weeks per 4-week period, rows × 13 (empty when employment is not an outcome). */
  periods: Uint8Array;
}

/** Rosenbaum's Γ of a method's estimate (PSM's; estimators/sensitivity.ts). */
export interface RosenbaumRow {
  outcome: string;
  subgroup: string;
  method: string;
  gamma: number | null;
}

export interface GroupEstimates {
  results: ResultRow[];
  byPeriod: PeriodRow[];
  rosenbaum: RosenbaumRow[];
}

export function row(outcome: string, subgroup: string, method: string, e: Effect): ResultRow {
  return {
    outcome,
    subgroup,
    method,
    n_treated: e.nTreated,
    n_control: e.nControl,
    treated_mean: finiteOrNull(e.treatedMean),
    control_mean: finiteOrNull(e.controlMean),
    att: finiteOrNull(e.att),
    se: finiteOrNull(e.se),
    ci_low: finiteOrNull(e.ciLow),
    ci_high: finiteOrNull(e.ciHigh),
    p_value: finiteOrNull(e.pValue),
    relative_effect: e.controlMean !== 0 ? finiteOrNull(e.att / e.controlMean) : null,
  };
}

/** counts / denominator into `out` (one buffer reused for every outcome: no 8n-byte array per outcome to collect). */
const share = (counts: Uint8Array, denominator: number, out: Float64Array): Float64Array => {
  for (let i = 0; i < counts.length; i++) out[i] = (counts[i] ?? 0) / denominator;
  return out;
};

/** The subgroup's results and period rows, every method through its registry entry. */
export function groupEstimates(g: GroupEstimatesInput): GroupEstimates {
  const { treated, methods } = g;
  const results: ResultRow[] = [];
  const byPeriod: PeriodRow[] = [];
  const rosenbaum: RosenbaumRow[] = [];
  const memo = new Map<string, unknown>();
  const input: EstimatorInput = {
    treated,
    ...(g.person ? { person: g.person } : {}),
    ...(g.sample ? { sample: g.sample } : {}),
    ...(g.ipw ? { ipw: g.ipw } : {}),
    ...(g.score ? { score: g.score } : {}),
    ...(g.design ? { design: g.design } : {}),
    shared<T>(key: string, make: () => T): T {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as T;
    },
  };
  // Each method's prepared design, once for every outcome (none: nothing to estimate on).
  const prepared = new Map<Method, unknown>();
  for (const m of methods) if (!prepared.has(m)) prepared.set(m, REGISTRY[m].prepare(input));
  const estimate = (m: Method, y: Float64Array, pre: Float64Array | undefined): Effect | undefined => {
    const d = prepared.get(m);
    return d === undefined ? undefined : REGISTRY[m].estimate(d, y, pre);
  };
  const n = treated.length;
  const y = new Float64Array(n);
  const needPre = methods.some((m) => REGISTRY[m].needs.includes('pre'));
  const yPre = needPre ? new Float64Array(n) : undefined;
  g.outcomes.forEach((o, k) => {
    share(g.post[k] as Uint8Array, WINDOW_WEEKS, y);
    const pre = yPre && share(g.pre[k] as Uint8Array, WINDOW_WEEKS, yPre);
    for (const m of methods) {
      const e = estimate(m, y, pre);
      if (!e) continue;
      results.push(row(o, g.label, m, e));
      const gammaOf = REGISTRY[m].rosenbaum;
      if (gammaOf) rosenbaum.push({ outcome: o, subgroup: g.label, method: m, gamma: gammaOf(prepared.get(m), y, e) });
    }
  });
  if (g.outcomes.includes('employment')) {
    const periodMethods = methods.filter((m) => REGISTRY[m].byPeriod);
    for (let q = 0; q < N_PERIODS; q++) {
      for (let i = 0; i < n; i++) y[i] = (g.periods[i * N_PERIODS + q] ?? 0) / PERIOD_WEEKS;
      for (const m of periodMethods) {
        const e = estimate(m, y, undefined);
        if (e) {
          byPeriod.push({
            outcome: 'employment',
            subgroup: g.label,
            method: m,
            period: q + 1,
            att: finiteOrNull(e.att),
            se: finiteOrNull(e.se),
            ci_low: finiteOrNull(e.ciLow),
            ci_high: finiteOrNull(e.ciHigh),
            treated_mean: finiteOrNull(e.treatedMean),
            control_mean: finiteOrNull(e.controlMean),
          });
        }
      }
    }
  }
  return { results, byPeriod, rosenbaum };
}

/**
 * A subgroup's estimates from the units' outcome counts (in shared memory when there is a
 * helper), gathered for the subgroup's rows where the stage runs.
 */
export type EstimateInput = Omit<GroupEstimatesInput, 'post' | 'pre' | 'periods' | 'person' | 'design'> & {
  counts: OutcomeCounts;
  /** The covariate table (in shared memory with a helper): the score model's design of the rows is built from it where the stage runs (AIPW). */
  table?: CovariateTable;
  rows: Int32Array;
  unitPerson: Int32Array;
  /** Gather the pre-window counts (some method needs 'pre'). */
  pre: boolean;
  /** Gather the employment periods (employment is an outcome). */
  periods: boolean;
};

/** Per-unit values (`width` per unit) of the given rows, gathered into a new array of the same type (the array itself when the rows are all units in order). */
function gather<T extends Uint8Array | Int32Array>(values: T, rows: Int32Array, width: number, allInOrder: boolean): T {
  if (allInOrder) return values;
  const out = new (values.constructor as new (length: number) => T)(rows.length * width);
  if (width === 1) for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] ?? 0] ?? 0;
  else for (let i = 0; i < rows.length; i++) out.set(values.subarray((rows[i] ?? 0) * width, ((rows[i] ?? 0) + 1) * width), i * width);
  return out;
}

/** A subgroup's input to this stage, from what the earlier stages left it (a matched sample, IPW weights). */
export function estimateInput(
  g: { label: string; rows: Int32Array; treated: Uint8Array; sample?: MatchedSample; ipw?: Pick<IpwWeights, 'weights'>; model?: { score: Float64Array } },
  run: { methods: readonly Method[]; outcomes: OutcomeName[]; counts: OutcomeCounts; unitPerson: Int32Array; table?: CovariateTable },
): EstimateInput {
  const aipw = run.methods.includes('aipw') && g.model !== undefined && run.table !== undefined;
  return {
    label: g.label,
    methods: run.methods,
    outcomes: run.outcomes,
    treated: g.treated,
    ...(g.sample ? { sample: g.sample } : {}),
    ...(g.ipw ? { ipw: { weights: g.ipw.weights } } : {}),
    ...(aipw && g.model && run.table ? { score: g.model.score, table: run.table } : {}),
    counts: run.counts,
    rows: g.rows,
    unitPerson: run.unitPerson,
    pre: run.methods.some((m) => REGISTRY[m].needs.includes('pre')),
    periods: run.outcomes.includes('employment'),
  };
}

/** The score model's design of the rows (as stages/score.ts builds it), always in CSR form. */
function scoreDesign(table: CovariateTable, rows: Int32Array): NonNullable<EstimatorInput['design']> {
  const sd = designSparse(table, rows, 1);
  if (!sd) throw new Error('estimate: the design has more non-zeros than entries');
  return { S: sd.S, n: sd.n, k: sd.p };
}

/** The stage: gather the subgroup's counts, then its estimates. */
export function estimate(t: EstimateInput): GroupEstimates {
  const { counts, rows } = t;
  let all = rows.length === t.unitPerson.length;
  for (let i = 0; all && i < rows.length; i++) all = rows[i] === i;
  return groupEstimates({
    label: t.label,
    methods: t.methods,
    outcomes: t.outcomes,
    treated: t.treated,
    person: gather(t.unitPerson, rows, 1, all),
    ...(t.sample ? { sample: t.sample } : {}),
    ...(t.ipw ? { ipw: t.ipw } : {}),
    ...(t.score ? { score: t.score } : {}),
    ...(t.score && t.table ? { design: scoreDesign(t.table, rows) } : {}),
    post: t.outcomes.map((o) => gather(counts.post[o], rows, 1, all)),
    pre: t.pre ? t.outcomes.map((o) => gather(counts.pre[o], rows, 1, all)) : [],
    periods: t.periods ? gather(counts.periods, rows, N_PERIODS, all) : new Uint8Array(0),
  });
}
