import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { expectFieldError, createFixture, createUser, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const NOW = new Date('2026-11-25T09:00:00Z');

async function auditCount(f: Fixture): Promise<number> {
  const row = await f.test.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(databases)('offers, outcomes and deadlines on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let consultant: Login;
  let manager: Login;
  let citizenId: string;

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'company@607', 'company_consultant', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    cw = await login(f, 'caseworker@607');
    consultant = await login(f, 'company@607');
    manager = await login(f, 'manager@607');
    citizenId = await registerCitizen(f, cw, { takeoverDate: '2026-11-01', arrivalDate: '2026-10-01' });
  });
  afterAll(async () => {
    await f.close();
  });

  it('registers a company placement with the 13-week default, active when started, and audits it', async () => {
    const before = await auditCount(f);
    const res = await f.app.inject({
      method: 'POST', url: `/api/citizens/${citizenId}/offers`, headers: cw.headers,
      payload: { kind: 'praktik_private', companyName: 'Fakta Fredericia', startDate: '2026-11-10', hoursPerWeek: 25 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().offer).toMatchObject({
      citizenId, kind: 'praktik_private', companyName: 'Fakta Fredericia', companyId: null,
      startDate: '2026-11-10', plannedEnd: '2027-02-08', actualEnd: null, hoursPerWeek: 25, status: 'active',
    });
    expect(await auditCount(f)).toBe(before + 1);
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'offer.create', entity: 'offer', entity_id: res.json().offer.id, municipality_code: '607' });
  });

  it('IGU defaults to two years; a future start is planned; a company consultant may register', async () => {
    const res = await f.app.inject({
      method: 'POST', url: `/api/citizens/${citizenId}/offers`, headers: consultant.headers,
      payload: { kind: 'igu', startDate: '2027-03-01' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().offer).toMatchObject({ kind: 'igu', plannedEnd: '2029-02-28', status: 'planned', companyName: null, hoursPerWeek: null });
    const guidance = await f.app.inject({
      method: 'POST', url: `/api/citizens/${citizenId}/offers`, headers: cw.headers, payload: { kind: 'guidance_upskilling', startDate: '2026-11-02' },
    });
    expect(guidance.json().offer).toMatchObject({ plannedEnd: null, status: 'active' });
  });

  it('answers 400 problem+json naming the field, and writes nothing', async () => {
    const before = await auditCount(f);
    const bad = [
      { payload: { kind: 'job', startDate: '2026-11-10' }, field: 'kind' },
      { payload: { kind: 'praktik_public', startDate: '2026-13-10' }, field: 'startDate' },
      { payload: { kind: 'praktik_public', startDate: '2026-11-10', plannedEnd: '2026-11-01' }, field: 'plannedEnd' },
      { payload: { kind: 'praktik_public', startDate: '2026-11-10', hoursPerWeek: 200 }, field: 'hoursPerWeek' },
    ];
    for (const { payload, field } of bad) {
      const res = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/offers`, headers: cw.headers, payload });
      expectFieldError(res, field, JSON.stringify(payload));
    }
    expect(await auditCount(f)).toBe(before);
  });

  it('lists offers (audited); a manager may view but not create', async () => {
    const before = await auditCount(f);
    const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}/offers`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().offers.map((o: { kind: string }) => o.kind)).toEqual(['guidance_upskilling', 'praktik_private', 'igu']);
    expect(await auditCount(f)).toBe(before + 1);
    const denied = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/offers`, headers: manager.headers, payload: { kind: 'mentor', startDate: '2026-11-10' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'forbidden' });
  });

  it('PATCH extends the planned end by 13 weeks, records the actual end and status; refuses an end before the start', async () => {
    const other = await registerCitizen(f, cw, { takeoverDate: '2026-05-20', arrivalDate: '2026-05-01' });
    const created = await f.app.inject({
      method: 'POST', url: `/api/citizens/${other}/offers`, headers: cw.headers, payload: { kind: 'praktik_public', startDate: '2026-06-01' },
    });
    const id = created.json().offer.id as string;
    const extended = await f.app.inject({ method: 'PATCH', url: `/api/offers/${id}`, headers: cw.headers, payload: { plannedEnd: '2026-11-29' } });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json().offer).toMatchObject({ plannedEnd: '2026-11-29', status: 'active' });
    const ended = await f.app.inject({ method: 'PATCH', url: `/api/offers/${id}`, headers: cw.headers, payload: { actualEnd: '2026-11-20', status: 'completed' } });
    expect(ended.json().offer).toMatchObject({ actualEnd: '2026-11-20', status: 'completed' });
    const bad = await f.app.inject({ method: 'PATCH', url: `/api/offers/${id}`, headers: cw.headers, payload: { actualEnd: '2026-01-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'actualEnd' })]);
    const empty = await f.app.inject({ method: 'PATCH', url: `/api/offers/${id}`, headers: cw.headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    const missing = await f.app.inject({ method: 'PATCH', url: '/api/offers/00000000-0000-4000-8000-000000000000', headers: cw.headers, payload: { status: 'cancelled' } });
    expect(missing.statusCode).toBe(404);
    const audit = await f.test.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['offer.create', 'offer.update', 'offer.update']);
  });

  it('records and lists outcomes, audited', async () => {
    const before = await auditCount(f);
    const res = await f.app.inject({
      method: 'POST', url: `/api/citizens/${citizenId}/outcomes`, headers: cw.headers,
      payload: { kind: 'employment', date: '2026-11-20', sector: 'private', db07: '471100', hours: 30, companyName: 'Fakta Fredericia' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().outcome).toMatchObject({ kind: 'employment', date: '2026-11-20', sector: 'private', db07: '471100', hours: 30, source: 'caseworker' });
    const bad = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/outcomes`, headers: cw.headers, payload: { kind: 'retired', date: '2026-11-20', db07: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['kind', 'db07']));
    const list = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}/outcomes`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(list.json().outcomes).toHaveLength(1);
    expect(await auditCount(f)).toBe(before + 2);
    const denied = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/outcomes`, headers: manager.headers, payload: { kind: 'education', date: '2026-11-20' } });
    expect(denied.statusCode).toBe(403);
  });

  it('deadlines: the 2016 policy by takeover date, evaluated as of the server clock, audited', async () => {
    const before = await auditCount(f);
    const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}/deadlines`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ citizenId, asOf: '2026-11-25', policy: { id: '2016-agreement', effectiveFrom: '2016-07-01', dueSoonDays: 7 } });
    const byId = Object.fromEntries(report.rules.map((r: { ruleId: string }) => [r.ruleId, r]));
    // Takeover 2026-11-01, company placement from 2026-11-10: target (14 days) and deadline (1 month) met.
    expect(byId.first_offer_target).toMatchObject({ state: 'ok', satisfiedOn: '2026-11-10', dueDate: '2026-11-15' });
    expect(byId.first_offer_deadline).toMatchObject({ state: 'ok', satisfiedOn: '2026-11-10' });
    expect(Object.keys(byId)).toEqual(['first_offer_target', 'first_offer_deadline', 'max_gap', 'fip_round']);
    expect(await auditCount(f)).toBe(before + 1);
  });

  it('deadlines of a citizen without offers: the first-offer target is breached, the deadline due soon', async () => {
    const id = await registerCitizen(f, cw, { takeoverDate: '2026-10-30', arrivalDate: '2026-10-01' });
    const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${id}/deadlines`, headers: { cookie: cw.headers.cookie ?? '' } });
    const byId = Object.fromEntries(res.json().rules.map((r: { ruleId: string }) => [r.ruleId, r]));
    expect(byId.first_offer_target).toMatchObject({ state: 'breached', dueDate: '2026-11-13', daysOver: 12 });
    expect(byId.first_offer_deadline).toMatchObject({ state: 'due', dueDate: '2026-11-30', daysLeft: 5 });
  });

  it('writes need the CSRF token (PATCH too)', async () => {
    const offers = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}/offers`, headers: { cookie: cw.headers.cookie ?? '' } });
    const id = offers.json().offers[0].id as string;
    const cookieOnly = { cookie: cw.headers.cookie ?? '' };
    const patch = await f.app.inject({ method: 'PATCH', url: `/api/offers/${id}`, headers: cookieOnly, payload: { status: 'cancelled' } });
    const post = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/outcomes`, headers: cookieOnly, payload: { kind: 'education', date: '2026-11-20' } });
    for (const res of [patch, post]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    }
  });

  it('404 for an unknown citizen on every route', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    for (const path of ['offers', 'outcomes', 'deadlines']) {
      const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${unknown}/${path}`, headers: { cookie: cw.headers.cookie ?? '' } });
      expect(res.statusCode, path).toBe(404);
    }
  });
});
