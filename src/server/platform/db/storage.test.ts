// Storage on every database kind: migrations, the append-only hash-chained audit log and the
// row-level security policies on their own (no application code in between).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databases, type TestDatabase } from './testing.ts';
import { appliedVersions, migrate, migrations } from './migrate.ts';
import { withTenant } from './tenant.ts';
import { writeAudit } from '../audit/audit-writer.ts';

const actor607 = { userId: '00000000-0000-4000-8000-000000000001', role: 'caseworker', municipalityCode: '607' };

describe.each(databases)('storage on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('has every migration applied, and migrating again is a no-op', async () => {
    expect(await appliedVersions(t.db)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(t.db)).toEqual([]);
    const count = await t.db.kysely.selectFrom('municipalities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(98);
    expect(t.db.kind).toBe(kind);
  });

  it('runs requests as jobvej_app, which owns nothing and cannot bypass RLS', async () => {
    const row = await withTenant(t.db, { municipalityCode: '607', userId: null, role: 'caseworker' }, async (tx) =>
      (await sql<{ u: string; m: string; bypass: boolean }>`SELECT current_user AS u, current_setting('jobvej.municipality') AS m,
        (SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`.execute(tx)).rows[0],
    );
    expect(row).toEqual({ u: 'jobvej_app', m: '607', bypass: false });
  });

  it('chains audit rows by hash', async () => {
    await withTenant(t.db, actor607, async (tx) => {
      await writeAudit(tx, actor607, 'citizen.list', 'citizen', null, { count: 1 });
      await writeAudit(tx, actor607, 'citizen.view', 'citizen', 'abc');
    });
    const rows = await t.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    let prev = '0'.repeat(64);
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      prev = row.hash;
    }
    // Recompute one hash independently from the row's content.
    const check = await sql<{ ok: boolean }>`SELECT hash = encode(sha256(convert_to(concat_ws('|', prev_hash, id::text,
      extract(epoch FROM at)::text, coalesce(actor_user_id::text, ''), coalesce(actor_role, ''), coalesce(municipality_code, ''),
      action, entity, coalesce(entity_id, ''), detail::text), 'UTF8')), 'hex') AS ok FROM audit_log ORDER BY id`.execute(t.db.kysely);
    expect(check.rows.every((r) => r.ok)).toBe(true);
    expect(createHash('sha256').update('x').digest('hex')).toHaveLength(64);
  });

  it('refuses UPDATE and DELETE of audit rows, for the app role and for the owner', async () => {
    await expect(withTenant(t.db, actor607, (tx) => sql`UPDATE audit_log SET action = 'x'`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(withTenant(t.db, actor607, (tx) => sql`DELETE FROM audit_log`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('refuses an audit row for another municipality', async () => {
    const other = { ...actor607, municipalityCode: '727' };
    await expect(withTenant(t.db, actor607, (tx) => writeAudit(tx, other, 'citizen.list', 'citizen', null))).rejects.toThrow(/row-level security/);
  });

  it('row-level security alone hides other municipalities (no WHERE clause)', async () => {
    for (const code of ['607', '727']) {
      await withTenant(t.db, { municipalityCode: code, userId: null, role: 'caseworker' }, (tx) =>
        tx
          .insertInto('citizens')
          .values({
            municipality_code: code, name: `Citizen of ${code}`, cpr_encrypted: 'x', cpr_hash: `h${code}`, gender: 'F', birth_date: '1990-01-01',
            origin_country: 'SY', arrival_date: '2025-01-01', takeover_date: '2025-02-01', language: 'da', target_group: 'broad',
          })
          .execute(),
      );
    }
    const as727 = await withTenant(t.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, async (tx) =>
      (await sql<{ municipality_code: string }>`SELECT municipality_code FROM citizens`.execute(tx)).rows,
    );
    expect(as727.length).toBeGreaterThan(0);
    expect(as727.filter((r) => r.municipality_code === '607')).toEqual([]);
    // No municipality set: nothing at all.
    const none = await withTenant(t.db, { municipalityCode: null, userId: null, role: null }, async (tx) =>
      (await sql`SELECT * FROM citizens`.execute(tx)).rows,
    );
    expect(none).toEqual([]);
    // Writing a row for another municipality is refused by the policy's WITH CHECK.
    await expect(
      withTenant(t.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, (tx) =>
        sql`UPDATE citizens SET municipality_code = '607'`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
