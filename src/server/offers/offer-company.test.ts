// POST /api/citizens/:id/offers with companyId: the company must be one of the caller's
// municipality (an unknown id and another municipality's id are the same 400 naming companyId,
// nothing written); the offer then carries the company's id and name. The database's composite
// foreign key refuses an offer pointing at another municipality's company even without the route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { expectFieldError, createFixture, registerCitizen, twoCaseworkers, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const NOW = new Date('2026-11-25T09:00:00Z');

const count = async (f: Fixture, table: 'offers' | 'audit_log'): Promise<number> =>
  (await f.test.db.kysely.selectFrom(table).select('id').execute()).length;

describe.each(databases)('offers linked to companies on %s', (kind) => {
  let f: Fixture;
  let cw607: Login;
  let cw727: Login;
  let citizen607: string;
  let company607: string;
  let company727: string;

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    ({ cw607, cw727 } = await twoCaseworkers(f));
    citizen607 = await registerCitizen(f, cw607, { takeoverDate: '2026-11-01', arrivalDate: '2026-10-01' });
    const own = await f.app.inject({ method: 'POST', url: '/api/companies', headers: cw607.headers, payload: { cvr: '24256790', name: 'Fakta Fredericia', db07: '47' } });
    company607 = own.json().company.id;
    const other = await f.app.inject({ method: 'POST', url: '/api/companies', headers: cw727.headers, payload: { cvr: '10150817', name: 'Odder Pleje', db07: '87' } });
    company727 = other.json().company.id;
  });
  afterAll(async () => {
    await f.close();
  });

  it('takes the company’s id and name (a given companyName is overridden) and audits the link', async () => {
    const res = await f.app.inject({
      method: 'POST', url: `/api/citizens/${citizen607}/offers`, headers: cw607.headers,
      payload: { kind: 'praktik_private', companyId: company607, companyName: 'typed by hand', startDate: '2026-11-10', hoursPerWeek: 25 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().offer).toMatchObject({ companyId: company607, companyName: 'Fakta Fredericia', plannedEnd: '2027-02-08' });
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'offer.create', entity_id: res.json().offer.id, detail: { companyId: company607 } });
    const list = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen607}/offers`, headers: { cookie: cw607.headers.cookie ?? '' } });
    expect(list.json().offers.map((o: { companyId: string | null }) => o.companyId)).toEqual([company607]);
  });

  it('an unknown, another municipality’s or malformed companyId is 400 naming companyId, writing nothing', async () => {
    const offers = await count(f, 'offers');
    const audits = await count(f, 'audit_log');
    for (const companyId of ['00000000-0000-4000-8000-000000000000', company727, 'not-a-uuid']) {
      const res = await f.app.inject({
        method: 'POST', url: `/api/citizens/${citizen607}/offers`, headers: cw607.headers,
        payload: { kind: 'igu', companyId, startDate: '2026-12-01' },
      });
      expectFieldError(res, 'companyId', companyId);
      // The same message for unknown and foreign ids: the response does not tell them apart.
      if (companyId !== 'not-a-uuid') expect(res.json().errors).toEqual([{ field: 'companyId', message: 'No such company in this municipality' }]);
    }
    expect(await count(f, 'offers')).toBe(offers);
    expect(await count(f, 'audit_log')).toBe(audits);
  });

  it('the database refuses an offer pointing at another municipality’s company (composite foreign key)', async () => {
    await expect(
      f.test.db.kysely.insertInto('offers').values({
        citizen_id: citizen607, municipality_code: '607', kind: 'igu', company_id: company727, company_name: 'Odder Pleje',
        start_date: '2026-12-01', planned_end: null, actual_end: null, hours_per_week: null, status: 'planned', created_by: null,
      }).execute(),
    ).rejects.toThrow(/foreign key/);
  });
});
