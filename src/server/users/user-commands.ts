// Changes to user accounts (decision 026): create (with a one-time password), change name, role
// or municipality, deactivate (its sessions end at once) and reactivate, reset the password (a new
// one-time password; the sessions end). Each records its audit event on the trail — never a
// password, in clear or hashed. Who may touch which account is canAdministerUser (src/domain);
// an account outside the caller's reach is not found (404), like another municipality's citizen.
import { randomInt } from 'node:crypto';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { conflictOnUnique } from '../platform/db/unique-conflict.ts';
import { ApiError } from '../platform/http/errors.ts';
import { DomainError } from '../../domain/errors.ts';
import { canAdministerUser, type Actor } from '../../domain/permissions.ts';
import type { Role } from '../platform/db/schema.ts';
import { MUNICIPALITY_MESSAGE, roleMunicipalityAgree } from '../../contract/users.ts';
import { findUser, type UserRow, type UserScope } from './user-queries.ts';

export type AdminActor = Actor & { userId: string };

/** The accounts a caller may see: the national administrator every municipality's, a manager their own. */
export function scopeOf(actor: AdminActor): UserScope {
  return { municipalityCode: actor.role === 'admin' ? null : actor.municipalityCode };
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 14 characters from 31 without look-alikes (about 69 bits): read aloud or typed once, then changed. */
export function oneTimePassword(): string {
  let out = '';
  for (let i = 0; i < 14; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

function refuseTarget(actor: AdminActor, target: { role: Role; municipalityCode: string | null }): void {
  if (!canAdministerUser(actor, target)) throw new ApiError('forbidden', 'You may not give an account this role or municipality');
}

async function existingMunicipality(tx: Tx, code: string | null): Promise<void> {
  if (code === null) return;
  const found = await tx.selectFrom('municipalities').select('code').where('code', '=', code).executeTakeFirst();
  if (!found) throw new DomainError('invalid', 'Invalid user', [{ field: 'municipalityCode', message: 'No such municipality' }]);
}

/** The account the caller may administer, or 404 (not theirs to see) / 403 (seen, but not theirs to change: their own). */
async function administrable(tx: Tx, actor: AdminActor, id: string): Promise<UserRow> {
  const row = await findUser(tx, scopeOf(actor), id);
  if (!row || !canAdministerUser(actor, { role: row.role, municipalityCode: row.municipality_code })) throw new DomainError('not_found', 'No such user');
  if (row.id === actor.userId) throw new ApiError('forbidden', 'You cannot change your own account here');
  return row;
}

async function endSessions(tx: Tx, userId: string): Promise<number> {
  const ended = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(ended.numDeletedRows);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  municipalityCode: string | null;
}

export async function createUser(tx: Tx, trail: AuditTrail, actor: AdminActor, input: NewUser): Promise<{ id: string; password: string }> {
  refuseTarget(actor, input);
  await existingMunicipality(tx, input.municipalityCode);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const row = await conflictOnUnique('A user with this user name exists', async () => {
    const taken = await tx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new DomainError('conflict', 'A user with this user name exists');
    return tx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, role: input.role, municipality_code: input.municipalityCode, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  trail.record('user.create', 'user', row.id, { username: input.username, role: input.role, municipalityCode: input.municipalityCode });
  return { id: row.id, password };
}

export interface UserChange {
  displayName?: string | undefined;
  role?: Role | undefined;
  municipalityCode?: string | null | undefined;
}

export async function changeUser(tx: Tx, trail: AuditTrail, actor: AdminActor, id: string, change: UserChange): Promise<void> {
  const row = await administrable(tx, actor, id);
  const after = {
    displayName: change.displayName ?? row.display_name,
    role: change.role ?? row.role,
    municipalityCode: change.municipalityCode === undefined ? row.municipality_code : change.municipalityCode,
  };
  if (!roleMunicipalityAgree(after.role, after.municipalityCode)) throw new DomainError('invalid', 'Invalid user', [{ field: 'municipalityCode', message: MUNICIPALITY_MESSAGE }]);
  refuseTarget(actor, after);
  await existingMunicipality(tx, after.municipalityCode);
  try {
    await tx
      .updateTable('users')
      .set({ display_name: after.displayName, role: after.role, municipality_code: after.municipalityCode })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    // A citizen's caseworker or consultant belongs to the citizen's municipality (migration 018's foreign keys).
    if ((error as { code?: unknown }).code === '23503') {
      throw new DomainError('conflict', 'The user is responsible for citizens in their municipality: assign those citizens to someone else first');
    }
    throw error;
  }
  // A new role or municipality changes what the sessions may do: they end, the user signs in again.
  if (after.role !== row.role || after.municipalityCode !== row.municipality_code) await endSessions(tx, id);
  trail.record('user.update', 'user', id, {
    before: { displayName: row.display_name, role: row.role, municipalityCode: row.municipality_code },
    after,
  });
}

export async function setActive(tx: Tx, trail: AuditTrail, actor: AdminActor, id: string, active: boolean, now: Date): Promise<void> {
  const row = await administrable(tx, actor, id);
  const isActive = row.deactivated_at === null;
  if (isActive === active) return void trail.record(active ? 'user.reactivate' : 'user.deactivate', 'user', id, { unchanged: true });
  await tx.updateTable('users').set({ deactivated_at: active ? null : now }).where('id', '=', id).execute();
  const sessionsEnded = active ? 0 : await endSessions(tx, id);
  trail.record(active ? 'user.reactivate' : 'user.deactivate', 'user', id, active ? {} : { sessionsEnded });
}

export async function resetPassword(tx: Tx, trail: AuditTrail, actor: AdminActor, id: string): Promise<string> {
  await administrable(tx, actor, id);
  const password = oneTimePassword();
  await tx.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', id).execute();
  const sessionsEnded = await endSessions(tx, id);
  trail.record('user.password_reset', 'user', id, { sessionsEnded });
  return password;
}
