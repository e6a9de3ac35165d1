// Server-side sessions: the cookie holds a random 32-byte token; the database holds only its
// sha256, the user, a CSRF token and the handover lock (with its take-back attempts, takeback.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../db/tenant.ts';
import type { Role } from '../db/schema.ts';

export const SESSION_COOKIE = 'jv_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface Handover {
  roundId: string;
  citizenId: string;
  language: string;
}

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  /** `locked`: too many wrong take-back passwords; the hand-over cannot be taken back. */
  handover: (Handover & { locked: boolean }) | null;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    municipalityCode: string | null;
    municipalityName: string | null;
    passwordHash: string;
  };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(tx: Tx, userId: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  await tx.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<', now).execute();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await tx
    .insertInto('sessions')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(now.getTime() + SESSION_TTL_MS),
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(tx: Tx, token: string, now: Date): Promise<SessionUser | null> {
  const row = await tx
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('municipalities as m', 'm.code', 'u.municipality_code')
    .select([
      's.id as sessionId',
      's.csrf_token',
      's.expires_at',
      's.handover_round_id',
      's.handover_citizen_id',
      's.handover_language',
      's.handover_locked_at',
      'u.id as userId',
      'u.username',
      'u.display_name',
      'u.role',
      'u.municipality_code',
      'u.password_hash',
      'm.name as municipality_name',
    ])
    .where('s.token_hash', '=', tokenHash(token))
    // A deactivated user's sessions are deleted with the deactivation; this holds even for one that was not.
    .where('u.deactivated_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= now.getTime()) return null;
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrf_token,
    handover:
      row.handover_round_id && row.handover_citizen_id
        ? {
            roundId: row.handover_round_id,
            citizenId: row.handover_citizen_id,
            language: row.handover_language ?? 'da',
            locked: row.handover_locked_at !== null,
          }
        : null,
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      municipalityCode: row.municipality_code,
      municipalityName: row.municipality_name,
      passwordHash: row.password_hash,
    },
  };
}

export async function deleteSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Hand the session over (or end the hand-over); either way its take-back attempts start again. */
export async function setHandover(tx: Tx, sessionId: string, handover: Handover | null): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({
      handover_round_id: handover?.roundId ?? null,
      handover_citizen_id: handover?.citizenId ?? null,
      handover_language: handover?.language ?? null,
      handover_attempts: 0,
      handover_locked_at: null,
    })
    .where('id', '=', sessionId)
    .execute();
}
