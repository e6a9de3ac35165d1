// The work a helper thread can do (parallel/helper.ts): plain functions of transferable inputs,
// run the same way in the worker (worker.ts) as they would be on the main thread.
import type { LogisticResult } from '../../stats/index.ts';
import { logisticRegressionSparseWarm } from '../../stats/index.ts';
import { designMatrix, designSparse, type CovariateTable } from '../design/covariates.ts';
import { fillOutcomes, N_PERIODS, type OutcomeCounts } from '../design/outcomes.ts';
import { balanceRows, type BalanceInput } from '../estimators/balance.ts';
import type { BalanceRow } from '../report/model.ts';
import type { Panel } from '../panel.ts';
import { fitScoreModel } from '../estimators/score-model.ts';
import { readWeeksRange } from '../readers/weeks-csv.ts';
import { InterningIndex } from './interning-index.ts';
import { psmMatch, type MatchedSample } from '../estimators/psm.ts';
import { groupEstimates, type GroupEstimates, type GroupEstimatesInput } from '../estimators/group-estimates.ts';

/**
 * A subgroup's score model: its design (intercept plus the covariates not constant on its rows,
 * built straight into CSR: designSparse) and the logit fit of participation on it. The table's
 * columns are best in SharedArrayBuffers (buildCovariates with a shared allocator), so that
 * the helper reads them without a copy.
 */
export interface ScoreTask {
  kind: 'score';
  table: CovariateTable;
  rows: Int32Array;
  treated: Uint8Array;
}

export interface ScoreFit {
  /** Names of the design's covariate columns. */
  names: string[];
  /** The fit, or the message of the error it threw (e.g. collinear design). */
  fit: LogisticResult | { error: string };
}

/** The lines of weeks.csv in bytes [start, end) (canonical header; see readWeeksRange). */
export interface WeeksTask {
  kind: 'weeks';
  file: string;
  size: number;
  start: number;
  end: number;
}

export interface WeeksPart {
  weekStart: number;
  nWeeks: number;
  status: Uint8Array;
  rows: number;
  /** Problems found (any: the caller then reads the whole file on one thread for the report). */
  problems: number;
  minPerson: number;
  maxPerson: number;
  /**
   * The person ids in the order the part first met them: its person index i is ids[i] (the
   * part is read before or while persons.csv is, so ids are numbered as they come; the
   * caller maps them to persons.csv's index).
   */
  ids: string[];
}

/** Outcome counts of units [from, to) into `out` (arrays in shared memory; panel status too). */
export interface OutcomesTask {
  kind: 'outcomes';
  person: Int32Array;
  refWeek: Int32Array;
  panel: Panel;
  out: OutcomeCounts;
  from: number;
  to: number;
}

/** A subgroup's propensity score matching (psmMatch). */
export interface MatchTask {
  kind: 'match';
  logit: Float64Array;
  treated: Uint8Array;
  cohort: Int32Array;
}

/**
 * A subgroup's estimates (groupEstimates), from the units' outcome counts (in shared memory when
 * there is a helper) gathered for the subgroup's rows where the task runs.
 */
export type EstimatesTask = { kind: 'estimates'; counts: OutcomeCounts; rows: Int32Array; pre: boolean; periods: boolean; unitPerson: Int32Array } & Omit<GroupEstimatesInput, 'post' | 'pre' | 'periods' | 'person'>;

/** Part of a subgroup's balance table (balanceRows). */
export type BalanceTask = { kind: 'balance' } & BalanceInput;

export type Task = ScoreTask | WeeksTask | MatchTask | EstimatesTask | OutcomesTask | BalanceTask;
type ValueOf<T extends Task> = T extends OutcomesTask ? number : T extends ScoreTask ? ScoreFit : T extends WeeksTask ? WeeksPart : T extends MatchTask ? MatchedSample : T extends BalanceTask ? BalanceRow[] : GroupEstimates;

/** Per-unit values (`width` per unit) of the given rows, gathered into a new array of the same type (the array itself when the rows are all units in order). */
function gather<T extends Uint8Array | Int32Array>(values: T, rows: Int32Array, width: number, allInOrder: boolean): T {
  if (allInOrder) return values;
  const out = new (values.constructor as new (length: number) => T)(rows.length * width);
  if (width === 1) for (let i = 0; i < rows.length; i++) out[i] = values[rows[i] ?? 0] ?? 0;
  else for (let i = 0; i < rows.length; i++) out.set(values.subarray((rows[i] ?? 0) * width, ((rows[i] ?? 0) + 1) * width), i * width);
  return out;
}

function estimates(t: EstimatesTask): GroupEstimates {
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
    post: t.outcomes.map((o) => gather(counts.post[o], rows, 1, all)),
    pre: t.pre ? t.outcomes.map((o) => gather(counts.pre[o], rows, 1, all)) : [],
    periods: t.periods ? gather(counts.periods, rows, N_PERIODS, all) : new Uint8Array(0),
  });
}

/** A task's result, or the error it threw (its class name and message). */
export type TaskResult<T extends Task = Task> = { ok: true; value: ValueOf<T> } | { ok: false; message: string; name?: string };

/** A task's value, or its error thrown again here (a RangeError stays a RangeError). */
export function unwrap<T extends Task>(r: TaskResult<T>): ValueOf<T> {
  if (r.ok) return r.value;
  throw r.name === 'RangeError' ? new RangeError(r.message) : new Error(r.message);
}

/** The score task's work: the same design and fit on either thread. */
export function scoreFit(table: CovariateTable, rows: Int32Array, treated: Uint8Array): ScoreFit {
  const y = new Float64Array(rows.length);
  for (let i = 0; i < y.length; i++) y[i] = treated[i] ?? 0;
  const sd = designSparse(table, rows);
  if (sd !== undefined) {
    try {
      // Warm start from a subsample on large subgroups; the model's covariance is not used here.
      return { names: sd.names, fit: logisticRegressionSparseWarm(sd.S, y, sd.n, sd.p, { covariance: false }) };
    } catch (e) {
      return { names: sd.names, fit: { error: (e as Error).message } };
    }
  }
  // Too dense for the CSR form: the dense design, as logisticRegression would keep it.
  const dm = designMatrix(table, rows);
  try {
    return { names: dm.names, fit: fitScoreModel(dm.X, treated, dm.n, dm.p).fit };
  } catch (e) {
    return { names: dm.names, fit: { error: (e as Error).message } };
  }
}

function compute(task: Task): ScoreFit | WeeksPart | MatchedSample | GroupEstimates | BalanceRow[] | number {
  if (task.kind === 'outcomes') {
    fillOutcomes(task, task.panel, task.out, task.from, task.to);
    return task.to - task.from;
  }
  if (task.kind === 'score') return scoreFit(task.table, task.rows, task.treated);
  if (task.kind === 'match') return psmMatch(task.logit, task.treated, task.cohort);
  if (task.kind === 'estimates') return estimates(task);
  if (task.kind === 'balance') return balanceRows(task);
  const local = new InterningIndex();
  const c = readWeeksRange(task.file, local.persons, task.size, {}, { start: task.start, end: task.end });
  const b = c.builder;
  return { weekStart: b.weekStart, nWeeks: b.nWeeks, status: b.status, rows: c.rows, problems: c.problems.count, minPerson: c.minPerson, maxPerson: c.maxPerson, ids: local.ids };
}

export function runTask<T extends Task>(task: T): TaskResult<T> {
  try {
    return { ok: true, value: compute(task) as ValueOf<T> };
  } catch (e) {
    return e instanceof Error ? { ok: false, message: e.message, name: e.name } : { ok: false, message: String(e) };
  }
}

/** Buffers of a result that can be moved (not copied) back to the main thread. */
export function resultTransfer(r: TaskResult): ArrayBuffer[] {
  if (!r.ok || typeof r.value === 'number') return [];
  const v = r.value;
  const arrays = 'status' in v ? [v.status] : 'fit' in v ? ('coef' in v.fit ? [v.fit.coef, v.fit.se, v.fit.cov, v.fit.fitted, v.fit.eta] : []) : 'unitWeight' in v ? [v.rows, v.treated, v.set, v.unitWeight] : [];
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}
