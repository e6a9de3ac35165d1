// For the audit tests: write chain rows, and tamper with them the ways the table owner or a
// superuser can (the trigger switched off, session_replication_role = replica, rows forged and
// the whole chain re-hashed), so the tests can show that `jobvej audit verify` notices.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { writeAudit } from './audit-writer.ts';
import { readRows, rowHash } from './chain-rows.ts';

export const actorIn = (municipalityCode: string) => ({ userId: '00000000-0000-4000-8000-000000000001', role: 'caseworker', municipalityCode });

/** `count` audit rows, one transaction each; returns their ids in order. */
export async function writeRows(db: Database, count: number, municipalityCode = '607'): Promise<string[]> {
  const actor = actorIn(municipalityCode);
  for (let i = 0; i < count; i += 1) {
    await withTenant(db, actor, (tx) => writeAudit(tx, actor, 'citizen.view', 'citizen', `c-${i}`, { n: i }));
  }
  return ids(db);
}

export async function ids(db: Database): Promise<string[]> {
  return (await sql<{ id: string }>`SELECT id::text AS id FROM audit_log ORDER BY audit_log.id`.execute(db.kysely)).rows.map((row) => row.id);
}

/** An audit write whose transaction rolls back: its id is used up, the chain is not touched. */
export async function rolledBackWrite(db: Database): Promise<void> {
  const actor = actorIn('607');
  await withTenant(db, actor, async (tx) => {
    await writeAudit(tx, actor, 'citizen.view', 'citizen', 'rolled-back');
    throw new Error('roll back');
  }).catch(() => undefined);
}

async function withoutTriggers(db: Database, work: (tx: Kysely<DB>) => Promise<void>): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER ALL`.execute(tx);
    await work(tx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER ALL`.execute(tx);
  });
}

/** The owner's edit: trigger off, one row's detail changed, trigger on (hash left as it was). */
export async function editDetail(db: Database, id: string, detail: Record<string, unknown>): Promise<void> {
  await withoutTriggers(db, async (tx) => {
    await sql`UPDATE audit_log SET detail = ${JSON.stringify(detail)}::jsonb WHERE id = ${id}::bigint`.execute(tx);
  });
}

/** The superuser's delete: triggers do not fire under session_replication_role = replica. */
export async function deleteRow(db: Database, id: string): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await sql`DELETE FROM audit_log WHERE id = ${id}::bigint`.execute(tx);
  });
}

/** Re-hash rows from `from` on in id order, each linked to the one before (as a forger would). */
async function rehashFrom(tx: Kysely<DB>, from: string): Promise<void> {
  const before = (await sql<{ hash: string }>`SELECT hash FROM audit_log WHERE id < ${from}::bigint ORDER BY id DESC LIMIT 1`.execute(tx)).rows[0];
  let prev = before?.hash ?? '0'.repeat(64);
  let lastId = '';
  for (const row of await readRows(tx, BigInt(from), null, 1_000_000)) {
    const hash = rowHash(prev, row.fields);
    await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${row.id}::bigint`.execute(tx);
    prev = hash;
    lastId = row.id;
  }
  if (lastId) await sql`UPDATE audit_chain_head SET hash = ${prev}, last_id = ${lastId}::bigint WHERE id`.execute(tx);
}

/** A forged row with the given id and link, its own hash computed correctly. */
export async function insertForged(db: Database, id: string, prevHash: string): Promise<void> {
  await withoutTriggers(db, async (tx) => {
    await sql`INSERT INTO audit_log (id, actor_user_id, actor_role, municipality_code, action, entity, entity_id, detail, prev_hash, hash)
      VALUES (${id}::bigint, NULL, 'system', '607', 'citizen.view', 'citizen', 'forged', '{}'::jsonb, ${prevHash}, '')`.execute(tx);
    const [row] = await readRows(tx, BigInt(id), BigInt(id) + 1n, 1);
    if (!row) throw new Error('forged row not written');
    await sql`UPDATE audit_log SET hash = ${rowHash(prevHash, row.fields)} WHERE id = ${id}::bigint`.execute(tx);
  });
}

/** The whole forgery: one row's detail changed and every row from it on re-hashed, the head table too. */
export async function rewriteChain(db: Database, id: string, detail: Record<string, unknown>): Promise<void> {
  await withoutTriggers(db, async (tx) => {
    await sql`UPDATE audit_log SET detail = ${JSON.stringify(detail)}::jsonb WHERE id = ${id}::bigint`.execute(tx);
    await rehashFrom(tx, id);
  });
}

export async function hashOf(db: Database, id: string): Promise<string> {
  return (await sql<{ hash: string }>`SELECT hash FROM audit_log WHERE id = ${id}::bigint`.execute(db.kysely)).rows[0]?.hash ?? '';
}
