// One helper thread for the evaluation (docs/decisions/009-parallel-evaluation.md): the main
// thread hands it independent pieces of work (tasks.ts; e.g. the score model of one subgroup)
// and goes on with its own share, so the two cores work at once. Results are the same as on
// one thread: each task runs the same code on the same inputs, only elsewhere.
//
// Threads: the `threads` option (CLI --threads), else the JOBVEJ_THREADS environment
// variable, else 2 when the machine has 2+ cores and the input is large enough to gain
// (PARALLEL_MIN_BYTES; a worker costs 0.1-0.3 s to start and runs its code cold). 1 =
// everything on the main thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TaskMessage } from './worker.ts';
import { runTask, type Task, type TaskResult } from './tasks.ts';

/**
 * Inputs smaller than this (weeks.csv bytes) run on one thread unless threads are asked for:
 * measured interleaved on this 2-core machine (load ~2.5-3), 10 k persons (68 MB) took
 * 1.61-1.76 s on one thread and 2.00-2.41 s with the helper (its start-up and cold JIT outweigh
 * the split), 100 k (704 MB) 11.6-13.3 s against 8.0-11.4 s.
 */
export const PARALLEL_MIN_BYTES = 256 << 20;

/** Number of threads to use (1 or 2): explicit request, then JOBVEJ_THREADS, then automatic. */
export function threadCount(requested: number | undefined, inputBytes: number): number {
  let want = requested;
  if (want === undefined && process.env.JOBVEJ_THREADS !== undefined && process.env.JOBVEJ_THREADS !== '') {
    want = Number(process.env.JOBVEJ_THREADS);
    if (!Number.isInteger(want) || want < 1) throw new RangeError(`JOBVEJ_THREADS must be a positive integer, got "${process.env.JOBVEJ_THREADS}"`);
  }
  if (want !== undefined) return want >= 2 ? 2 : 1;
  return availableParallelism() >= 2 && inputBytes >= PARALLEL_MIN_BYTES ? 2 : 1;
}

/** Where the worker's entry is: next to the CLI bundle when bundled, else the tsx bootstrap. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./worker-bootstrap.mjs', here) : new URL('./parallel-worker.mjs', here);
}

export interface Helper {
  /** Run a task on the helper thread; the listed buffers are moved there (unusable here after). */
  run<T extends Task>(task: T, transfer: ArrayBuffer[]): Promise<TaskResult<T>>;
  /** Stop the thread (pending tasks reject); safe to call more than once. */
  close(): Promise<void>;
}

/** Start the helper thread (it loads while the caller goes on). */
export function startHelper(): Helper {
  const worker = new Worker(workerUrl());
  const pending = new Map<number, { resolve: (r: TaskResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  let closed = false;
  const failAll = (e: Error): void => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', ({ id, result }: { id: number; result: TaskResult }) => {
    const p = pending.get(id);
    pending.delete(id);
    p?.resolve(result);
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the evaluation's helper thread stopped (exit code ${code})`)));
  return {
    run<T extends Task>(task: T, transfer: ArrayBuffer[]) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<TaskResult<T>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (r: TaskResult) => void, reject });
        const message: TaskMessage = { id, task };
        worker.postMessage(message, transfer);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      failAll(new Error('the helper thread was closed'));
      await worker.terminate();
    },
  };
}

/** Run a task here (one thread) or on the helper; same result either way. */
export function runOn<T extends Task>(helper: Helper | undefined, task: T, transfer: ArrayBuffer[]): Promise<TaskResult<T>> {
  return helper ? helper.run(task, transfer) : Promise.resolve(runTask(task));
}
