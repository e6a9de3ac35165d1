// The audit chain verifier on both database kinds: intact chains, and each tampering the table
// owner or a superuser can do, named by row id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databases, type TestDatabase } from '../db/testing.ts';
import { withTenant } from '../db/tenant.ts';
import { writeAudit } from './audit-writer.ts';
import { verifyChain, VerifyUsageError } from './chain-verifier.ts';
import { GENESIS_HASH, readRows, rowHash } from './chain-rows.ts';
import { actorIn, deleteRow, editDetail, hashOf, ids, insertForged, rewriteChain, rolledBackWrite, writeRows } from './audit-testing.ts';

describe.each(databases)('audit chain verifier on %s', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  it('finds an empty chain and a normal one intact, rolled-back writes included, and names the head', async () => {
    expect(await verifyChain(t.db.kysely)).toMatchObject({ problem: null, rows: 0, head: { id: null, hash: GENESIS_HASH } });
    await writeRows(t.db, 3, '607');
    await rolledBackWrite(t.db);
    await writeRows(t.db, 3, '727');
    const all = await ids(t.db);
    expect(all).toHaveLength(6);
    expect(BigInt(all[3] ?? 0) - BigInt(all[2] ?? 0)).toBe(2n); // the rolled-back write's id is a gap, not a break
    const verdict = await verifyChain(t.db.kysely, { batchSize: 2 });
    expect(verdict).toMatchObject({ problem: null, rows: 6, head: { id: all[5], hash: await hashOf(t.db, all[5] ?? '') } });
    expect(await verifyChain(t.db.kysely, { from: all[3] })).toMatchObject({ problem: null, rows: 3 });
  });

  it('names a row the owner edited with the trigger disabled', async () => {
    const all = await writeRows(t.db, 5);
    await editDetail(t.db, all[2] ?? '', { n: 99 });
    expect((await verifyChain(t.db.kysely)).problem).toMatchObject({ kind: 'edited', id: all[2] });
  });

  it('names a row a superuser deleted under session_replication_role = replica', async () => {
    const all = await writeRows(t.db, 5);
    await deleteRow(t.db, all[2] ?? '');
    expect(await ids(t.db)).toHaveLength(4);
    expect((await verifyChain(t.db.kysely)).problem).toMatchObject({ kind: 'deleted', id: all[2] });
  });

  it('names the last row deleted: the head the trigger recorded is gone', async () => {
    const all = await writeRows(t.db, 4);
    await deleteRow(t.db, all[3] ?? '');
    expect((await verifyChain(t.db.kysely)).problem).toMatchObject({ kind: 'deleted', id: all[3] });
  });

  it('names a row inserted in the middle, linked to the row before it or not', async () => {
    await writeRows(t.db, 2);
    await rolledBackWrite(t.db);
    await writeRows(t.db, 1);
    await rolledBackWrite(t.db);
    const all = await writeRows(t.db, 1);
    // Ids 3 and 5 are free (rolled back); forge rows into both.
    expect(all).toEqual(['1', '2', '4', '6']);
    await insertForged(t.db, '3', await hashOf(t.db, '2'));
    expect((await verifyChain(t.db.kysely)).problem).toMatchObject({ kind: 'inserted', id: '3' });
    await t.db.execScript('ALTER TABLE audit_log DISABLE TRIGGER ALL; DELETE FROM audit_log WHERE id = 3; ALTER TABLE audit_log ENABLE TRIGGER ALL;');
    expect((await verifyChain(t.db.kysely)).problem).toBeNull();
    await insertForged(t.db, '5', 'f'.repeat(64));
    expect((await verifyChain(t.db.kysely)).problem).toMatchObject({ kind: 'inserted', id: '5' });
  });

  it('catches a fully re-hashed chain only against a checkpoint, naming the checkpointed row', async () => {
    const first = await writeRows(t.db, 3);
    const early = { id: first[2] ?? '', hash: await hashOf(t.db, first[2] ?? ''), at: '2026-01-01T10:00:00.000Z' };
    const all = await writeRows(t.db, 3);
    const late = { id: all[5] ?? '', hash: await hashOf(t.db, all[5] ?? ''), at: '2026-01-01T11:00:00.000Z' };
    await rewriteChain(t.db, all[4] ?? '', { n: 'forged' });
    // Inside the database the forgery is consistent: every hash recomputes, every link holds.
    expect((await verifyChain(t.db.kysely)).problem).toBeNull();
    const verdict = await verifyChain(t.db.kysely, { checkpoints: [late, early] });
    expect(verdict.problem).toMatchObject({ kind: 'checkpoint', id: all[5] });
    expect(verdict.problem?.message).toContain(`after row ${early.id}`);
    expect(verdict.checkpointsMatched).toBe(1);
    // Rewritten from the first row on: the first checkpoint is the one that fails.
    await rewriteChain(t.db, first[0] ?? '', { n: 'forged again' });
    expect((await verifyChain(t.db.kysely, { checkpoints: [early, late] })).problem).toMatchObject({ kind: 'checkpoint', id: early.id });
  });

  it('names a checkpointed row that is gone, also when the head table was rewritten to hide it', async () => {
    const all = await writeRows(t.db, 4);
    const checkpoint = { id: all[3] ?? '', hash: await hashOf(t.db, all[3] ?? ''), at: '2026-01-01T10:00:00.000Z' };
    await deleteRow(t.db, all[3] ?? '');
    await sql`UPDATE audit_chain_head SET hash = ${await hashOf(t.db, all[2] ?? '')}, last_id = ${all[2]}::bigint WHERE id`.execute(t.db.kysely);
    expect((await verifyChain(t.db.kysely)).problem).toBeNull();
    expect((await verifyChain(t.db.kysely, { checkpoints: [checkpoint] })).problem).toMatchObject({ kind: 'deleted', id: all[3] });
  });

  it('skips checkpoints before --from, and refuses an unknown --from', async () => {
    const all = await writeRows(t.db, 3);
    const checkpoint = { id: all[0] ?? '', hash: 'a'.repeat(64), at: '2026-01-01T10:00:00.000Z' };
    expect(await verifyChain(t.db.kysely, { from: all[1], checkpoints: [checkpoint] })).toMatchObject({ problem: null, rows: 2, checkpointsSkipped: 1 });
    await expect(verifyChain(t.db.kysely, { from: '999' })).rejects.toThrow(VerifyUsageError);
    await expect(verifyChain(t.db.kysely, { from: 'x' })).rejects.toThrow(VerifyUsageError);
  });

  it('walks rows from before migration 011 in the order of their links', async () => {
    // Rows 1-3 as the old trigger could leave them under load: linked 2 → 1 → 3 (out of id order).
    const actor = actorIn('607');
    await t.db.execScript('ALTER TABLE audit_log DISABLE TRIGGER ALL;');
    for (const id of ['1', '2', '3']) {
      await sql`INSERT INTO audit_log (id, actor_user_id, actor_role, municipality_code, action, entity, entity_id)
        VALUES (${id}::bigint, ${actor.userId}::uuid, 'caseworker', '607', 'citizen.list', 'citizen', NULL)`.execute(t.db.kysely);
    }
    const rows = await readRows(t.db.kysely, 1n, null, 10);
    let prev = GENESIS_HASH;
    for (const id of ['2', '1', '3']) {
      const row = rows.find((r) => r.id === id);
      const hash = rowHash(prev, row?.fields ?? []);
      await sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${id}::bigint`.execute(t.db.kysely);
      prev = hash;
    }
    await t.db.execScript(`ALTER TABLE audit_log ENABLE TRIGGER ALL;
      SELECT setval('audit_log_id_seq', 3);
      UPDATE audit_chain_head SET hash = '${prev}', last_id = 3, id_order_from = 4 WHERE id;`);
    await withTenant(t.db, actor, (tx) => writeAudit(tx, actor, 'citizen.view', 'citizen', 'after'));
    expect(await verifyChain(t.db.kysely, { batchSize: 2 })).toMatchObject({ problem: null, rows: 4, head: { id: '4' } });
    expect(await verifyChain(t.db.kysely, { from: '1' })).toMatchObject({ problem: null, rows: 3 });
    await editDetail(t.db, '1', { x: 1 });
    expect((await verifyChain(t.db.kysely)).problem).toMatchObject({ kind: 'edited', id: '1' });
  });

  it('200 concurrent audit writers: the chain is in id order, without gaps, and verifies', async () => {
    const actor = actorIn('607');
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        withTenant(t.db, actor, async (tx) => {
          await sql`SELECT pg_sleep(random() * 0.01)`.execute(tx);
          await writeAudit(tx, actor, 'citizen.view', 'citizen', `c-${i}`, { i });
        }),
      ),
    );
    const rows = (await sql<{ id: string; prev_hash: string; hash: string }>`SELECT id::text AS id, prev_hash, hash FROM audit_log ORDER BY audit_log.id`.execute(t.db.kysely)).rows;
    expect(rows.map((row) => row.id)).toEqual(Array.from({ length: 200 }, (_, i) => String(i + 1)));
    rows.forEach((row, i) => expect(row.prev_hash, `row ${row.id}`).toBe(i === 0 ? GENESIS_HASH : rows[i - 1]?.hash));
    expect(await verifyChain(t.db.kysely)).toMatchObject({ problem: null, rows: 200, head: { id: '200' } });
  });
});
