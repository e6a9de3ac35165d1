import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { expectFieldError, createFixture, createUser, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

async function auditCount(f: Fixture): Promise<number> {
  const row = await f.test.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const lastAudit = (f: Fixture) => f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();

describe.each(databases)('companies on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let consultant: Login;
  let manager: Login;

  beforeAll(async () => {
    f = await createFixture(kind);
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'company@607', 'company_consultant', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    cw = await login(f, 'caseworker@607');
    consultant = await login(f, 'company@607');
    manager = await login(f, 'manager@607');
  });
  afterAll(async () => {
    await f.close();
  });

  it('a company consultant registers a company (CVR normalised) and it is audited', async () => {
    const before = await auditCount(f);
    const res = await f.app.inject({
      method: 'POST', url: '/api/companies', headers: consultant.headers,
      payload: { cvr: 'DK 2425 6790', name: 'Fakta Fredericia', db07: '47', address: 'Vejlevej 1, 7000 Fredericia', contacts: [{ name: 'Anna Holm', role: 'Butikschef', phone: '12345678' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().company).toMatchObject({ cvr: '24256790', name: 'Fakta Fredericia', db07: '47', contacts: [{ name: 'Anna Holm', role: 'Butikschef' }] });
    expect(await auditCount(f)).toBe(before + 1);
    expect(await lastAudit(f)).toMatchObject({ action: 'company.create', entity: 'company', entity_id: res.json().company.id, municipality_code: '607' });
  });

  it('a caseworker registers too; a duplicate CVR in the municipality is 409', async () => {
    const ok = await f.app.inject({ method: 'POST', url: '/api/companies', headers: cw.headers, payload: { cvr: '10150817', name: 'Vejle Kommune Pleje' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().company).toMatchObject({ db07: null, address: null, contacts: [] });
    const before = await auditCount(f);
    const dup = await f.app.inject({ method: 'POST', url: '/api/companies', headers: consultant.headers, payload: { cvr: '1015 0817', name: 'Again' } });
    expect(dup.statusCode, dup.body).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'conflict' });
    expect(await auditCount(f)).toBe(before);
  });

  it('answers 400 naming cvr on a bad checksum or format, and the other fields, writing nothing', async () => {
    const before = await auditCount(f);
    const bad = [
      { payload: { cvr: '12345678', name: 'X' }, field: 'cvr' },
      { payload: { cvr: '1234', name: 'X' }, field: 'cvr' },
      { payload: { cvr: '30060946', name: ' ' }, field: 'name' },
      { payload: { cvr: '30060946', name: 'X', db07: '4' }, field: 'db07' },
    ];
    for (const { payload, field } of bad) {
      const res = await f.app.inject({ method: 'POST', url: '/api/companies', headers: cw.headers, payload });
      expectFieldError(res, field, JSON.stringify(payload));
    }
    expect(await auditCount(f)).toBe(before);
  });

  it('lists and shows companies (audited); a manager may view but not create', async () => {
    const read = { cookie: manager.headers.cookie ?? '' };
    const before = await auditCount(f);
    const list = await f.app.inject({ method: 'GET', url: '/api/companies', headers: read });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().companies.map((c: { name: string }) => c.name)).toEqual(['Fakta Fredericia', 'Vejle Kommune Pleje']);
    expect(await lastAudit(f)).toMatchObject({ action: 'company.list', entity: 'company', detail: { count: 2 } });
    const id = list.json().companies[0].id as string;
    const one = await f.app.inject({ method: 'GET', url: `/api/companies/${id}`, headers: read });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().company).toMatchObject({ id, cvr: '24256790' });
    // What the caller may do with it comes with it (a manager reads, may not edit needs).
    expect(one.json().abilities).toContain('company.view');
    expect(one.json().abilities).not.toContain('company.needs');
    expect(await lastAudit(f)).toMatchObject({ action: 'company.view', entity_id: id });
    expect(await auditCount(f)).toBe(before + 2);
    const missing = await f.app.inject({ method: 'GET', url: '/api/companies/00000000-0000-4000-8000-000000000000', headers: read });
    expect(missing.statusCode).toBe(404);
    const denied = await f.app.inject({ method: 'POST', url: '/api/companies', headers: manager.headers, payload: { cvr: '30060946', name: 'X' } });
    expect(denied.statusCode).toBe(403);
  });

  it('two concurrent registrations of one CVR: one 201, one 409 (never a 500)', async () => {
    const post = () => f.app.inject({ method: 'POST', url: '/api/companies', headers: cw.headers, payload: { cvr: '30060946', name: 'Samtidig ApS' } });
    const codes = (await Promise.all([post(), post()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
  });

  it('writes need the CSRF token', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/companies', headers: { cookie: cw.headers.cookie ?? '' }, payload: { cvr: '30060946', name: 'X' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
  });
});
