// The caseload's reads (decision 026): the citizens that match the filters the database can
// apply — scope (mine / all / unassigned), one caseworker, target group, an active enrolment in a
// package, a name or the CPR's last four digits through their keyed hash — each with the names of
// their caseworker and company consultant; the colleagues one can assign. Row-level security limits
// every citizen query to the caller's municipality; the users are read for that municipality only.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import { citizenQuery, type CitizenRow } from './citizen-queries.ts';

export interface CaseloadFilter {
  scope: 'mine' | 'all' | 'unassigned';
  /** The caller (for `mine`): the citizen's caseworker or company consultant. */
  userId: string;
  caseworkerId?: string | undefined;
  targetGroup?: 'broad' | 'selected' | undefined;
  packageId?: string | undefined;
  /** Any part of the name, case-insensitive. */
  name?: string | undefined;
  /** The keyed hash of the CPR's last four digits (CprVault.tailHash). */
  cprTailHash?: string | undefined;
}

export type CaseloadRow = CitizenRow & {
  caseworker_id: string | null;
  caseworker_name: string | null;
  consultant_id: string | null;
  consultant_name: string | null;
};

/** LIKE's wildcards taken literally: a search for "50%" or "a_b" means those characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function caseloadRows(tx: Tx, filter: CaseloadFilter): Promise<CaseloadRow[]> {
  let query = citizenQuery(tx)
    .leftJoin('users as cw', 'cw.id', 'c.caseworker_id')
    .leftJoin('users as co', 'co.id', 'c.consultant_id')
    .select(['c.caseworker_id', 'cw.display_name as caseworker_name', 'c.consultant_id', 'co.display_name as consultant_name']);
  if (filter.scope === 'mine') query = query.where((eb) => eb.or([eb('c.caseworker_id', '=', filter.userId), eb('c.consultant_id', '=', filter.userId)]));
  if (filter.scope === 'unassigned') query = query.where('c.caseworker_id', 'is', null);
  if (filter.caseworkerId) query = query.where('c.caseworker_id', '=', filter.caseworkerId);
  if (filter.targetGroup) query = query.where('c.target_group', '=', filter.targetGroup);
  if (filter.packageId) {
    const packageId = filter.packageId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('package_enrolments as e')
          .select(sql`1`.as('one'))
          .whereRef('e.citizen_id', '=', 'c.id')
          .where('e.package_id', '=', packageId)
          .where('e.status', '=', 'active'),
      ),
    );
  }
  if (filter.name) query = query.where(sql<boolean>`c.name ILIKE ${likePattern(filter.name)} ESCAPE '\\'`);
  if (filter.cprTailHash) query = query.where('c.cpr_tail_hash', '=', filter.cprTailHash);
  return query.execute();
}

export interface Colleague {
  id: string;
  name: string;
}

/** The active users of a role in the municipality, by name. */
export async function colleagues(tx: Tx, municipalityCode: string, role: 'caseworker' | 'company_consultant'): Promise<Colleague[]> {
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('municipality_code', '=', municipalityCode)
    .where('role', '=', role)
    .where('deactivated_at', 'is', null)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** An active user of the role in the municipality, or undefined. */
export async function activeColleague(tx: Tx, municipalityCode: string, role: 'caseworker' | 'company_consultant', id: string): Promise<Colleague | undefined> {
  const row = await tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .where('municipality_code', '=', municipalityCode)
    .where('role', '=', role)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, name: row.display_name };
}
