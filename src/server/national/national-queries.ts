// The national view's raw counts, made by the database function national_quarter_counts
// (migration 014: counts only, only for a national administrator's transaction), and the
// municipalities they are shown for. Nothing here leaves the server unsuppressed.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';

export interface QuarterCountRow {
  municipality_code: string;
  quarter: number;
  gender: 'F' | 'M';
  in_programme: number;
  exits_to_job: number;
}

export async function quarterCounts(tx: Tx, year: number): Promise<QuarterCountRow[]> {
  const res = await sql<{ municipality_code: string; quarter: number; gender: 'F' | 'M'; in_programme: string | number; exits_to_job: string | number }>`
    SELECT municipality_code, quarter, gender, in_programme, exits_to_job FROM national_quarter_counts(${year}::integer)`.execute(tx);
  return res.rows.map((r) => ({ ...r, quarter: Number(r.quarter), in_programme: Number(r.in_programme), exits_to_job: Number(r.exits_to_job) }));
}

export async function municipalities(tx: Tx): Promise<{ code: string; name: string }[]> {
  return tx.selectFrom('municipalities').select(['code', 'name']).orderBy('code').execute();
}
