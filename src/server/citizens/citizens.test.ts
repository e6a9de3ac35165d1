import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, login, newCitizen, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const NOW = new Date('2026-11-25T09:00:00Z');

async function counts(f: Fixture) {
  const k = f.test.db.kysely;
  const c = await k.selectFrom('citizens').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const a = await k.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { citizens: Number(c.n), audit: Number(a.n) };
}

describe.each(databases)('citizens on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'admin', 'admin', null);
    cw = await login(f, 'caseworker@607');
  });
  afterAll(async () => {
    await f.close();
  });

  it('registers a citizen: 201 with a masked CPR, stored encrypted, audited', async () => {
    const before = await counts(f);
    const res = await f.app.inject({ method: 'POST', url: '/api/citizens', headers: cw.headers, payload: newCitizen({ cpr: '150385-2001', name: 'Rasha Khalil' }) });
    expect(res.statusCode).toBe(201);
    const { citizen } = res.json();
    expect(citizen).toMatchObject({
      name: 'Rasha Khalil', cprMasked: '150385-****', municipalityCode: '607', roundCount: 0, lastRoundDate: null,
      takeoverDate: '2025-07-01', nextRoundDue: '2025-10-01', daysToNextRound: -420, targetGroup: 'broad',
    });
    expect(res.body).not.toContain('2001');
    const row = await f.test.db.kysely.selectFrom('citizens').selectAll().where('id', '=', citizen.id).executeTakeFirstOrThrow();
    expect(row.cpr_encrypted).not.toContain('1503852001');
    expect(row.cpr_hash).toMatch(/^[0-9a-f]{64}$/);
    const after = await counts(f);
    expect(after).toEqual({ citizens: before.citizens + 1, audit: before.audit + 1 });
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'citizen.create', entity: 'citizen', entity_id: citizen.id, actor_role: 'caseworker', municipality_code: '607' });
    expect(JSON.stringify(audit.detail)).not.toContain('1503852001');
  });

  it('refuses the same CPR twice in the municipality with 409 (either spelling)', async () => {
    await registerCitizen(f, cw, { cpr: '010280-3001' });
    const res = await f.app.inject({ method: 'POST', url: '/api/citizens', headers: cw.headers, payload: newCitizen({ cpr: '0102803001' }) });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict' });
    expect(res.body).not.toContain('0102803001');
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const before = await counts(f);
    const res = await f.app.inject({
      method: 'POST', url: '/api/citizens', headers: cw.headers,
      payload: newCitizen({ cpr: '320190-1234', gender: 'X', birthDate: '1990-13-01', name: undefined }),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthDate', 'cpr', 'gender', 'name']);
    expect(res.body).not.toContain('320190');
    expect(await counts(f)).toEqual(before);
  });

  it('lists the municipality’s citizens sorted by days to the next deadline breach, with that deadline, audited', async () => {
    await registerCitizen(f, cw, { name: 'Early', takeoverDate: '2024-01-01' });
    // As of 2026-11-25 (policy 2016: first offer 14 days target / 1 month deadline, FIP every 3 months):
    await registerCitizen(f, cw, { name: 'Sort A fresh', takeoverDate: '2026-11-20' }); // target due 12-04: 9 days left
    await registerCitizen(f, cw, { name: 'Sort B late', takeoverDate: '2026-11-01' }); // target due 11-15: 10 days over
    await registerCitizen(f, cw, { name: 'Sort C later', takeoverDate: '2026-10-01' }); // target due 10-15: 41 days over
    const d = await registerCitizen(f, cw, { name: 'Sort D placed', takeoverDate: '2026-11-20' });
    const offer = await f.app.inject({ method: 'POST', url: `/api/citizens/${d}/offers`, headers: cw.headers, payload: { kind: 'praktik_private', startDate: '2026-11-23', companyName: 'Bygma' } });
    expect(offer.statusCode).toBe(201);
    const e = await registerCitizen(f, cw, { name: 'Sort E self-sufficient', takeoverDate: '2026-10-01' });
    const outcome = await f.app.inject({ method: 'POST', url: `/api/citizens/${e}/outcomes`, headers: cw.headers, payload: { kind: 'self_sufficiency', date: '2026-11-01' } });
    expect(outcome.statusCode).toBe(201);

    const before = await counts(f);
    const res = await f.app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(res.statusCode).toBe(200);
    type Row = { name: string; nextRoundDue: string; cprMasked?: string; nextDeadline: { ruleId: string; state: string; dueDate: string | null; daysLeft: number | null; daysOver: number | null } | null };
    const citizens: Row[] = res.json().citizens;
    expect(citizens.length).toBeGreaterThanOrEqual(7);
    expect(citizens[0]?.name).toBe('Early'); // taken over 2024-01-01 without an offer: the most days over
    expect(citizens[0]?.cprMasked).toBeUndefined();
    const sorted = citizens.filter((c) => c.name.startsWith('Sort '));
    expect(sorted.map((c) => c.name)).toEqual(['Sort C later', 'Sort B late', 'Sort A fresh', 'Sort D placed', 'Sort E self-sufficient']);
    expect(sorted.map((c) => c.nextDeadline)).toEqual([
      { ruleId: 'first_offer_target', kind: 'first_offer', state: 'breached', dueDate: '2026-10-15', daysLeft: null, daysOver: 41, pastBreach: false },
      { ruleId: 'first_offer_target', kind: 'first_offer', state: 'breached', dueDate: '2026-11-15', daysLeft: null, daysOver: 10, pastBreach: false },
      { ruleId: 'first_offer_target', kind: 'first_offer', state: 'ok', dueDate: '2026-12-04', daysLeft: 9, daysOver: null, pastBreach: false },
      // Placed from 11-23 (planned end 2027-02-21): the next obligation is the FIP round due 2027-02-20.
      { ruleId: 'fip_round', kind: 'recurring_event', state: 'ok', dueDate: '2027-02-20', daysLeft: 87, daysOver: null, pastBreach: false },
      null, // left the programme (self-sufficiency outcome): no deadlines run
    ]);
    // The whole list is in sort-key order: overdue (most days over first), then days left, then none.
    const key = (c: Row) => (c.nextDeadline === null ? Infinity : c.nextDeadline.state === 'breached' ? -(c.nextDeadline.daysOver ?? 0) : (c.nextDeadline.daysLeft ?? Infinity));
    const keys = citizens.map(key);
    expect([...keys].sort((x, y) => x - y)).toEqual(keys);
    expect((await counts(f)).audit).toBe(before.audit + 1);
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'citizen.list', detail: { count: citizens.length, deadlinesAsOf: '2026-11-25' } });
  });

  it('shows one citizen with rounds and the caller’s abilities', async () => {
    const id = await registerCitizen(f, cw);
    const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${id}`, headers: { cookie: cw.headers.cookie ?? '' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ citizen: { id }, rounds: [], abilities: [
      'citizen.list', 'citizen.view', 'citizen.create', 'citizen.assign', 'round.start', 'round.answer', 'round.handover',
      'offer.view', 'offer.create', 'offer.update', 'outcome.view', 'outcome.create', 'deadline.view',
      'company.view', 'company.create', 'package.view', 'package.create', 'package.enrol', 'package.signoff', 'package.advance',
      'employment_model.view', 'instrument.listen',
    ] });
    const manager = await login(f, 'manager@607');
    const seen = await f.app.inject({ method: 'GET', url: `/api/citizens/${id}`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(seen.json().abilities).toEqual(['citizen.list', 'citizen.view', 'citizen.assign', 'caseload.overview', 'offer.view', 'outcome.view', 'deadline.view', 'company.view', 'package.view', 'fip_analytics.view', 'employment_model.manage', 'employment_model.view', 'export.create', 'citizen.access_log', 'citizen.export', 'national.view', 'user.admin', 'instrument.listen', 'instrument.audio']);
    const denied = await f.app.inject({ method: 'POST', url: '/api/citizens', headers: manager.headers, payload: newCitizen() });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'forbidden' });
  });

  it('forbids roles without citizen access (admin) and 404s unknown or malformed ids', async () => {
    const admin = await login(f, 'admin');
    expect((await f.app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie: admin.headers.cookie ?? '' } })).statusCode).toBe(403);
    const unknown = await f.app.inject({ method: 'GET', url: '/api/citizens/6f1c2a8e-0000-4000-8000-000000000000', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    const malformed = await f.app.inject({ method: 'GET', url: '/api/citizens/not-an-id', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('id');
  });
});
