// Reads of citizens with their round counts. Row-level security limits every query to the
// caller's municipality; no WHERE on municipality is needed (or trusted) here.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { CitizensTable } from '../platform/db/schema.ts';
import { ROUND_COLUMNS, type RoundRow } from '../rounds/index.ts';

/** A citizen as read: the table's columns with the id, the round count and the last round's date. */
export type CitizenRow = Omit<CitizensTable, 'id' | 'created_at' | 'caseworker_id' | 'consultant_id' | 'cpr_tail_hash' | 'deadline_epoch'> & {
  id: string;
  round_count: number;
  last_round_date: string | null;
};

export function citizenQuery(tx: Tx) {
  return tx
    .selectFrom('citizens as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('fip_rounds')
          .select(['citizen_id', sql<number>`count(*)::int`.as('round_count'), sql<string>`max(started_on)::text`.as('last_round_date')])
          .groupBy('citizen_id')
          .as('r'),
      (join) => join.onRef('r.citizen_id', '=', 'c.id'),
    )
    .select([
      'c.id',
      'c.municipality_code',
      'c.name',
      'c.cpr_encrypted',
      'c.cpr_hash',
      'c.gender',
      'c.birth_date',
      'c.origin_country',
      'c.arrival_date',
      'c.takeover_date',
      'c.language',
      'c.target_group',
      sql<number>`coalesce(r.round_count, 0)`.as('round_count'),
      sql<string | null>`r.last_round_date`.as('last_round_date'),
    ]);
}

export async function findCitizen(tx: Tx, id: string): Promise<CitizenRow | undefined> {
  return citizenQuery(tx).where('c.id', '=', id).executeTakeFirst();
}

export async function roundsOf(tx: Tx, citizenId: string): Promise<RoundRow[]> {
  return tx.selectFrom('fip_rounds').select(ROUND_COLUMNS).where('citizen_id', '=', citizenId).orderBy('round_no').execute();
}

export async function findRound(tx: Tx, roundId: string) {
  return tx
    .selectFrom('fip_rounds')
    .select([...ROUND_COLUMNS, 'municipality_code'])
    .where('id', '=', roundId)
    .executeTakeFirst();
}
