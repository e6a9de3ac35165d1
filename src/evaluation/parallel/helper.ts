// One helper thread for the evaluation (docs/decisions/009-parallel-evaluation.md): the main
// thread hands it independent pieces of work (tasks.ts; e.g. the score model of one subgroup)
// and goes on with its own share, so the two cores work at once. Results are the same as on
// one thread: each task runs the same code on the same inputs, only elsewhere.
// Whether there is a helper, and what it runs, parallel/schedule.ts decides.
import { Worker } from 'node:worker_threads';
import type { TaskMessage } from './worker.ts';
import type { Task, TaskResult } from './tasks.ts';

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
