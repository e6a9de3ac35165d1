// The work a helper thread can do (parallel.ts): plain functions of transferable inputs, run
// the same way in the worker (worker.ts) as they would be on the main thread.
import { logisticRegressionSparse, type LogisticResult } from '../../stats/index.ts';

export interface LogitTask {
  kind: 'logit';
  ptr: Int32Array;
  idx: Int32Array;
  val: Float64Array;
  y: Float64Array;
  n: number;
  p: number;
}

export type Task = LogitTask;

/** A task's result, or the message of the error it threw (a RangeError in every case we expect). */
export type TaskResult = { ok: true; value: LogisticResult } | { ok: false; message: string };

export function runTask(task: Task): TaskResult {
  try {
    return { ok: true, value: logisticRegressionSparse({ ptr: task.ptr, idx: task.idx, val: task.val }, task.y, task.n, task.p) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Buffers of a result that can be moved (not copied) back to the main thread. */
export function resultTransfer(r: TaskResult): ArrayBuffer[] {
  if (!r.ok) return [];
  const v = r.value;
  const out = new Set<ArrayBuffer>();
  for (const a of [v.coef, v.se, v.cov, v.fitted, v.eta]) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}
