// The national-scale demo generator at a small size (3 municipalities × 30 citizens) on both
// databases: every row passes the schema's CHECK constraints and row-level security (it is written
// as jobvej_app under each municipality's setting), the app's own reads of it answer 200 (caseload,
// citizen page, FIP analytics), the CPR numbers are stored as the app stores them (the search by
// the last four digits finds the citizen), one demo.load event per municipality is in the audit
// log, and the chain `jobvej audit verify` walks is intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { createCprVault } from '../platform/crypto/cpr-vault.ts';
import { verifyChain } from '../platform/audit/chain-verifier.ts';
import { seedNationalDemo, type NationalResult } from './national-scale.ts';
import { createFixture, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const TODAY = '2026-11-25';
const CODES = ['101', '607', '851'];
const PER = 30;

describe.each(databases)('national-scale demo on %s', (kind) => {
  let f: Fixture;
  let result: NationalResult;
  let caseworker: Login;
  const get = (l: Login, url: string) => f.app.inject({ method: 'GET', url, headers: { cookie: l.headers.cookie ?? '' } });

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    result = await seedNationalDemo(f.test.db, { cprKey: f.cprKey, citizensPerMunicipality: PER, municipalities: CODES, seed: 3, today: TODAY, nodeEnv: 'test' });
    caseworker = await login(f, 'caseworker@607', 'demo');
  }, 120_000);
  afterAll(async () => {
    await f.close();
  });

  it('loads N citizens per municipality with rounds, answers, offers, outcomes and enrolments, each row in its municipality', async () => {
    expect(result).toMatchObject({ skipped: false, municipalities: 3, citizens: 90, users: 3 * 3 + 2, packages: 6 });
    for (const count of [result.rounds, result.answers, result.offers, result.outcomes, result.enrolments]) expect(count).toBeGreaterThan(0);
    for (const code of CODES) {
      const counts = await withTenant(f.test.db, { municipalityCode: code, userId: null, role: 'test' }, async (tx) =>
        (await sql<{ citizens: number; foreign: number; unanswered: number }>`
          SELECT (SELECT count(*)::int FROM citizens) AS citizens,
                 (SELECT count(*)::int FROM fip_answers WHERE municipality_code <> ${code}) AS foreign,
                 (SELECT count(*)::int FROM fip_rounds WHERE answer_codes IS NULL) AS unanswered`.execute(tx)).rows[0],
      );
      // RLS shows only the municipality's own rows; migration 023's triggers filled every round's answer codes.
      expect(counts).toEqual({ citizens: PER, foreign: 0, unanswered: 0 });
    }
    expect(await seedNationalDemo(f.test.db, { cprKey: f.cprKey, municipalities: CODES, nodeEnv: 'test' })).toMatchObject({ skipped: true });
  });

  it("passes the app's reads: the caseload (all and a filtered page), a citizen's page, the FIP analytics", async () => {
    const page = await get(caseworker, '/api/citizens');
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json() as { citizens: { id: string }[]; total: number };
    expect(body.total).toBe(PER);
    const filtered = await get(caseworker, '/api/citizens?scope=unassigned&targetGroup=broad&sort=name');
    expect(filtered.statusCode, filtered.body).toBe(200);
    const id = body.citizens[0]?.id ?? '';
    const citizen = await get(caseworker, `/api/citizens/${id}`);
    expect(citizen.statusCode, citizen.body).toBe(200);
    const manager = await login(f, 'manager@607', 'demo');
    const analytics = await get(manager, '/api/fip-analytics');
    expect(analytics.statusCode, analytics.body).toBe(200);
  });

  it('stores the CPR numbers as the app does: encrypted, found by their last four digits', async () => {
    const vault = createCprVault(f.cprKey);
    const row = await withTenant(f.test.db, { municipalityCode: '607', userId: null, role: 'test' }, (tx) =>
      tx.selectFrom('citizens').select(['id', 'cpr_encrypted', 'cpr_hash', 'cpr_tail_hash', 'birth_date', 'gender']).executeTakeFirstOrThrow(),
    );
    const cpr = vault.decrypt(row.cpr_encrypted);
    expect(vault.hash(cpr)).toBe(row.cpr_hash);
    expect(vault.tailHash(cpr.slice(-4))).toBe(row.cpr_tail_hash);
    expect(`${cpr.slice(0, 2)}${cpr.slice(2, 4)}`).toBe(`${String(row.birth_date).slice(8, 10)}${String(row.birth_date).slice(5, 7)}`);
    expect(Number(cpr.slice(-1)) % 2 === 1).toBe(row.gender === 'M');
    const found = await f.app.inject({ method: 'POST', url: '/api/citizens/search', headers: caseworker.headers, payload: { text: cpr.slice(-4) } });
    expect(found.statusCode, found.body).toBe(200);
    expect((found.json() as { citizens: { id: string }[] }).citizens.map((c) => c.id)).toContain(row.id);
  });

  it('records one demo.load event per municipality (and one for the users), and the audit chain verifies', async () => {
    const events = await f.test.db.kysely.selectFrom('audit_log').select(['municipality_code', 'detail']).where('action', '=', 'demo.load').orderBy('id').execute();
    expect(events.map((e) => e.municipality_code)).toEqual([null, ...CODES]);
    expect(events[1]?.detail).toMatchObject({ scale: 'national', citizens: PER, seed: 3, today: TODAY });
    const verdict = await verifyChain(f.test.db.kysely);
    expect(verdict.problem).toBeNull();
    expect(verdict.rows).toBeGreaterThan(CODES.length);
  });
});
