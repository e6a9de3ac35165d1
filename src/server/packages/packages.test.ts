import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const INTRO = ['intro-attendance', 'intro-industries', 'intro-choice', 'intro-presentation'];

async function auditActions(f: Fixture, since: number): Promise<string[]> {
  const rows = await f.test.db.kysely.selectFrom('audit_log').select(['id', 'action']).orderBy('id').execute();
  return rows.slice(since).map((r) => r.action);
}
const auditCount = async (f: Fixture): Promise<number> => (await f.test.db.kysely.selectFrom('audit_log').select('id').execute()).length;

describe.each(databases)('industry packages on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let manager: Login;
  let now = new Date('2026-11-02T09:00:00Z');
  let packageId: string;
  let citizenId: string;
  let enrolmentId: string;
  // Sessions expire within the day: moving the clock means logging in again.
  const setNow = async (iso: string): Promise<void> => {
    now = new Date(iso);
    cw = await login(f, 'caseworker@607');
    manager = await login(f, 'manager@607');
  };

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => now });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    cw = await login(f, 'caseworker@607');
    manager = await login(f, 'manager@607');
    citizenId = await registerCitizen(f, cw, { takeoverDate: '2026-10-01', arrivalDate: '2026-09-01' });
  });
  afterAll(async () => {
    await f.close();
  });

  it('creates a package from a template (audited); unknown template is 400; a manager may not create', async () => {
    const before = await auditCount(f);
    const res = await f.app.inject({ method: 'POST', url: '/api/packages', headers: cw.headers, payload: { templateId: 'vejle-care' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().package).toMatchObject({ templateId: 'vejle-care', name: 'Branchepakke: Pleje og omsorg', db07: 'Q', moduleCount: 5 });
    expect(res.json().package.modules[0].goals.map((g: { id: string }) => g.id)).toEqual(INTRO);
    packageId = res.json().package.id;
    expect(await auditActions(f, before)).toEqual(['package.create']);
    const unknown = await f.app.inject({ method: 'POST', url: '/api/packages', headers: cw.headers, payload: { templateId: 'nope' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['templateId']);
    const denied = await f.app.inject({ method: 'POST', url: '/api/packages', headers: manager.headers, payload: { templateId: 'vejle-care' } });
    expect(denied.statusCode).toBe(403);
  });

  it('the package view carries the caller’s abilities on it: a caseworker may enrol, a manager only read', async () => {
    const asCw = await f.app.inject({ method: 'GET', url: `/api/packages/${packageId}`, headers: { cookie: cw.headers.cookie ?? '' } });
    expect(asCw.statusCode, asCw.body).toBe(200);
    expect(asCw.json().abilities).toEqual(expect.arrayContaining(['package.view', 'package.enrol', 'package.signoff', 'package.advance']));
    const asManager = await f.app.inject({ method: 'GET', url: `/api/packages/${packageId}`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(asManager.json().abilities).toContain('package.view');
    expect(asManager.json().abilities).not.toContain('package.enrol');
  });

  it('enrols a citizen in module 1 (409 on a second enrolment, 404 for an unknown citizen)', async () => {
    const res = await f.app.inject({ method: 'POST', url: `/api/packages/${packageId}/enrolments`, headers: cw.headers, payload: { citizenId } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().enrolment).toMatchObject({
      citizenId, status: 'active', startedOn: '2026-11-02', moduleStartedOn: '2026-11-02', currentModule: { index: 0, id: 'intro' },
      signedOffGoalIds: [], unmetGoalIds: INTRO, daysInModule: 0, daysWaitedAtGate: null,
    });
    enrolmentId = res.json().enrolment.id;
    const again = await f.app.inject({ method: 'POST', url: `/api/packages/${packageId}/enrolments`, headers: cw.headers, payload: { citizenId } });
    expect(again.statusCode).toBe(409);
    const nobody = await f.app.inject({ method: 'POST', url: `/api/packages/${packageId}/enrolments`, headers: cw.headers, payload: { citizenId: '00000000-0000-4000-8000-000000000000' } });
    expect(nobody.statusCode).toBe(404);
  });

  it('the gate blocks with 409 gate_blocked listing the unmet goals; sign-offs are checked by the domain', async () => {
    const before = await auditCount(f);
    const blocked = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/advance`, headers: cw.headers, payload: {} });
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'gate_blocked', unmetGoalIds: INTRO });
    await setNow('2026-11-10T09:00:00Z');
    const ok = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/signoffs`, headers: cw.headers, payload: { goalId: 'intro-attendance', note: 'fuld deltagelse' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().enrolment).toMatchObject({ signedOffGoalIds: ['intro-attendance'], unmetGoalIds: INTRO.slice(1), daysInModule: 8 });
    const twice = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/signoffs`, headers: cw.headers, payload: { goalId: 'intro-attendance' } });
    expect(twice.statusCode).toBe(409);
    const unknown = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/signoffs`, headers: cw.headers, payload: { goalId: 'p1-tasks' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['goalId']);
    expect(await auditActions(f, before)).toEqual(['enrolment.signoff']);
  });

  it('advances through the open gate; the package view shows days waited at the gate', async () => {
    for (const goalId of INTRO.slice(1)) {
      const res = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/signoffs`, headers: cw.headers, payload: { goalId } });
      expect(res.statusCode, res.body).toBe(201);
    }
    await setNow('2026-11-13T09:00:00Z');
    const view = await f.app.inject({ method: 'GET', url: `/api/packages/${packageId}`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().enrolments).toEqual([expect.objectContaining({ id: enrolmentId, unmetGoalIds: [], daysInModule: 11, daysWaitedAtGate: 3 })]);
    const list = await f.app.inject({ method: 'GET', url: '/api/packages', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(list.json().packages.map((p: { id: string }) => p.id)).toEqual([packageId]);
    const unneeded = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/advance`, headers: cw.headers, payload: { override: { reason: 'not needed' } } });
    expect(unneeded.statusCode).toBe(409);
    expect(unneeded.json()).toMatchObject({ code: 'conflict', reason: 'override_not_needed' });
    const before = await auditCount(f);
    const res = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/advance`, headers: cw.headers, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enrolment).toMatchObject({ currentModule: { index: 1, id: 'trial' }, moduleStartedOn: '2026-11-13', unmetGoalIds: ['trial-attendance', 'trial-industry', 'trial-fit'] });
    expect(await auditActions(f, before)).toEqual(['enrolment.advance']);
  });

  it('an override with a reason advances past unmet goals and is recorded; a blank reason is 400', async () => {
    const blank = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/advance`, headers: cw.headers, payload: { override: { reason: '   ' } } });
    expect(blank.statusCode, blank.body).toBe(400);
    expect(blank.json().errors.map((e: { field: string }) => e.field)).toEqual(['override.reason']);
    await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/signoffs`, headers: cw.headers, payload: { goalId: 'trial-attendance' } });
    const before = await auditCount(f);
    const res = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/advance`, headers: cw.headers, payload: { override: { reason: ' Jobtilbud hos praktikvirksomheden ' } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enrolment).toMatchObject({ currentModule: { index: 2, id: 'placement-1' }, signedOffGoalIds: [] });
    expect(await auditActions(f, before)).toEqual(['enrolment.override', 'enrolment.advance']);
    const rows = await f.test.db.kysely.selectFrom('gate_overrides').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ enrolment_id: enrolmentId, module_index: 1, reason: 'Jobtilbud hos praktikvirksomheden', unmet_goal_ids: ['trial-industry', 'trial-fit'] })]);
  });

  it('enrolments carry the citizen name, sign-offs (who, when, note) and the module history with the override', async () => {
    const view = await f.app.inject({ method: 'GET', url: `/api/packages/${packageId}`, headers: cw.headers });
    expect(view.statusCode, view.body).toBe(200);
    const [enrolment] = view.json().enrolments;
    expect(enrolment.citizenName).toBe('Amira Haddad');
    expect(view.body).not.toContain('010190-');
    expect(enrolment.moduleHistory).toEqual([
      { index: 0, id: 'intro', title: expect.objectContaining({ da: expect.any(String) }), startedOn: '2026-11-02', endedOn: '2026-11-13', viaOverride: false, overrideReason: null },
      { index: 1, id: 'trial', title: expect.objectContaining({ en: expect.any(String) }), startedOn: '2026-11-13', endedOn: '2026-11-13', viaOverride: true, overrideReason: 'Jobtilbud hos praktikvirksomheden' },
      { index: 2, id: 'placement-1', title: expect.any(Object), startedOn: '2026-11-13', endedOn: null, viaOverride: false, overrideReason: null },
    ]);
    expect(view.json().package.counts).toEqual({ active: 1, waitingAtGate: 0, completed: 0 });
    const signed = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/signoffs`, headers: cw.headers, payload: { goalId: 'p1-tasks', note: 'klarer opgaverne' } });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().enrolment.signoffs).toEqual([{ goalId: 'p1-tasks', signedBy: 'caseworker@607', signedOn: '2026-11-13', note: 'klarer opgaverne' }]);
    const rows = await f.test.db.kysely.selectFrom('enrolment_modules').selectAll().where('enrolment_id', '=', enrolmentId).orderBy('module_index').execute();
    expect(rows.map((r) => [r.module_index, r.module_id, r.ended_on, r.via_override, r.advanced_by !== null])).toEqual([
      [0, 'intro', '2026-11-13', false, true], [1, 'trial', '2026-11-13', true, true], [2, 'placement-1', null, false, false],
    ]);
  });

  it("lists a citizen's enrolments with package name and industry (audited); an unknown citizen is 404", async () => {
    const before = await auditCount(f);
    const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}/enrolments`, headers: cw.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().enrolments).toEqual([expect.objectContaining({
      id: enrolmentId, packageId, packageName: 'Branchepakke: Pleje og omsorg', industry: expect.objectContaining({ db07: 'Q' }),
      currentModule: expect.objectContaining({ id: 'placement-1' }), moduleHistory: expect.any(Array),
    })]);
    expect(await auditActions(f, before)).toEqual(['enrolment.list']);
    const nobody = await f.app.inject({ method: 'GET', url: '/api/citizens/00000000-0000-4000-8000-000000000000/enrolments', headers: cw.headers });
    expect(nobody.statusCode).toBe(404);
    const bad = await f.app.inject({ method: 'GET', url: '/api/citizens/nope/enrolments', headers: cw.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('lists the six Vejle templates; the package list counts active, waiting and completed citizens', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/package-templates', headers: cw.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().templates.map((t: { id: string }) => t.id).sort()).toEqual([
      'vejle-care', 'vejle-cleaning', 'vejle-food-industry', 'vejle-kitchen-service', 'vejle-retail-assistant', 'vejle-warehouse',
    ]);
    expect(res.json().templates[0]).toMatchObject({ moduleCount: 5, industry: { db07: expect.any(String) } });
    const list = await f.app.inject({ method: 'GET', url: '/api/packages', headers: cw.headers });
    expect(list.json().packages.find((p: { id: string }) => p.id === packageId).counts).toEqual({ active: 1, waitingAtGate: 0, completed: 0 });
  });

  it('writes need the CSRF token', async () => {
    const cookie = { cookie: cw.headers.cookie ?? '' };
    const responses = [
      await f.app.inject({ method: 'POST', url: '/api/packages', headers: cookie, payload: { templateId: 'vejle-care' } }),
      await f.app.inject({ method: 'POST', url: `/api/packages/${packageId}/enrolments`, headers: cookie, payload: { citizenId } }),
      await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/signoffs`, headers: cookie, payload: { goalId: 'p1-tasks' } }),
      await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolmentId}/advance`, headers: cookie, payload: {} }),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    }
  });

  it('the database refuses a blank override reason on its own', async () => {
    const user = await f.test.db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow();
    await expect(
      f.test.db.kysely.insertInto('gate_overrides').values({
        enrolment_id: enrolmentId, municipality_code: '607', module_index: 4, reason: '  ', decided_by: user.id, decided_at: new Date(), unmet_goal_ids: '[]',
      }).execute(),
    ).rejects.toThrow(/check/i);
  });
});
