// The work a helper thread can do (helper.ts): each kind of task is a stage function of
// transferable inputs (src/evaluation/stages/), run the same way in the worker (worker.ts) as on
// the main thread. A task is `{ kind, ...the function's input }`; its value is what the function
// returns. Which thread runs which task is parallel/schedule.ts's business, not this file's.
import { balanceRows } from '../stages/balance.ts';
import { outcomesPart } from '../stages/design.ts';
import { estimate } from '../stages/estimate.ts';
import { match } from '../stages/match.ts';
import { scoreFit } from '../stages/score.ts';
import { readWeeksPart } from './weeks-part.ts';

/** Every kind of task and the function it runs. */
const TASKS = {
  weeks: readWeeksPart,
  outcomes: outcomesPart,
  score: scoreFit,
  match,
  estimates: estimate,
  balance: balanceRows,
};

type Tasks = typeof TASKS;
export type TaskKind = keyof Tasks;
/** A task of one kind: its kind and its function's input. */
export type TaskOf<K extends TaskKind> = { kind: K } & Parameters<Tasks[K]>[0];
export type Task = { [K in TaskKind]: TaskOf<K> }[TaskKind];
/** What a task's function returns. */
export type ValueOf<T extends Task> = ReturnType<Tasks[T['kind']]>;

export type WeeksTask = TaskOf<'weeks'>;
export type OutcomesTask = TaskOf<'outcomes'>;
export type ScoreTask = TaskOf<'score'>;
export type MatchTask = TaskOf<'match'>;
export type EstimatesTask = TaskOf<'estimates'>;
export type BalanceTask = TaskOf<'balance'>;

/** A task's result, or the error it threw (its class name and message). */
export type TaskResult<T extends Task = Task> = { ok: true; value: ValueOf<T> } | { ok: false; message: string; name?: string };

/** A task's value, or its error thrown again here (a RangeError stays a RangeError). */
export function unwrap<T extends Task>(r: TaskResult<T>): ValueOf<T> {
  if (r.ok) return r.value;
  throw r.name === 'RangeError' ? new RangeError(r.message) : new Error(r.message);
}

export function runTask<T extends Task>(task: T): TaskResult<T> {
  try {
    const run = TASKS[task.kind] as unknown as (t: T) => ValueOf<T>;
    return { ok: true, value: run(task) };
  } catch (e) {
    return e instanceof Error ? { ok: false, message: e.message, name: e.name } : { ok: false, message: String(e) };
  }
}

/** Buffers of a result that can be moved (not copied) back to the main thread: its typed arrays' own (not shared) buffers, found in its objects and arrays. */
export function resultTransfer(r: TaskResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
      return;
    }
    if (depth >= 4) return;
    if (Array.isArray(v)) {
      if (typeof v[0] === 'object') for (const x of v) walk(x, depth + 1); // not e.g. the weeks part's ids
      return;
    }
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  if (r.ok) walk(r.value, 0);
  return [...out];
}
