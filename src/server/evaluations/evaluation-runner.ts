// Runs evaluations in the background, one at a time (later ones wait in a queue), each in a
// worker thread (evaluation-worker.ts) so that the synchronous readers and estimators never hold
// the server's event loop. Progress is written to the run row (throttled, in order); the result
// JSON (FORMATS.md) on success; the evaluation's input error (file and line) on failure, in
// which case the run's copies of the input files are deleted too.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EvaluateFiles, EvaluateOptions } from '../../evaluation/evaluate.ts';
import type { Method, Stage } from '../../evaluation/analyse.ts';
import { toJson } from '../../evaluation/report/json.ts';
import type { EvaluationOutput } from '../../evaluation/report/model.ts';
import type { WorkerInput, WorkerMessage } from './evaluation-worker.ts';
import type { Database } from '../platform/db/database.ts';
import { withTenant, type TenantContext } from '../platform/db/tenant.ts';

export interface RunJob {
  id: string;
  dir: string;
  tenant: TenantContext;
  parameters: { methods: Method[]; by: string[] };
  version: string;
}

export interface EvaluationRunner {
  enqueue(job: RunJob): void;
  /** Resolves when the queue is empty and nothing runs. */
  idle(): Promise<void>;
  /** Stop: the running run's worker is terminated, and it and the queued runs are marked failed. */
  stop(): Promise<void>;
}

export function runFiles(dir: string): { persons: string; weeks: string } {
  return { persons: join(dir, 'persons.csv'), weeks: join(dir, 'weeks.csv') };
}

/** An input error (bad file): its message names file and line and may be shown to the evaluator. */
export class RunInputError extends Error {}

/** Run evaluateFiles in a worker thread; progress comes back as messages. */
export function evaluateInWorker(
  files: EvaluateFiles,
  options: Omit<EvaluateOptions, 'onProgress'>,
  onProgress: (stage: Stage, fraction: number) => void,
  onWorker: (worker: Worker) => void = () => {},
): Promise<EvaluationOutput> {
  return new Promise((resolve, reject) => {
    const input: WorkerInput = { files, options };
    const worker = new Worker(new URL('./evaluation-worker-bootstrap.mjs', import.meta.url), { workerData: input });
    onWorker(worker);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.stage as Stage, message.fraction);
      else if (message.type === 'done') settle(() => resolve(message.output as EvaluationOutput));
      else settle(() => reject(message.input ? new RunInputError(message.message) : new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the evaluation worker stopped (exit code ${code})`))));
  });
}

export const STOPPED = 'The server stopped before the evaluation finished; start it again.';

/** An error message without the server's folder names. */
function clientMessage(error: unknown, dir: string, stopping: boolean): string {
  if (stopping) return STOPPED;
  const text = error instanceof RunInputError ? error.message : 'The evaluation failed unexpectedly.';
  return text.split(`${dir}/`).join('');
}

export function createEvaluationRunner(db: Database, log: (error: unknown) => void = () => {}): EvaluationRunner {
  const queue: RunJob[] = [];
  let running: Promise<void> | null = null;
  let worker: Worker | null = null;
  let stopping = false;
  let waiters: (() => void)[] = [];

  const update = (job: RunJob, values: Parameters<typeof patch>[2]) => patch(db, job, values);

  async function execute(job: RunJob): Promise<void> {
    await update(job, { status: 'running', stage: 'read', progress: 0 });
    let writes: Promise<void> = Promise.resolve();
    let lastStage: Stage | null = null;
    let lastAt = 0;
    const onProgress = (stage: Stage, fraction: number): void => {
      const now = Date.now();
      if (stage === lastStage && now - lastAt < 250) return;
      lastStage = stage;
      lastAt = now;
      const progress = Math.min(1, Math.max(0, fraction));
      writes = writes.then(() => update(job, { stage, progress })).catch(log);
    };
    try {
      if (stopping) throw new Error('stopped before the worker started');
      const out = await evaluateInWorker(runFiles(job.dir), { version: job.version, ...job.parameters }, onProgress, (w) => {
        worker = w;
      });
      await writes;
      await update(job, {
        status: 'done',
        stage: 'report',
        progress: 1,
        result: toJson(out),
        finished_at: new Date(),
        inputsCounts: out.input,
      });
    } catch (error) {
      await writes;
      if (!(error instanceof RunInputError) && !stopping) log(error);
      rmSync(job.dir, { recursive: true, force: true });
      await update(job, { status: 'failed', error: clientMessage(error, job.dir, stopping), finished_at: new Date() });
    }
  }

  function next(): void {
    if (running) return;
    const job = queue.shift();
    if (!job) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
      return;
    }
    running = execute(job)
      .catch(log)
      .finally(() => {
        running = null;
        worker = null;
        next();
      });
  }

  return {
    enqueue(job) {
      queue.push(job);
      next();
    },
    async stop() {
      stopping = true;
      for (const job of queue.splice(0)) {
        rmSync(job.dir, { recursive: true, force: true });
        await update(job, { status: 'failed', error: STOPPED, finished_at: new Date() }).catch(log);
      }
      if (worker) await worker.terminate();
      await running;
    },
    idle() {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

async function patch(
  db: Database,
  job: RunJob,
  values: {
    status?: 'running' | 'done' | 'failed';
    stage?: string;
    progress?: number;
    result?: string;
    error?: string;
    finished_at?: Date;
    inputsCounts?: unknown;
  },
): Promise<void> {
  const { inputsCounts, ...columns } = values;
  await withTenant(db, job.tenant, async (tx) => {
    let query = tx.updateTable('evaluation_runs').set(columns).where('id', '=', job.id);
    if (inputsCounts !== undefined) {
      const row = await tx.selectFrom('evaluation_runs').select('inputs').where('id', '=', job.id).executeTakeFirst();
      query = query.set({ inputs: JSON.stringify({ ...(row?.inputs as object), counts: inputsCounts }) });
    }
    await query.execute();
  });
}
