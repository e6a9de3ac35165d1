// Runs evaluations in the background, each in a worker thread (evaluation-worker.ts) so that the
// synchronous readers and estimators never hold the server's event loop. The queue is the
// database (decision 031): every jobvej process on it claims one run at a time with
// SELECT … FOR UPDATE SKIP LOCKED (a run is claimed by one process only), holds it with a lease
// that it renews while the run goes on, and claims again when it is done, when a run is
// submitted to it (wake) and every poll interval. A process that dies leaves its run with a lease
// that passes; another process (or this one, started again) then claims it and runs it from the
// start (audited `evaluation.resume`). A process that stops cleanly hands its run back to the
// queue. A run is claimed only by a process that has its input copies (`<store>/<run id>/`: one
// store shared by the processes, a shared folder across machines); one stored by another jobvej
// version is failed, naming why, as are ones whose copies are incomplete. Progress is written to
// the run row (throttled, in order, only while the lease is this process's); the result JSON
// (FORMATS.md) on success; the evaluation's input error (file and line) on failure, in which case
// the run's copies of the input files are deleted too.
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { EvaluateFiles, EvaluateOptions } from '../../evaluation/evaluate.ts';
import type { Method, Stage } from '../../evaluation/analyse.ts';
import { toJson } from '../../evaluation/report/json.ts';
import type { EvaluationOutput } from '../../evaluation/report/model.ts';
import type { WorkerInput, WorkerMessage } from './evaluation-worker.ts';
import type { Database } from '../platform/db/database.ts';
import { withTenant, type TenantContext, type Tx } from '../platform/db/tenant.ts';
import { writeSystemAudit } from '../platform/audit/audit-writer.ts';
import type { RunParameters } from '../../contract/evaluations.ts';

export interface RunJob {
  id: string;
  dir: string;
  tenant: TenantContext;
  parameters: { methods: Method[]; by: string[] };
  version: string;
}

export interface EvaluationRunner {
  /** Claim now rather than at the next poll (a run was just submitted). */
  wake(): void;
  /** Resolves when this process runs nothing and its last claim found nothing to run. */
  idle(): Promise<void>;
  /** Stop claiming; the running run's worker is terminated and the run handed back to the queue. */
  stop(): Promise<void>;
  /** This process's name in `claimed_by`. */
  readonly workerId: string;
}

export interface RunnerOptions {
  /** Runs' input copies: `<storeDir>/<run id>/{persons,weeks}.csv`. */
  storeDir: string;
  /** This jobvej's version: runs stored by another are failed (their result would not be reproducible under it). */
  version: string;
  /** How long a claim holds without being renewed (default 60 s); renewed every third of it. */
  leaseMs?: number;
  /** How often to look for a claimable run besides wake() (default 5 s). */
  pollMs?: number;
  log?: (error: unknown) => void;
  /** A claim was taken (for the server's log). */
  onClaim?: (claim: { runId: string; workerId: string; attempt: number }) => void;
}

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_POLL_MS = 5_000;
export const VERSION_CHANGED = 'jobvej was updated while this evaluation waited; start it again.';
/** The runner's claim transaction: sees every municipality's runs (migration 020's policy) and nothing else. */
const WORKER_TENANT: TenantContext = { municipalityCode: null, userId: null, role: 'evaluation_worker' };

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
function clientMessage(error: unknown, dir: string): string {
  const text = error instanceof RunInputError ? error.message : 'The evaluation failed unexpectedly.';
  return text.split(`${dir}/`).join('');
}

interface Claimed {
  job: RunJob;
  attempt: number;
}

/**
 * One claim: the oldest claimable runs (queued, or running under a passed lease) locked with SKIP
 * LOCKED, so that a run another process is claiming right now is passed over; the first whose
 * input copies are here is claimed; ones stored by another version, or with incomplete copies, are
 * failed on the way (their copies deleted after the commit).
 */
async function claimNext(db: Database, opts: Required<Pick<RunnerOptions, 'storeDir' | 'version' | 'leaseMs'>>, workerId: string): Promise<Claimed | null> {
  const discarded: string[] = [];
  const claimed = await withTenant(db, WORKER_TENANT, async (tx) => {
    const candidates = await tx
      .selectFrom('evaluation_runs')
      .select(['id', 'municipality_code', 'created_by', 'parameters', 'jobvej_version', 'status', 'attempts', 'claimed_by'])
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', sql<Date>`now()`)])])]))
      .orderBy('created_at')
      .limit(20)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const run of candidates) {
      const dir = join(opts.storeDir, run.id);
      // Another server's run (its copies are in its store): left to it.
      if (!existsSync(dir)) continue;
      const files = runFiles(dir);
      const intact = existsSync(files.persons) && existsSync(files.weeks);
      if (run.jobvej_version !== opts.version || !intact) {
        await tx
          .updateTable('evaluation_runs')
          .set({ status: 'failed', error: intact ? VERSION_CHANGED : STOPPED, finished_at: new Date(), claimed_by: null, lease_expires_at: null })
          .where('id', '=', run.id)
          .execute();
        await auditAs(tx, run.municipality_code, 'evaluation.interrupted', run.id, { storedVersion: run.jobvej_version, version: opts.version, inputsIntact: intact });
        discarded.push(dir);
        continue;
      }
      const attempt = run.attempts + 1;
      await tx
        .updateTable('evaluation_runs')
        .set({ status: 'running', stage: 'read', progress: 0, claimed_by: workerId, lease_expires_at: sql<Date>`now() + make_interval(secs => ${opts.leaseMs / 1000})`, attempts: attempt })
        .where('id', '=', run.id)
        .execute();
      // Claimed before and not finished: a process died (or stopped) during it.
      if (run.attempts > 0 || run.status === 'running') {
        await auditAs(tx, run.municipality_code, 'evaluation.resume', run.id, { attempt, previousClaim: run.claimed_by });
      }
      const tenant = { municipalityCode: run.municipality_code, userId: run.created_by, role: 'system' };
      return { job: { id: run.id, dir, tenant, parameters: run.parameters as RunParameters, version: opts.version }, attempt };
    }
    return null;
  });
  for (const dir of discarded) rmSync(dir, { recursive: true, force: true });
  return claimed;
}

/** A system audit row in the run's municipality (the audit policy takes the transaction's municipality). */
async function auditAs(tx: Tx, municipalityCode: string | null, action: 'evaluation.resume' | 'evaluation.interrupted', runId: string, detail: Record<string, unknown>): Promise<void> {
  await sql`SELECT set_config('jobvej.municipality', ${municipalityCode ?? ''}, true)`.execute(tx);
  await writeSystemAudit(tx, municipalityCode, action, 'evaluation_run', runId, detail);
}

export function createEvaluationRunner(db: Database, options: RunnerOptions): EvaluationRunner {
  const log = options.log ?? (() => {});
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const claimOptions = { storeDir: options.storeDir, version: options.version, leaseMs };
  let running: Promise<void> | null = null;
  let current: { job: RunJob; worker: Worker | null; lost: boolean } | null = null;
  let stopping = false;
  let again = false;
  let waiters: (() => void)[] = [];

  /** Writes to a run this process holds; false when the lease was lost (another process claimed it). */
  const update = (job: RunJob, values: Parameters<typeof patch>[3]) => patch(db, job, workerId, values);

  async function renew(job: RunJob): Promise<void> {
    const held = await withTenant(db, WORKER_TENANT, (tx) =>
      tx
        .updateTable('evaluation_runs')
        .set({ lease_expires_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})` })
        .where('id', '=', job.id)
        .where('claimed_by', '=', workerId)
        .where('status', '=', 'running')
        .returning('id')
        .executeTakeFirst(),
    );
    if (!held && current?.job.id === job.id) {
      // The lease passed (this process was cut off from the database for longer than it) and another process took the run.
      current.lost = true;
      void current.worker?.terminate();
    }
  }

  async function execute(job: RunJob): Promise<void> {
    current = { job, worker: null, lost: false };
    const heartbeat = setInterval(() => void renew(job).catch(log), Math.max(100, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    let writes: Promise<unknown> = Promise.resolve();
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
        if (current) current.worker = w;
      });
      await writes;
      await update(job, { status: 'done', stage: 'report', progress: 1, result: toJson(out), finished_at: new Date(), inputsCounts: out.input, release: true });
    } catch (error) {
      await writes;
      if (current?.lost) return;
      if (stopping) {
        // A clean stop: the run goes back to the queue, for another process or the next start.
        await update(job, { status: 'queued', stage: null, progress: 0, release: true });
        return;
      }
      if (!(error instanceof RunInputError)) log(error);
      rmSync(job.dir, { recursive: true, force: true });
      await update(job, { status: 'failed', error: clientMessage(error, job.dir), finished_at: new Date(), release: true });
    } finally {
      clearInterval(heartbeat);
    }
  }

  function settleWaiters(): void {
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  }

  /** Claim and run until nothing is claimable; one run at a time per process. */
  function tick(): void {
    if (stopping) return settleWaiters();
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = (async () => {
      const claim = await claimNext(db, claimOptions, workerId);
      if (!claim) return false;
      options.onClaim?.({ runId: claim.job.id, workerId, attempt: claim.attempt });
      await execute(claim.job);
      return true;
    })()
      .catch((error: unknown) => {
        log(error);
        return false;
      })
      .then((ran) => {
        running = null;
        current = null;
        if ((ran || again) && !stopping) tick();
        else settleWaiters();
      });
  }

  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();

  return {
    workerId,
    wake: tick,
    async stop() {
      stopping = true;
      clearInterval(timer);
      if (current?.worker) await current.worker.terminate();
      await running;
    },
    idle() {
      if (!running) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

async function patch(
  db: Database,
  job: RunJob,
  workerId: string,
  values: {
    status?: 'queued' | 'running' | 'done' | 'failed';
    stage?: string | null;
    progress?: number;
    result?: string;
    error?: string;
    finished_at?: Date;
    inputsCounts?: unknown;
    /** The run leaves this process (finished, failed or handed back): its claim is cleared. */
    release?: boolean;
  },
): Promise<boolean> {
  const { inputsCounts, release, ...columns } = values;
  return withTenant(db, job.tenant, async (tx) => {
    let query = tx
      .updateTable('evaluation_runs')
      .set({ ...columns, ...(release ? { claimed_by: null, lease_expires_at: null } : {}) })
      .where('id', '=', job.id)
      .where('claimed_by', '=', workerId);
    if (inputsCounts !== undefined) {
      const row = await tx.selectFrom('evaluation_runs').select('inputs').where('id', '=', job.id).executeTakeFirst();
      query = query.set({ inputs: JSON.stringify({ ...(row?.inputs as object), counts: inputsCounts }) });
    }
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
}
