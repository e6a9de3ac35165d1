import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../../db/testing.ts';
import { createFixture, createUser, login, newCitizen, registerCitizen, type Fixture, type Login } from '../../../../tests/support/app-fixture.ts';

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

  it('lists the municipality’s citizens sorted by next round due, audited', async () => {
    await registerCitizen(f, cw, { name: 'Early', takeoverDate: '2024-01-01' });
    const before = await counts(f);
    const res = await f.app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(res.statusCode).toBe(200);
    const { citizens } = res.json();
    expect(citizens.length).toBeGreaterThanOrEqual(3);
    expect(citizens[0].name).toBe('Early');
    const dues = citizens.map((c: { nextRoundDue: string }) => c.nextRoundDue);
    expect([...dues].sort()).toEqual(dues);
    expect(citizens[0].cprMasked).toBeUndefined();
    expect((await counts(f)).audit).toBe(before.audit + 1);
  });

  it('shows one citizen with rounds and the caller’s abilities', async () => {
    const id = await registerCitizen(f, cw);
    const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${id}`, headers: { cookie: cw.headers.cookie ?? '' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ citizen: { id }, rounds: [], abilities: [
      'citizen.list', 'citizen.view', 'citizen.create', 'round.start', 'round.answer', 'round.handover',
      'offer.view', 'offer.create', 'offer.update', 'outcome.view', 'outcome.create', 'deadline.view',
      'company.view', 'company.create', 'package.view', 'package.create', 'package.enrol', 'package.signoff', 'package.advance',
    ] });
    const manager = await login(f, 'manager@607');
    const seen = await f.app.inject({ method: 'GET', url: `/api/citizens/${id}`, headers: { cookie: manager.headers.cookie ?? '' } });
    expect(seen.json().abilities).toEqual(['citizen.list', 'citizen.view', 'offer.view', 'outcome.view', 'deadline.view', 'company.view', 'package.view']);
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
