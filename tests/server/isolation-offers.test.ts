// Tenant isolation for offers, outcomes and deadlines: a caseworker of Odder (727) gets 404 for
// a Fredericia (607) citizen's and offer's routes, nothing is written, and the offers/outcomes
// tables' own policies hide 607 rows from a 727 transaction.
import { auditMark, expectOnlyDenials } from '../support/audit-checks.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases } from '../../src/server/platform/db/testing.ts';
import { withTenant } from '../../src/server/platform/db/tenant.ts';
import { createFixture, registerCitizen, type Fixture, type Login, twoCaseworkers } from '../support/app-fixture.ts';

describe.each(databases)('offers isolation between municipalities on %s', (kind) => {
  let f: Fixture;
  let cw607: Login;
  let cw727: Login;
  let citizen607: string;
  let offer607: string;

  beforeAll(async () => {
    f = await createFixture(kind);
    ({ cw607, cw727 } = await twoCaseworkers(f));
    citizen607 = await registerCitizen(f, cw607, { name: 'Fredericia 0' });
    const offer = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizen607}/offers`, headers: cw607.headers, payload: { kind: 'praktik_private', startDate: '2025-07-10' } });
    offer607 = offer.json().offer.id;
    await f.app.inject({ method: 'POST', url: `/api/citizens/${citizen607}/outcomes`, headers: cw607.headers, payload: { kind: 'employment', date: '2025-11-01' } });
    await registerCitizen(f, cw727, { name: 'Odder 1' });
  });
  afterAll(async () => {
    await f.close();
  });

  it('727 gets 404 on every offers/outcomes/deadlines route of a 607 citizen, and nothing changes', async () => {
    const mark = await auditMark(f);
    const read = { cookie: cw727.headers.cookie ?? '' };
    const responses = [
      await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen607}/offers`, headers: read }),
      await f.app.inject({ method: 'POST', url: `/api/citizens/${citizen607}/offers`, headers: cw727.headers, payload: { kind: 'igu', startDate: '2025-08-01' } }),
      await f.app.inject({ method: 'PATCH', url: `/api/offers/${offer607}`, headers: cw727.headers, payload: { status: 'cancelled' } }),
      await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen607}/outcomes`, headers: read }),
      await f.app.inject({ method: 'POST', url: `/api/citizens/${citizen607}/outcomes`, headers: cw727.headers, payload: { kind: 'education', date: '2025-12-01' } }),
      await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen607}/deadlines`, headers: read }),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    const offers = await f.test.db.kysely.selectFrom('offers').select(['id', 'status']).execute();
    expect(offers).toEqual([{ id: offer607, status: 'active' }]);
    expect(await f.test.db.kysely.selectFrom('outcomes').select('kind').execute()).toEqual([{ kind: 'employment' }]);
    // Each refused attempt is audited once, as the 727 caller, naming the id it asked for.
    await expectOnlyDenials(f, mark, responses.length, '727', [citizen607, offer607]);
  });

  it('727 gets 404 on PATCH and POST with IGU school periods of 607, and the 607 periods stay as they were', async () => {
    const periods = [{ start: '2025-09-01', end: '2025-09-26' }];
    const igu = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizen607}/offers`, headers: cw607.headers, payload: { kind: 'igu', startDate: '2025-08-01', schoolPeriods: periods } });
    expect(igu.statusCode, igu.body).toBe(201);
    const mark = await auditMark(f);
    const responses = [
      await f.app.inject({ method: 'PATCH', url: `/api/offers/${igu.json().offer.id}`, headers: cw727.headers, payload: { schoolPeriods: [] } }),
      await f.app.inject({ method: 'POST', url: `/api/citizens/${citizen607}/offers`, headers: cw727.headers, payload: { kind: 'igu', startDate: '2025-08-01', schoolPeriods: periods } }),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    const row = await f.test.db.kysely.selectFrom('offers').select('school_periods').where('id', '=', igu.json().offer.id).executeTakeFirstOrThrow();
    expect(row.school_periods).toEqual(periods);
    expect((await f.test.db.kysely.selectFrom('offers').select('id').where('kind', '=', 'igu').execute()).length).toBe(1);
    await expectOnlyDenials(f, mark, responses.length, '727', [igu.json().offer.id, citizen607]);
  });

  it('the offers and outcomes policies alone hide 607 rows from a 727 transaction and refuse 607 inserts', async () => {
    const seen = await withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, async (tx) => ({
      offers: (await sql`SELECT id FROM offers`.execute(tx)).rows,
      outcomes: (await sql`SELECT id FROM outcomes`.execute(tx)).rows,
      updated: Number((await sql`UPDATE offers SET status = 'cancelled'`.execute(tx)).numAffectedRows ?? 0n),
    }));
    expect(seen).toEqual({ offers: [], outcomes: [], updated: 0 });
    await expect(
      withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, (tx) =>
        tx.insertInto('offers').values({ citizen_id: citizen607, municipality_code: '607', kind: 'igu', start_date: '2026-01-01', status: 'planned', company_id: null, company_name: null, planned_end: null, actual_end: null, created_by: null }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
