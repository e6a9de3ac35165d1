// Tenant isolation for companies and industry packages: a caseworker of Odder (727) gets 404 for
// Fredericia's (607) companies, packages and enrolments (sign-off, advance, a citizen's
// enrolment list), cannot enrol a 607 citizen in a 727 package, nothing is written, and the
// tables' own policies (incl. the module history) hide 607 rows from a 727 transaction.
import { auditMark, expectOnlyDenials } from '../support/audit-checks.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases } from '../../src/server/platform/db/testing.ts';
import { withTenant } from '../../src/server/platform/db/tenant.ts';
import { createFixture, registerCitizen, type Fixture, type Login, twoCaseworkers } from '../support/app-fixture.ts';

const TABLES = ['companies', 'packages', 'package_enrolments', 'goal_signoffs', 'gate_overrides', 'enrolment_modules'] as const;

describe.each(databases)('companies and packages isolation between municipalities on %s', (kind) => {
  let f: Fixture;
  let cw607: Login;
  let cw727: Login;
  let citizen607: string;
  let company607: string;
  let package607: string;
  let package727: string;
  let enrolment607: string;

  beforeAll(async () => {
    f = await createFixture(kind);
    ({ cw607, cw727 } = await twoCaseworkers(f));
    citizen607 = await registerCitizen(f, cw607, { name: 'Fredericia 0' });
    const company = await f.app.inject({ method: 'POST', url: '/api/companies', headers: cw607.headers, payload: { cvr: '24256790', name: 'Fakta Fredericia' } });
    company607 = company.json().company.id;
    const pkg = await f.app.inject({ method: 'POST', url: '/api/packages', headers: cw607.headers, payload: { templateId: 'vejle-care' } });
    package607 = pkg.json().package.id;
    const enrolment = await f.app.inject({ method: 'POST', url: `/api/packages/${package607}/enrolments`, headers: cw607.headers, payload: { citizenId: citizen607 } });
    enrolment607 = enrolment.json().enrolment.id;
    await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolment607}/signoffs`, headers: cw607.headers, payload: { goalId: 'intro-attendance' } });
    await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolment607}/advance`, headers: cw607.headers, payload: { override: { reason: 'Jobtilbud' } } });
    await registerCitizen(f, cw727, { name: 'Odder 1' });
    const own = await f.app.inject({ method: 'POST', url: '/api/packages', headers: cw727.headers, payload: { templateId: 'vejle-cleaning' } });
    package727 = own.json().package.id;
  });
  afterAll(async () => {
    await f.close();
  });

  it('727 gets 404 on 607 companies, packages and enrolments, cannot enrol a 607 citizen, and nothing changes', async () => {
    const counts = async () => Promise.all(TABLES.map(async (t) => (await f.test.db.kysely.selectFrom(t).selectAll().execute()).length));
    const before = await counts();
    expect(before).toEqual([1, 2, 1, 1, 1, 2]);
    const mark = await auditMark(f);
    const read = { cookie: cw727.headers.cookie ?? '' };
    const responses = [
      await f.app.inject({ method: 'GET', url: `/api/companies/${company607}`, headers: read }),
      await f.app.inject({ method: 'GET', url: `/api/packages/${package607}`, headers: read }),
      await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen607}/enrolments`, headers: read }),
      await f.app.inject({ method: 'POST', url: `/api/packages/${package607}/enrolments`, headers: cw727.headers, payload: { citizenId: citizen607 } }),
      await f.app.inject({ method: 'POST', url: `/api/packages/${package727}/enrolments`, headers: cw727.headers, payload: { citizenId: citizen607 } }),
      await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolment607}/signoffs`, headers: cw727.headers, payload: { goalId: 'trial-attendance' } }),
      await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolment607}/advance`, headers: cw727.headers, payload: {} }),
      await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolment607}/advance`, headers: cw727.headers, payload: { override: { reason: 'x' } } }),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    expect(await counts()).toEqual(before);
    // Each refused attempt is audited once, as the 727 caller, naming the id it asked for.
    await expectOnlyDenials(f, mark, responses.length, '727', [company607, package607, package727, citizen607, enrolment607]);
    const companies = await f.app.inject({ method: 'GET', url: '/api/companies', headers: read });
    expect(companies.json().companies).toEqual([]);
    const packages = await f.app.inject({ method: 'GET', url: '/api/packages', headers: read });
    expect(packages.json().packages.map((p: { id: string }) => p.id)).toEqual([package727]);
    // The same CVR may be registered in another municipality.
    const sameCvr = await f.app.inject({ method: 'POST', url: '/api/companies', headers: cw727.headers, payload: { cvr: '24256790', name: 'Fakta Odder' } });
    expect(sameCvr.statusCode, sameCvr.body).toBe(201);
  });

  it('the tables’ policies alone hide 607 rows from a 727 transaction and refuse 607 inserts', async () => {
    const seen = await withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, async (tx) => {
      const rows: Record<string, unknown[]> = {};
      for (const table of TABLES) {
        rows[table] = (await sql<{ municipality_code: string }>`SELECT municipality_code FROM ${sql.table(table)} WHERE municipality_code = '607'`.execute(tx)).rows;
      }
      const updated = Number((await sql`UPDATE package_enrolments SET status = 'completed'`.execute(tx)).numAffectedRows ?? 0n);
      return { rows, updated };
    });
    expect(seen).toEqual({ rows: Object.fromEntries(TABLES.map((t) => [t, []])), updated: 0 });
    await expect(
      withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, (tx) =>
        tx.insertInto('companies').values({ municipality_code: '607', cvr: '10150817', name: 'X', db07: null, address: null, created_by: null }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, (tx) =>
        tx.insertInto('enrolment_modules').values({
          enrolment_id: enrolment607, municipality_code: '607', module_index: 4, module_id: 'placement-3', started_on: '2026-01-01', ended_on: null, advanced_by: null,
        }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
