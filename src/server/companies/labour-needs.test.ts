// Labour needs (GET/POST /api/companies/:id/needs, PATCH /api/needs/:id), the DB07 reference
// (GET /api/industries) and demand per industry (GET /api/industries/demand): validation naming
// fields with nothing written, audit rows, permissions, and the counts against packages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { expectFieldError, createFixture, createUser, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const NOW = new Date('2026-11-25T09:00:00Z');

const count = async (f: Fixture, table: 'labour_needs' | 'audit_log'): Promise<number> =>
  (await f.test.db.kysely.selectFrom(table).select('id').execute()).length;
const lastAudit = (f: Fixture) => f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

describe.each(databases)('labour needs and demand on %s', (kind) => {
  let f: Fixture;
  let consultant: Login;
  let manager: Login;
  let evaluator: Login;
  let retail: string;
  let care: string;
  let bare: string;

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    await createUser(f, 'company@607', 'company_consultant', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'evaluator@607', 'evaluator', '607');
    consultant = await login(f, 'company@607');
    manager = await login(f, 'manager@607');
    evaluator = await login(f, 'evaluator@607');
    const post = async (payload: object) => (await f.app.inject({ method: 'POST', url: '/api/companies', headers: consultant.headers, payload })).json().company.id as string;
    retail = await post({ cvr: '24256790', name: 'Fakta Fredericia', db07: '4711' });
    care = await post({ cvr: '10150817', name: 'Plejecenter Hedely', db07: '87' });
    bare = await post({ cvr: '30060946', name: 'Uden Branche ApS' });
  });
  afterAll(async () => {
    await f.close();
  });

  it('company DB07 codes are stored dotted', async () => {
    const res = await f.app.inject({ method: 'GET', url: `/api/companies/${retail}`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(res.json().company).toMatchObject({ db07: '47.11', openSlots: 0 });
  });

  it('records a need with the company’s industry by default, audited, and counts its open slots', async () => {
    const before = await count(f, 'audit_log');
    const res = await f.app.inject({
      method: 'POST', url: `/api/companies/${retail}/needs`, headers: consultant.headers,
      payload: { kind: 'placement', slots: 3, periodFrom: '2026-12-01', periodTo: '2027-02-28', note: ' Morgenhold ' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().need).toMatchObject({ companyId: retail, db07: '47.11', kind: 'placement', slots: 3, periodFrom: '2026-12-01', periodTo: '2027-02-28', note: 'Morgenhold', closedOn: null });
    expect(await count(f, 'audit_log')).toBe(before + 1);
    expect(await lastAudit(f)).toMatchObject({ action: 'need.create', entity: 'labour_need', entity_id: res.json().need.id, municipality_code: '607', detail: { companyId: retail, slots: 3 } });
    await f.app.inject({ method: 'POST', url: `/api/companies/${care}/needs`, headers: consultant.headers, payload: { kind: 'igu', slots: 2, periodFrom: '2026-11-01', periodTo: '2027-10-31' } });
    await f.app.inject({ method: 'POST', url: `/api/companies/${care}/needs`, headers: consultant.headers, payload: { kind: 'job', slots: 1, periodFrom: '2026-01-01', periodTo: '2026-06-30' } });
    const list = await f.app.inject({ method: 'GET', url: '/api/companies', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(list.json().companies.map((c: { name: string; openSlots: number }) => [c.name, c.openSlots])).toEqual([
      ['Fakta Fredericia', 3], ['Plejecenter Hedely', 2], ['Uden Branche ApS', 0],
    ]);
  });

  it('answers 400 naming the field, writing nothing', async () => {
    const needs = await count(f, 'labour_needs');
    const audits = await count(f, 'audit_log');
    const ok = { kind: 'job', slots: 1, periodFrom: '2026-12-01', periodTo: '2026-12-31' };
    const bad: Array<{ id: string; payload: object; field: string }> = [
      { id: retail, payload: { ...ok, kind: 'praktik' }, field: 'kind' },
      { id: retail, payload: { ...ok, slots: 0 }, field: 'slots' },
      { id: retail, payload: { ...ok, slots: 1.5 }, field: 'slots' },
      { id: retail, payload: { ...ok, periodFrom: '2026-02-30' }, field: 'periodFrom' },
      { id: retail, payload: { ...ok, periodTo: '2026-11-30' }, field: 'periodTo' },
      { id: retail, payload: { ...ok, db07: '4' }, field: 'db07' },
      { id: bare, payload: ok, field: 'db07' },
    ];
    for (const { id, payload, field } of bad) {
      const res = await f.app.inject({ method: 'POST', url: `/api/companies/${id}/needs`, headers: consultant.headers, payload });
      expectFieldError(res, field, JSON.stringify(payload));
    }
    const withCode = await f.app.inject({ method: 'POST', url: `/api/companies/${bare}/needs`, headers: consultant.headers, payload: { ...ok, db07: '10' } });
    expect(withCode.statusCode, withCode.body).toBe(201);
    expect(await count(f, 'labour_needs')).toBe(needs + 1);
    expect(await count(f, 'audit_log')).toBe(audits + 1);
    const patchBad = await f.app.inject({ method: 'PATCH', url: `/api/needs/${withCode.json().need.id}`, headers: consultant.headers, payload: {} });
    expectFieldError(patchBad, 'slots', 'empty patch');
  });

  it('lists a company’s needs (audited), changes slots and closes a need (audited); unknown ids are 404', async () => {
    const list = await f.app.inject({ method: 'GET', url: `/api/companies/${care}/needs`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().needs.map((n: { kind: string }) => n.kind)).toEqual(['igu', 'job']);
    expect(await lastAudit(f)).toMatchObject({ action: 'need.list', entity: 'company', entity_id: care, detail: { count: 2 } });
    const igu = list.json().needs[0].id as string;
    const more = await f.app.inject({ method: 'PATCH', url: `/api/needs/${igu}`, headers: consultant.headers, payload: { slots: 4 } });
    expect(more.json().need).toMatchObject({ slots: 4, closedOn: null });
    const closed = await f.app.inject({ method: 'PATCH', url: `/api/needs/${igu}`, headers: consultant.headers, payload: { closedOn: '2026-11-25' } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().need).toMatchObject({ slots: 4, closedOn: '2026-11-25' });
    expect(await lastAudit(f)).toMatchObject({ action: 'need.update', entity: 'labour_need', entity_id: igu, detail: { closedOn: '2026-11-25' } });
    const company = await f.app.inject({ method: 'GET', url: `/api/companies/${care}`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(company.json().company.openSlots).toBe(0);
    const reopened = await f.app.inject({ method: 'PATCH', url: `/api/needs/${igu}`, headers: consultant.headers, payload: { closedOn: null } });
    expect(reopened.json().need.closedOn).toBeNull();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const res of [
      await f.app.inject({ method: 'GET', url: `/api/companies/${missing}/needs`, headers: { cookie: manager.headers.cookie ?? '' } }),
      await f.app.inject({ method: 'POST', url: `/api/companies/${missing}/needs`, headers: consultant.headers, payload: { kind: 'job', slots: 1, periodFrom: '2026-12-01', periodTo: '2026-12-31' } }),
      await f.app.inject({ method: 'PATCH', url: `/api/needs/${missing}`, headers: consultant.headers, payload: { slots: 2 } }),
    ]) expect(res.statusCode, res.body).toBe(404);
  });

  it('caseworkers and managers read but may not record or change needs; an evaluator may not read; writes need CSRF', async () => {
    const payload = { kind: 'job', slots: 1, periodFrom: '2026-12-01', periodTo: '2026-12-31' };
    await createUser(f, 'reader@607', 'caseworker', '607');
    const caseworker = await login(f, 'reader@607');
    expect((await f.app.inject({ method: 'GET', url: `/api/companies/${retail}/needs`, headers: { cookie: caseworker.headers.cookie ?? '' } })).statusCode).toBe(200);
    expect((await f.app.inject({ method: 'GET', url: '/api/industries/demand', headers: { cookie: caseworker.headers.cookie ?? '' } })).statusCode).toBe(200);
    const needId = (await f.test.db.kysely.selectFrom('labour_needs').select('id').executeTakeFirstOrThrow()).id;
    for (const who of [manager, caseworker]) {
      expect((await f.app.inject({ method: 'POST', url: `/api/companies/${retail}/needs`, headers: who.headers, payload })).statusCode).toBe(403);
      expect((await f.app.inject({ method: 'PATCH', url: `/api/needs/${needId}`, headers: who.headers, payload: { slots: 9 } })).statusCode).toBe(403);
    }
    expect((await f.app.inject({ method: 'GET', url: `/api/companies/${retail}/needs`, headers: evaluator.headers })).statusCode).toBe(403);
    expect((await f.app.inject({ method: 'GET', url: '/api/industries/demand', headers: evaluator.headers })).statusCode).toBe(403);
    expect((await f.app.inject({ method: 'GET', url: '/api/industries', headers: evaluator.headers })).statusCode).toBe(403);
    const csrf = await f.app.inject({ method: 'POST', url: `/api/companies/${retail}/needs`, headers: { cookie: consultant.headers.cookie ?? '' }, payload });
    expect(csrf.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('serves the DB07 reference: 21 sections and the named industries', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/industries', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().sections).toHaveLength(21);
    expect(res.json().industries).toContainEqual({
      code: '52.10', section: 'H',
      // In the six UI languages, the four drafts flagged unreviewed (content/reference/db07.json).
      name: { da: 'Oplagring', en: 'Warehousing and storage', ar: 'التخزين والمستودعات', fa: 'انبارداری و ذخیره‌سازی', so: 'Kaydinta iyo bakhaarada', ti: 'ምኽዛንን ምዕቋርን', unreviewed: ['ar', 'fa', 'so', 'ti'] },
    });
  });

  it('shows demand per industry next to the citizens in matching packages (audited); default period is today + 3 months', async () => {
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    const citizen = await registerCitizen(f, await login(f, 'caseworker@607'));
    const pkg = await f.app.inject({ method: 'POST', url: '/api/packages', headers: consultant.headers, payload: { templateId: 'vejle-care' } });
    expect(pkg.statusCode, pkg.body).toBe(201);
    const enrolment = await f.app.inject({ method: 'POST', url: `/api/packages/${pkg.json().package.id}/enrolments`, headers: consultant.headers, payload: { citizenId: citizen } });
    expect(enrolment.statusCode, enrolment.body).toBe(201);
    const before = await count(f, 'audit_log');
    const res = await f.app.inject({ method: 'GET', url: '/api/industries/demand', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect([body.from, body.to]).toEqual(['2026-11-25', '2027-02-24']);
    expect(body.industries.map((i: { db07: string }) => i.db07)).toEqual(['10', '47', 'Q']);
    const q = body.industries[2];
    expect(q.openSlots).toEqual({ placement: 0, job: 0, igu: 4, total: 4 });
    expect(q.companies).toEqual([{ id: care, name: 'Plejecenter Hedely', slots: 4 }]);
    expect(q.citizens).toEqual({ active: 1, waitingAtGate: 0, completed: 0 });
    expect(q.packages[0].modules.map((m: { active: number }) => m.active)).toEqual([1, 0, 0, 0, 0]);
    expect(body.industries[1]).toMatchObject({ name: { da: 'Detailhandel undtagen med motorkøretøjer og motorcykler' }, openSlots: { placement: 3, total: 3 }, packages: [] });
    expect(await count(f, 'audit_log')).toBe(before + 1);
    expect(await lastAudit(f)).toMatchObject({ action: 'demand.view', entity: 'municipality', entity_id: '607', detail: { from: '2026-11-25', to: '2027-02-24' } });
    // One definition of "in progress" on both pages: the packages list counts the same citizens
    // (waiting at a gate included) as demand does for the package's industry.
    const packages = (await f.app.inject({ method: 'GET', url: '/api/packages', headers: { cookie: manager.headers.cookie ?? '' } })).json().packages as { id: string; counts: { active: number; waitingAtGate: number } }[];
    const listed = packages.find((p) => p.id === pkg.json().package.id);
    expect(listed?.counts).toMatchObject({ active: q.citizens.active, waitingAtGate: q.citizens.waitingAtGate });
    const later = await f.app.inject({ method: 'GET', url: '/api/industries/demand?from=2027-03-01&to=2027-03-31', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(later.json().industries.map((i: { db07: string; openSlots: { total: number } }) => [i.db07, i.openSlots.total])).toEqual([['Q', 4]]);
    const backwards = await f.app.inject({ method: 'GET', url: '/api/industries/demand?from=2027-03-01&to=2027-02-01', headers: { cookie: manager.headers.cookie ?? '' } });
    expectFieldError(backwards, 'to', 'to before from');
    const onlyTo = await f.app.inject({ method: 'GET', url: '/api/industries/demand?to=2026-01-01', headers: { cookie: manager.headers.cookie ?? '' } });
    expectFieldError(onlyTo, 'to', 'to before today');
  });
});
