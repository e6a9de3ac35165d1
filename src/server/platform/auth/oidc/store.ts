// The database side of the OIDC sign-in (migration 021): the flows begun, the identities
// provisioned and the sessions' ID tokens. Every function takes the caller's transaction.
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/tenant.ts';
import type { MappedUser } from './claims.ts';
import type { Role } from '../../../../domain/permissions.ts';

type OidcTables = {
  oidc_flows: { state_hash: string; provider_id: string; browser_hash: string; nonce: string; code_verifier: string; expires_at: Date };
  oidc_identities: { issuer: string; subject: string; user_id: string; provider_id: string };
  oidc_sessions: { session_id: string; provider_id: string; id_token: string };
};

/** The tables of migration 021 beside the app's (kept here: they are this module's alone). */
function oidcTx(tx: Tx) {
  return tx.withTables<OidcTables>();
}

export const FLOW_TTL_MS = 10 * 60 * 1000;

/**
 * A provisioned user's password hash: not an argon2 hash, so no password ever verifies against it
 * (passwords.ts answers false) and the account signs in only through its IdP.
 */
export const NO_PASSWORD = '!oidc';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export async function saveFlow(tx: Tx, flow: { state: string; providerId: string; browser: string; nonce: string; codeVerifier: string }, now: Date): Promise<void> {
  const db = oidcTx(tx);
  await db.deleteFrom('oidc_flows').where('expires_at', '<', now).execute();
  await db
    .insertInto('oidc_flows')
    .values({ state_hash: sha256(flow.state), provider_id: flow.providerId, browser_hash: sha256(flow.browser), nonce: flow.nonce, code_verifier: flow.codeVerifier, expires_at: new Date(now.getTime() + FLOW_TTL_MS) })
    .execute();
}

/** The flow of this state, used up (deleted) whether or not it matches: a state works once. */
export async function takeFlow(tx: Tx, state: string, browser: string | undefined, providerId: string, now: Date): Promise<{ nonce: string; codeVerifier: string } | null> {
  const row = await oidcTx(tx).deleteFrom('oidc_flows').where('state_hash', '=', sha256(state)).returningAll().executeTakeFirst();
  if (!row || row.expires_at.getTime() <= now.getTime() || row.provider_id !== providerId) return null;
  if (browser === undefined || sha256(browser) !== row.browser_hash) return null;
  return { nonce: row.nonce, codeVerifier: row.code_verifier };
}

export type Provisioned =
  | { userId: string; role: Role; municipalityCode: string; created: boolean; changed: { role?: [Role, Role]; displayName?: true } }
  | { refused: 'deactivated' | 'municipality' };

/**
 * The user of this IdP subject: found by (issuer, sub) and brought in line with the IdP (role from
 * its groups, display name), or created on the first sign-in. A user never changes municipality
 * (their citizens' assignments name it): a subject that now maps elsewhere is refused.
 */
export async function provisionUser(tx: Tx, providerId: string, issuer: string, mapped: MappedUser): Promise<Provisioned> {
  const db = oidcTx(tx);
  const identity = await db.selectFrom('oidc_identities').select('user_id').where('issuer', '=', issuer).where('subject', '=', mapped.subject).executeTakeFirst();
  if (identity) {
    const user = await tx.selectFrom('users').select(['id', 'role', 'display_name', 'municipality_code', 'deactivated_at']).where('id', '=', identity.user_id).executeTakeFirstOrThrow();
    if (user.deactivated_at !== null) return { refused: 'deactivated' };
    if (user.municipality_code !== mapped.municipalityCode) return { refused: 'municipality' };
    const changed: { role?: [Role, Role]; displayName?: true } = {};
    if (user.role !== mapped.role) changed.role = [user.role, mapped.role];
    if (user.display_name !== mapped.displayName) changed.displayName = true;
    if (changed.role || changed.displayName) {
      await tx.updateTable('users').set({ role: mapped.role, display_name: mapped.displayName }).where('id', '=', user.id).execute();
    }
    return { userId: user.id, role: mapped.role, municipalityCode: mapped.municipalityCode, created: false, changed };
  }
  // The IdP's user name may already be someone's (a renamed account): then the subject names the user.
  let username = mapped.username;
  if (await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) {
    username = `${providerId}:${mapped.subject.toLowerCase()}`.slice(0, 200);
  }
  const user = await tx
    .insertInto('users')
    .values({ username, display_name: mapped.displayName, password_hash: NO_PASSWORD, role: mapped.role, municipality_code: mapped.municipalityCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('oidc_identities').values({ issuer, subject: mapped.subject, user_id: user.id, provider_id: providerId }).execute();
  return { userId: user.id, role: mapped.role, municipalityCode: mapped.municipalityCode, created: true, changed: {} };
}

export async function saveSessionToken(tx: Tx, sessionId: string, providerId: string, idToken: string): Promise<void> {
  await oidcTx(tx).insertInto('oidc_sessions').values({ session_id: sessionId, provider_id: providerId, id_token: idToken }).execute();
}

export interface SessionIdToken {
  providerId: string;
  idToken: string;
}

export async function sessionToken(tx: Tx, sessionId: string): Promise<SessionIdToken | null> {
  const row = await oidcTx(tx).selectFrom('oidc_sessions').select(['provider_id', 'id_token']).where('session_id', '=', sessionId).executeTakeFirst();
  return row ? { providerId: row.provider_id, idToken: row.id_token } : null;
}
