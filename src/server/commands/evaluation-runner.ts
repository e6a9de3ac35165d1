// Runs evaluations in the background, in this process, one at a time (later ones wait in a
// queue). Progress from evaluateFiles is written to the run row (throttled, in order); the
// result JSON (FORMATS.md) on success; the evaluation's input error (file and line) on failure,
// in which case the run's copies of the input files are deleted too.
// Note: the readers and estimators are synchronous, so a very large evaluation holds the event
// loop between progress writes; a worker thread is the next step.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFiles } from '../../evaluation/evaluate.ts';
import type { Method, Stage } from '../../evaluation/analyse.ts';
import { InputError } from '../../evaluation/errors.ts';
import { toJson } from '../../evaluation/report/json.ts';
import type { Database } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/tenant.ts';

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
}

export function runFiles(dir: string): { persons: string; weeks: string } {
  return { persons: join(dir, 'persons.csv'), weeks: join(dir, 'weeks.csv') };
}

/** An error message without the server's folder names. */
function clientMessage(error: unknown, dir: string): string {
  const text = error instanceof InputError || error instanceof RangeError ? error.message : 'The evaluation failed unexpectedly.';
  return text.split(`${dir}/`).join('');
}

export function createEvaluationRunner(db: Database, log: (error: unknown) => void = () => {}): EvaluationRunner {
  const queue: RunJob[] = [];
  let running: Promise<void> | null = null;
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
      // Yield once so the 202 response leaves before the (synchronous) work starts.
      await new Promise((resolve) => setImmediate(resolve));
      const out = await evaluateFiles(runFiles(job.dir), { version: job.version, ...job.parameters, onProgress });
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
      if (!(error instanceof InputError)) log(error);
      rmSync(job.dir, { recursive: true, force: true });
      await update(job, { status: 'failed', error: clientMessage(error, job.dir), finished_at: new Date() });
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
        next();
      });
  }

  return {
    enqueue(job) {
      queue.push(job);
      next();
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
