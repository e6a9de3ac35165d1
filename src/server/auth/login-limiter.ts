// Login rate limit stored in the database (shared by all processes): at most MAX_FAILURES
// failed attempts per username + IP within WINDOW_MS; then 429 until the window has passed.
import type { Tx } from '../db/tenant.ts';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

export async function isLimited(tx: Tx, username: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const row = await tx
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('username', '=', username.toLowerCase())
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n) >= MAX_FAILURES;
}

export async function recordAttempt(tx: Tx, username: string, ip: string, succeeded: boolean, now: Date): Promise<void> {
  const key = username.toLowerCase();
  // Keep the table small: attempts older than a day matter to no limit.
  await tx.deleteFrom('login_attempts').where('username', '=', key).where('at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000)).execute();
  await tx.insertInto('login_attempts').values({ username: key, ip, succeeded, at: now }).execute();
}
