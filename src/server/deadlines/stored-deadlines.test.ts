// The stored next deadlines (decision 035, migration 024) on both databases, on the demo data:
// they equal the pure rules over the whole caseload (nextDeadlines) on the day they are computed
// and on later days read back; a second read evaluates nobody; a write the rules look at (an
// offer, an outcome, a round's date, the takeover) bumps that citizen's epoch, so only they are
// evaluated again, and saving an answer does not; a row computed from data a concurrent write has
// since changed is stale at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databases, type TestDatabase } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { seedDemo } from '../demo/seed.ts';
import { randomBytes } from 'node:crypto';
import { loadPolicies } from './policy-store.ts';
import { nextDeadlines } from './caseload-deadlines.ts';
import { storedNextDeadlines } from './stored-deadlines.ts';

const TODAY = '2026-11-25';
const TENANT = { municipalityCode: '607', userId: null, role: 'test' };
const policies = loadPolicies();

describe.each(databases)('stored next deadlines on %s', (kind) => {
  let t: TestDatabase;
  const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, TENANT, fn);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t.db, { cprKey: randomBytes(32), seed: 42, today: TODAY, nodeEnv: 'test' });
  }, 120_000);
  afterAll(async () => {
    await t.drop();
  });

  it('equal the rules evaluated over the whole caseload, today and read back on later days; a second read evaluates nobody', async () => {
    const first = await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY));
    expect(first.next.size).toBeGreaterThan(200);
    expect(first.recomputed).toBe(first.next.size);
    expect(first.failed).toEqual([]);
    expect(await inTenant((tx) => nextDeadlines(tx, policies, TODAY))).toEqual(first.next);
    const again = await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY));
    expect(again.recomputed).toBe(0);
    expect(again.next).toEqual(first.next);
    for (const day of ['2026-11-26', '2026-12-09', '2027-01-20']) {
      const stored = await inTenant((tx) => storedNextDeadlines(tx, policies, day));
      expect(stored.recomputed, day).toBeLessThan(stored.next.size);
      expect(stored.next, day).toEqual(await inTenant((tx) => nextDeadlines(tx, policies, day)));
    }
  });

  it('a write the rules look at makes only that citizen stale; saving an answer does not', async () => {
    await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY));
    // Two citizens with a round 1 (answered) and no exit outcome, by name (ids are random per run).
    const [a, b] = await inTenant(async (tx) =>
      (
        await sql<{ id: string }>`
          SELECT c.id FROM citizens c JOIN fip_rounds r ON r.citizen_id = c.id AND r.round_no = 1
          WHERE r.answer_codes LIKE 'c01=%' AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = c.id)
          ORDER BY c.name, c.id LIMIT 2`.execute(tx)
      ).rows,
    );
    expect(a && b).toBeTruthy();
    await inTenant(async (tx) => {
      await sql`INSERT INTO offers (citizen_id, municipality_code, kind, start_date, planned_end, status) VALUES (${a?.id}, '607', 'praktik_private', ${TODAY}::date - 3, ${TODAY}::date + 30, 'active')`.execute(tx);
    });
    let read = await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY));
    expect(read.recomputed, 'after an offer').toBe(1);
    expect(read.next).toEqual(await inTenant((tx) => nextDeadlines(tx, policies, TODAY)));
    await inTenant(async (tx) => {
      await sql`INSERT INTO outcomes (citizen_id, municipality_code, kind, date, source) VALUES (${b?.id}, '607', 'self_sufficiency', ${TODAY}::date - 1, 'caseworker')`.execute(tx);
      await sql`UPDATE citizens SET takeover_date = takeover_date - 1 WHERE id = ${a?.id}`.execute(tx);
    });
    read = await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY));
    expect(read.recomputed).toBe(2);
    expect(read.next.get(b?.id ?? '')).toBeNull();
    expect(read.next).toEqual(await inTenant((tx) => nextDeadlines(tx, policies, TODAY)));
    // An answer saved (the round's answer text changes, migration 023) and an assignment: nobody is stale.
    await inTenant(async (tx) => {
      await sql`UPDATE fip_answers SET value = 4 WHERE round_id = (SELECT id FROM fip_rounds WHERE citizen_id = ${a?.id} ORDER BY round_no LIMIT 1) AND item_id = 'c01'`.execute(tx);
      await sql`UPDATE citizens SET caseworker_id = NULL WHERE id = ${a?.id}`.execute(tx);
    });
    expect((await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY))).recomputed).toBe(0);
    // A round's date moved: stale.
    await inTenant(async (tx) => {
      await sql`UPDATE fip_rounds SET started_on = started_on + 1 WHERE citizen_id = ${a?.id} AND round_no = 1`.execute(tx);
    });
    expect((await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY))).recomputed, 'after a round date').toBe(1);
  });

  it('a row stored under an older epoch (computed before a concurrent write committed) is recomputed', async () => {
    await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY));
    const id = await inTenant(async (tx) => (await sql<{ id: string }>`SELECT id FROM citizens ORDER BY id DESC LIMIT 1`.execute(tx)).rows[0]?.id ?? '');
    // What a slow reader would have written: yesterday's epoch with a made-up deadline.
    await inTenant(async (tx) => {
      await sql`UPDATE citizen_deadline_state SET epoch = epoch - 1, stored = '{"dueSoonDays":7,"next":null}'::jsonb WHERE citizen_id = ${id}`.execute(tx);
    });
    const read = await inTenant((tx) => storedNextDeadlines(tx, policies, TODAY));
    expect(read.recomputed).toBe(1);
    expect(read.next).toEqual(await inTenant((tx) => nextDeadlines(tx, policies, TODAY)));
  });

  it('is under row-level security: another municipality sees and computes only its own', async () => {
    const own = await withTenant(t.db, { municipalityCode: '727', userId: null, role: 'test' }, (tx) => storedNextDeadlines(tx, policies, TODAY));
    const in727 = await withTenant(t.db, { municipalityCode: '727', userId: null, role: 'test' }, async (tx) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM citizen_deadline_state WHERE municipality_code <> '727'`.execute(tx)).rows[0]?.n);
    expect(in727).toBe(0);
    expect(own.next.size).toBeGreaterThan(0);
    const ids607 = await inTenant(async (tx) => new Set((await sql<{ id: string }>`SELECT id FROM citizens`.execute(tx)).rows.map((r) => r.id)));
    expect([...own.next.keys()].some((id) => ids607.has(id))).toBe(false);
  });
});
