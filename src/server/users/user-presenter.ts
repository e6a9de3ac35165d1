// User rows → the administration's UserAdminItem (pure), with what the caller may do to each.
import { canAdministerUser, type Actor } from '../../domain/permissions.ts';
import type { UserAdminItem } from '../../contract/types.ts';
import type { UserRow } from './user-queries.ts';

export function presentUser(row: UserRow, actor: Actor & { userId: string }): UserAdminItem {
  const mine = row.id === actor.userId;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    active: row.deactivated_at === null,
    createdAt: row.created_at.toISOString(),
    deactivatedAt: row.deactivated_at ? row.deactivated_at.toISOString() : null,
    // Never on one's own account: an administrator cannot lock themselves out or promote themselves.
    abilities: !mine && canAdministerUser(actor, { role: row.role, municipalityCode: row.municipality_code }) ? ['user.admin'] : [],
  };
}
