// Audit rows as the chain hashes them, read as the table owner, and the hash recomputed here
// (never by a database function the owner could replace): sha256 of prev_hash | id | epoch |
// actor user | actor role | municipality | action | entity | entity id | detail, exactly as the
// trigger audit_log_chain (migrations 003, 011) computes it.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
  id: string;
  prevHash: string;
  hash: string;
  /** The hashed fields after prev_hash, as the database renders them to text. */
  fields: string[];
}

interface RawRow {
  id: string;
  prev_hash: string;
  hash: string;
  epoch: string;
  actor_user_id: string;
  actor_role: string;
  municipality_code: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
}

export function rowHash(prevHash: string, fields: readonly string[]): string {
  return createHash('sha256').update([prevHash, ...fields].join('|'), 'utf8').digest('hex');
}

function toRow(raw: RawRow): ChainRow {
  return {
    id: raw.id,
    prevHash: raw.prev_hash,
    hash: raw.hash,
    fields: [raw.id, raw.epoch, raw.actor_user_id, raw.actor_role, raw.municipality_code, raw.action, raw.entity, raw.entity_id, raw.detail],
  };
}

const columns = sql`id::text AS id, prev_hash, hash, extract(epoch FROM at)::text AS epoch,
  coalesce(actor_user_id::text, '') AS actor_user_id, coalesce(actor_role, '') AS actor_role,
  coalesce(municipality_code, '') AS municipality_code, action, entity, coalesce(entity_id, '') AS entity_id,
  detail::text AS detail`;

/** Up to `limit` rows with from <= id < below (below null: no upper bound), in id order. */
export async function readRows(db: Kysely<DB>, from: bigint, below: bigint | null, limit: number): Promise<ChainRow[]> {
  const upper = below === null ? sql`` : sql`AND id < ${below.toString()}::bigint`;
  const result = await sql<RawRow>`SELECT ${columns} FROM audit_log WHERE id >= ${from.toString()}::bigint ${upper} ORDER BY audit_log.id LIMIT ${limit}`.execute(db);
  return result.rows.map(toRow);
}

/** Ids of rows whose hash, or whose prev_hash, is the given one (for naming a break in the chain). */
export async function idsWhere(db: Kysely<DB>, column: 'hash' | 'prev_hash', value: string): Promise<bigint[]> {
  const rows = await db.selectFrom('audit_log').select(sql<string>`id::text`.as('id')).where(column, '=', value).orderBy('audit_log.id').limit(100).execute();
  return rows.map((row) => BigInt(row.id));
}

/** The smallest id above the given one, or null. */
export async function nextId(db: Kysely<DB>, after: bigint): Promise<bigint | null> {
  const row = await db.selectFrom('audit_log').select(sql<string>`min(id)::text`.as('id')).where('id', '>', after.toString()).executeTakeFirst();
  return row?.id ? BigInt(row.id) : null;
}
