// Login rate limit stored in the database (shared by all processes): at most MAX_FAILURES
// failed attempts per username + IP within WINDOW_MS; then 429 until the window has passed.
//
// Check and record are one step, taken before the password is verified: `reserveAttempt`
// serialises the attempts of one username + IP with a transaction-scoped advisory lock, counts
// the failures in the window and records this attempt as failed. Its transaction commits before
// the (slow) argon2 verification, so the next attempt, waiting on the lock, counts it; a right
// password then marks the attempt succeeded. Parallel bursts therefore get at most MAX_FAILURES
// verifications. The count runs after the lock in its own statement, which under READ COMMITTED
// (the default; withTenant does not raise it) sees every attempt committed before the lock.
import { sql } from 'kysely';
import type { Tx } from '../db/tenant.ts';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Record one attempt as failed unless the limit is reached; its id, or null when limited. */
export async function reserveAttempt(tx: Tx, username: string, ip: string, now: Date): Promise<string | null> {
  const key = username.toLowerCase();
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`login:${key}|${ip}`}, 0))`.execute(tx);
  const row = await tx
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('username', '=', key)
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', new Date(now.getTime() - WINDOW_MS))
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= MAX_FAILURES) return null;
  // Keep the table small: attempts older than a day matter to no limit.
  await tx.deleteFrom('login_attempts').where('username', '=', key).where('at', '<', new Date(now.getTime() - KEEP_MS)).execute();
  const inserted = await tx.insertInto('login_attempts').values({ username: key, ip, succeeded: false, at: now }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** The password of a reserved attempt was right: it no longer counts as a failure. */
export async function markSucceeded(tx: Tx, attemptId: string): Promise<void> {
  await tx.updateTable('login_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
}
