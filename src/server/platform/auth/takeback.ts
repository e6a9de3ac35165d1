// Take-back throttling per hand-over session, not per IP: whoever holds the tablet gets at most
// MAX_TAKEBACK_FAILURES password checks on that session. The fifth wrong password locks the
// hand-over for good (it cannot be taken back any more); the caseworker's own logins elsewhere
// are untouched, and their next login ends the locked session (endLockedHandovers).
import type { Tx } from '../db/tenant.ts';

export const MAX_TAKEBACK_FAILURES = 5;
/** The 429 detail for a locked hand-over session (take-back and everything but me and logout). */
export const HANDOVER_LOCKED = 'Too many wrong passwords: this hand-over is locked. The caseworker must log in again, which ends it';

/**
 * Count one take-back attempt before its password is verified. The UPDATE takes the session
 * row's lock and re-checks its conditions, so parallel attempts never exceed the limit.
 * False when the session is not handed over, is locked, or has used up its attempts.
 */
export async function reserveTakeback(tx: Tx, sessionId: string): Promise<boolean> {
  const row = await tx
    .updateTable('sessions')
    .set((eb) => ({ handover_attempts: eb('handover_attempts', '+', 1) }))
    .where('id', '=', sessionId)
    .where('handover_round_id', 'is not', null)
    .where('handover_locked_at', 'is', null)
    .where('handover_attempts', '<', MAX_TAKEBACK_FAILURES)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A reserved attempt had the wrong password; the last allowed one locks the hand-over. */
export async function recordTakebackFailure(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ handover_locked_at: now })
    .where('id', '=', sessionId)
    .where('handover_round_id', 'is not', null)
    .where('handover_locked_at', 'is', null)
    .where('handover_attempts', '>=', MAX_TAKEBACK_FAILURES)
    .execute();
}

/** End (delete) the user's locked hand-over sessions; their cookies get 401 from then on. */
export async function endLockedHandovers(tx: Tx, userId: string): Promise<number> {
  const result = await tx.deleteFrom('sessions').where('user_id', '=', userId).where('handover_locked_at', 'is not', null).executeTakeFirst();
  return Number(result.numDeletedRows);
}
