// Who looked at a citizen: the audit rows about the citizen (entity `citizen`, this id), the rows
// about their rounds, offers, outcomes and enrolments (detail.citizenId) and the list reads whose
// detail.citizenIds name them, newest first, with the actor's display name.
// Runs in the caller's tenant transaction: row-level security shows the municipality's rows only.
// The matching is in audit_citizen_rows (migration 013), so that it can use the indexes.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { AccessLogEntry } from '../../contract/audit.ts';

export const ACCESS_LOG_PAGE = 100;

export async function citizenAccessLog(tx: Tx, citizenId: string, before?: string): Promise<{ entries: AccessLogEntry[]; nextBefore: string | null }> {
  const rows = await tx
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.at', 'a.action', 'a.actor_user_id', 'a.actor_role', 'a.entity', 'a.entity_id', 'u.display_name'])
    .select(sql<string | null>`a.detail ->> 'citizenId'`.as('detail_citizen_id'))
    // The ids through the indexes (migration 013, the transaction's municipality only); the rows
    // themselves under row-level security.
    .where('a.id', '=', sql<string>`ANY(ARRAY(SELECT audit_citizen_rows(${citizenId}, ${before ?? null}::bigint, ${ACCESS_LOG_PAGE + 1})))`)
    .orderBy('a.id', 'desc')
    .limit(ACCESS_LOG_PAGE + 1)
    .execute();
  const page = rows.slice(0, ACCESS_LOG_PAGE);
  return {
    entries: page.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      action: row.action,
      actorUserId: row.actor_user_id,
      actorName: row.display_name,
      actorRole: row.actor_role,
      via: row.entity === 'citizen' && row.entity_id === citizenId ? 'entity' : row.detail_citizen_id === citizenId ? 'related' : 'list',
    })),
    nextBefore: rows.length > ACCESS_LOG_PAGE ? (page.at(-1)?.id ?? null) : null,
  };
}
