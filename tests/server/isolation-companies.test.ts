// Tenant isolation for labour needs, demand per industry and offers linked to companies: a
// caseworker of Odder (727) gets 404 for Fredericia's (607) company needs (list, record) and
// needs (change), 400 companyId when linking an offer to a 607 company, never sees 607 needs
// in the demand report, nothing is written, and labour_needs' own policy hides 607 rows from a
// 727 transaction and refuses 607 inserts.
import { auditMark, expectOnlyDenials } from '../support/audit-checks.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases } from '../../src/server/platform/db/testing.ts';
import { withTenant } from '../../src/server/platform/db/tenant.ts';
import { createFixture, createUser, login, registerCitizen, type Fixture, type Login, twoCaseworkers } from '../support/app-fixture.ts';

const NOW = new Date('2026-11-25T09:00:00Z');

describe.each(databases)('labour needs, demand and offer links isolated between municipalities on %s', (kind) => {
  let f: Fixture;
  let cw607: Login;
  let cw727: Login;
  let consultant607: Login;
  let consultant727: Login;
  let company607: string;
  let need607: string;
  let citizen727: string;

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    ({ cw607, cw727 } = await twoCaseworkers(f));
    await createUser(f, 'company@607', 'company_consultant', '607');
    await createUser(f, 'company@727', 'company_consultant', '727');
    consultant607 = await login(f, 'company@607');
    consultant727 = await login(f, 'company@727');
    company607 = (await f.app.inject({ method: 'POST', url: '/api/companies', headers: cw607.headers, payload: { cvr: '24256790', name: 'Fakta Fredericia', db07: '47' } })).json().company.id;
    const need = await f.app.inject({
      method: 'POST', url: `/api/companies/${company607}/needs`, headers: consultant607.headers,
      payload: { kind: 'placement', slots: 5, periodFrom: '2026-12-01', periodTo: '2027-01-31' },
    });
    need607 = need.json().need.id;
    citizen727 = await registerCitizen(f, cw727, { name: 'Odder 1', takeoverDate: '2026-11-01', arrivalDate: '2026-10-01' });
  });
  afterAll(async () => {
    await f.close();
  });

  it('727 gets 404 on 607 company needs and needs, 400 linking a 607 company, and nothing is written', async () => {
    const rows = async () => ({
      needs: await f.test.db.kysely.selectFrom('labour_needs').select(['id', 'slots', 'closed_on']).execute(),
      offers: (await f.test.db.kysely.selectFrom('offers').select('id').execute()).length,
    });
    const before = await rows();
    const mark = await auditMark(f);
    const read = { cookie: cw727.headers.cookie ?? '' };
    const notFound = [
      await f.app.inject({ method: 'GET', url: `/api/companies/${company607}/needs`, headers: read }),
      await f.app.inject({ method: 'POST', url: `/api/companies/${company607}/needs`, headers: consultant727.headers, payload: { kind: 'job', slots: 1, periodFrom: '2026-12-01', periodTo: '2026-12-31' } }),
      await f.app.inject({ method: 'PATCH', url: `/api/needs/${need607}`, headers: consultant727.headers, payload: { closedOn: '2026-11-25' } }),
      await f.app.inject({ method: 'PATCH', url: `/api/needs/${need607}`, headers: consultant727.headers, payload: { slots: 50 } }),
    ];
    for (const res of notFound) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    const link = await f.app.inject({
      method: 'POST', url: `/api/citizens/${citizen727}/offers`, headers: cw727.headers, payload: { kind: 'praktik_private', companyId: company607, startDate: '2026-12-01' },
    });
    expect(link.statusCode, link.body).toBe(400);
    expect(link.json().errors).toEqual([{ field: 'companyId', message: 'No such company in this municipality' }]);
    expect(await rows()).toEqual(before);
    // The four refusals are audited once each as the 727 caller; the 400 wrote nothing.
    await expectOnlyDenials(f, mark, notFound.length, '727', [company607, need607]);
  });

  it('727’s demand report and company list do not show 607’s needs; 607’s do', async () => {
    const demand727 = await f.app.inject({ method: 'GET', url: '/api/industries/demand', headers: { cookie: cw727.headers.cookie ?? '' } });
    expect(demand727.statusCode, demand727.body).toBe(200);
    expect(demand727.json().industries).toEqual([]);
    const demand607 = await f.app.inject({ method: 'GET', url: '/api/industries/demand', headers: { cookie: cw607.headers.cookie ?? '' } });
    expect(demand607.json().industries.map((i: { db07: string; openSlots: { total: number } }) => [i.db07, i.openSlots.total])).toEqual([['47', 5]]);
    const companies727 = await f.app.inject({ method: 'GET', url: '/api/companies', headers: { cookie: cw727.headers.cookie ?? '' } });
    expect(companies727.json().companies).toEqual([]);
  });

  it('labour_needs’ policy alone hides 607 rows from a 727 transaction and refuses 607 inserts', async () => {
    const seen = await withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, async (tx) => {
      const visible = (await sql`SELECT id FROM labour_needs`.execute(tx)).rows;
      const updated = Number((await sql`UPDATE labour_needs SET slots = 99`.execute(tx)).numAffectedRows ?? 0n);
      return { visible, updated };
    });
    expect(seen).toEqual({ visible: [], updated: 0 });
    await expect(
      withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, (tx) =>
        tx.insertInto('labour_needs').values({
          municipality_code: '607', company_id: company607, db07: '47', kind: 'job', slots: 1, period_from: '2026-12-01', period_to: '2026-12-31', note: null, closed_on: null, created_by: null,
        }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // A 727 need cannot point at a 607 company: the composite foreign key wants the same municipality.
    await expect(
      withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, (tx) =>
        tx.insertInto('labour_needs').values({
          municipality_code: '727', company_id: company607, db07: '47', kind: 'job', slots: 1, period_from: '2026-12-01', period_to: '2026-12-31', note: null, closed_on: null, created_by: null,
        }).execute(),
      ),
    ).rejects.toThrow(/foreign key/);
  });
});
