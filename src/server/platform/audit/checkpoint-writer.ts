// Take audit checkpoints: `jobvej audit checkpoint` once; `jobvej serve` at start, every ten
// minutes and at shutdown. A checkpoint records the chain head only when it has moved, and only
// when the head row is there with the head's hash (a checkpoint must not bless a broken head).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { readChainHead } from './chain-head.ts';
import { appendCheckpoint, lastCheckpoint, type Checkpoint } from './checkpoint-file.ts';

export type CheckpointOutcome = { status: 'written' | 'unchanged'; checkpoint: Checkpoint } | { status: 'empty' };

export class HeadMismatchError extends Error {}

/**
 * Read as the table owner. Several processes on one database may share the file (decision 031):
 * each checkpoint is taken under a transaction-scoped advisory lock, so that one process's older
 * head is never appended after another's newer one.
 * @throws HeadMismatchError when the head row is missing or has another hash.
 */
export async function takeCheckpoint(db: Kysely<DB>, file: string, now: Date = new Date()): Promise<CheckpointOutcome> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(7370628)`.execute(tx);
    return checkpointUnderLock(tx, file, now);
  });
}

async function checkpointUnderLock(db: Kysely<DB>, file: string, now: Date): Promise<CheckpointOutcome> {
  const head = await readChainHead(db);
  if (head.id === null) return { status: 'empty' };
  const row = await db.selectFrom('audit_log').select('hash').where('id', '=', head.id).executeTakeFirst();
  if (row?.hash !== head.hash) {
    throw new HeadMismatchError(`the chain head (row ${head.id}) ${row ? 'has another hash in the table' : 'is not in the table'}; no checkpoint written (run jobvej audit verify)`);
  }
  const last = lastCheckpoint(file);
  if (last && last.id === head.id && last.hash === head.hash) return { status: 'unchanged', checkpoint: last };
  const checkpoint = { id: head.id, hash: head.hash, at: now.toISOString() };
  appendCheckpoint(file, checkpoint);
  return { status: 'written', checkpoint };
}

export interface CheckpointSchedule {
  file: string;
  /** Settles when the checkpoint at start is taken (or has failed, through onError). */
  started: Promise<void>;
  /** Stop the timer and take the last checkpoint (call before closing the database). */
  stop(): Promise<void>;
}

export const CHECKPOINT_INTERVAL_MS = 10 * 60_000;

/** Checkpoints now, every interval and at stop, one at a time; failures go to `onError`. */
export function scheduleCheckpoints(db: Database, file: string, onError: (error: unknown) => void, intervalMs = CHECKPOINT_INTERVAL_MS): CheckpointSchedule {
  let queue: Promise<void> = Promise.resolve();
  const take = (): Promise<void> => {
    queue = queue.then(() => takeCheckpoint(db.kysely, file)).then(() => undefined, onError);
    return queue;
  };
  const started = take();
  const timer = setInterval(() => void take(), intervalMs);
  timer.unref();
  return {
    file,
    started,
    async stop() {
      clearInterval(timer);
      await take();
    },
  };
}
