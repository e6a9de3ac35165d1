// The work a helper thread can do (parallel/helper.ts): plain functions of transferable inputs,
// run the same way in the worker (worker.ts) as they would be on the main thread.
import { logisticRegressionSparse, type LogisticResult } from '../../stats/index.ts';
import { readWeeksRange } from '../readers/weeks-csv.ts';
import { psmMatch, type MatchedSample } from '../estimators/psm.ts';
import { groupEstimates, type GroupEstimates, type GroupEstimatesInput } from '../estimators/group-estimates.ts';

/** A subgroup's score model: logit fit on the design's non-zeros (CSR). */
export interface LogitTask {
  kind: 'logit';
  ptr: Int32Array;
  idx: Int32Array;
  val: Float64Array;
  y: Float64Array;
  n: number;
  p: number;
}

/** The lines of weeks.csv in bytes [start, end) (canonical header; see readWeeksRange). */
export interface WeeksTask {
  kind: 'weeks';
  file: string;
  size: number;
  start: number;
  end: number;
  /** persons.csv's ids in order (the worker builds its own index). */
  ids: string[];
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
}

/** A subgroup's propensity score matching (psmMatch). */
export interface MatchTask {
  kind: 'match';
  logit: Float64Array;
  treated: Uint8Array;
  cohort: Int32Array;
}

/** A subgroup's estimates (groupEstimates). */
export type EstimatesTask = { kind: 'estimates' } & GroupEstimatesInput;

export type Task = LogitTask | WeeksTask | MatchTask | EstimatesTask;
type ValueOf<T extends Task> = T extends LogitTask ? LogisticResult : T extends WeeksTask ? WeeksPart : T extends MatchTask ? MatchedSample : GroupEstimates;

/** A task's result, or the error it threw (its class name and message). */
export type TaskResult<T extends Task = Task> = { ok: true; value: ValueOf<T> } | { ok: false; message: string; name?: string };

/** A task's value, or its error thrown again here (a RangeError stays a RangeError). */
export function unwrap<T extends Task>(r: TaskResult<T>): ValueOf<T> {
  if (r.ok) return r.value;
  throw r.name === 'RangeError' ? new RangeError(r.message) : new Error(r.message);
}

function compute(task: Task): LogisticResult | WeeksPart | MatchedSample | GroupEstimates {
  if (task.kind === 'logit') return logisticRegressionSparse({ ptr: task.ptr, idx: task.idx, val: task.val }, task.y, task.n, task.p);
  if (task.kind === 'match') return psmMatch(task.logit, task.treated, task.cohort);
  if (task.kind === 'estimates') return groupEstimates(task);
  const index = new Map<string, number>();
  task.ids.forEach((id, i) => index.set(id, i));
  const c = readWeeksRange(task.file, { n: task.ids.length, ids: task.ids, index }, task.size, {}, { start: task.start, end: task.end });
  const b = c.builder;
  return { weekStart: b.weekStart, nWeeks: b.nWeeks, status: b.status, rows: c.rows, problems: c.problems.count, minPerson: c.minPerson, maxPerson: c.maxPerson };
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
  if (!r.ok) return [];
  const v = r.value;
  const arrays = 'status' in v ? [v.status] : 'coef' in v ? [v.coef, v.se, v.cov, v.fitted, v.eta] : 'unitWeight' in v ? [v.rows, v.treated, v.set, v.unitWeight] : [];
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}
