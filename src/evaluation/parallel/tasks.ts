// The work a helper thread can do (parallel/helper.ts): plain functions of transferable inputs,
// run the same way in the worker (worker.ts) as they would be on the main thread.
import { logisticRegressionSparse, type LogisticResult } from '../../stats/index.ts';
import { readWeeksRange } from '../readers/weeks-csv.ts';

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

export type Task = LogitTask | WeeksTask;
type ValueOf<T extends Task> = T extends LogitTask ? LogisticResult : WeeksPart;

/** A task's result, or the message of the error it threw. */
export type TaskResult<T extends Task = Task> = { ok: true; value: ValueOf<T> } | { ok: false; message: string };

function compute(task: Task): LogisticResult | WeeksPart {
  if (task.kind === 'logit') return logisticRegressionSparse({ ptr: task.ptr, idx: task.idx, val: task.val }, task.y, task.n, task.p);
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
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Buffers of a result that can be moved (not copied) back to the main thread. */
export function resultTransfer(r: TaskResult): ArrayBuffer[] {
  if (!r.ok) return [];
  const v = r.value;
  const arrays = 'status' in v ? [v.status] : [v.coef, v.se, v.cov, v.fitted, v.eta];
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}
