// Reads of user accounts for their administration. The users table is readable by the app role
// (signing in reads it before there is a tenant), so every query here names the municipality it
// may see: a manager's own, or any for the national administrator (scopeOf).
import type { Tx } from '../platform/db/tenant.ts';
import type { Role } from '../platform/db/schema.ts';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  municipality_code: string | null;
  municipality_name: string | null;
  created_at: Date;
  deactivated_at: Date | null;
}

/** Which accounts a caller administers: every municipality's (null) or one. */
export type UserScope = { municipalityCode: string | null };

function userQuery(tx: Tx, scope: UserScope) {
  let query = tx
    .selectFrom('users as u')
    .leftJoin('municipalities as m', 'm.code', 'u.municipality_code')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.municipality_code', 'm.name as municipality_name', 'u.created_at', 'u.deactivated_at']);
  if (scope.municipalityCode !== null) query = query.where('u.municipality_code', '=', scope.municipalityCode);
  return query;
}

export const USERS_PAGE_SIZE = 50;

export async function listUsers(tx: Tx, scope: UserScope, page: number): Promise<{ rows: UserRow[]; total: number }> {
  const count = await tx
    .selectFrom('users as u')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .$if(scope.municipalityCode !== null, (q) => q.where('u.municipality_code', '=', scope.municipalityCode))
    .executeTakeFirstOrThrow();
  const rows = await userQuery(tx, scope)
    .orderBy('u.municipality_code')
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .execute();
  return { rows, total: Number(count.n) };
}

/** The account, if the scope may see it (another municipality's account is not found). */
export async function findUser(tx: Tx, scope: UserScope, id: string): Promise<UserRow | undefined> {
  return userQuery(tx, scope).where('u.id', '=', id).executeTakeFirst();
}

export async function municipalitiesIn(tx: Tx, scope: UserScope): Promise<{ code: string; name: string }[]> {
  let query = tx.selectFrom('municipalities').select(['code', 'name']).orderBy('name').orderBy('code');
  if (scope.municipalityCode !== null) query = query.where('code', '=', scope.municipalityCode);
  return query.execute();
}
