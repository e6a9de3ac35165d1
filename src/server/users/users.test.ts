// The administration of user accounts (decision 026): the national administrator for every
// municipality, a manager for their own municipality's staff; create with a one-time password,
// change, deactivate (sign-in and sessions end), reactivate, reset the password; every change
// audited without a password; another municipality's account is 404, a role beyond reach 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { ANONYMOUS, withTenant } from '../platform/db/tenant.ts';
import { createFixture, createUser, expectFieldError, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

async function userId(f: Fixture, username: string): Promise<string> {
  return (await f.test.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function lastAudit(f: Fixture) {
  return f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
}

async function tryLogin(f: Fixture, username: string, password: string): Promise<number> {
  return (await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode;
}

describe.each(databases)('user administration on %s', (kind) => {
  let f: Fixture;
  let admin: Login;
  let manager: Login;
  let odderManager: Login;
  let caseworker: Login;
  const post = (as: Login, url: string, payload?: Record<string, unknown>) => f.app.inject({ method: 'POST', url, headers: as.headers, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    f = await createFixture(kind);
    await createUser(f, 'admin', 'admin', null);
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'manager@727', 'manager', '727');
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'caseworker@727', 'caseworker', '727');
    admin = await login(f, 'admin');
    manager = await login(f, 'manager@607');
    odderManager = await login(f, 'manager@727');
    caseworker = await login(f, 'caseworker@607');
  });
  afterAll(async () => {
    await f.close();
  });

  it('lists: the national administrator every account, a manager their own municipality’s; others 403', async () => {
    const all = await f.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.headers.cookie ?? '' } });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().users.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'caseworker@607', 'caseworker@727', 'manager@607', 'manager@727']);
    expect(all.json().assignableRoles).toEqual(['caseworker', 'company_consultant', 'manager', 'evaluator', 'national_admin', 'admin', 'interpreter']);
    expect(all.json().municipalities.length).toBeGreaterThan(90);
    // The administrator's own account carries no ability (no self-deactivation), the others user.admin.
    const self = all.json().users.find((u: { username: string }) => u.username === 'admin');
    expect(self.abilities).toEqual([]);
    expect(all.json().users.find((u: { username: string }) => u.username === 'caseworker@727').abilities).toEqual(['user.admin']);
    expect(await lastAudit(f)).toMatchObject({ action: 'user.list', entity: 'user', detail: { count: 5 } });

    const filtered = await f.app.inject({ method: 'GET', url: '/api/users?municipalityCode=727', headers: { cookie: admin.headers.cookie ?? '' } });
    expect(filtered.json().users.map((u: { username: string }) => u.username).sort()).toEqual(['caseworker@727', 'manager@727']);

    const own = await f.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(own.json().users.map((u: { username: string }) => u.username).sort()).toEqual(['caseworker@607', 'manager@607']);
    expect(own.json().assignableRoles).toEqual(['caseworker', 'company_consultant', 'manager', 'evaluator', 'interpreter']);
    expect(own.json().municipalities).toEqual([{ code: '607', name: expect.any(String) }]);
    // A manager asking for another municipality still gets their own.
    const widened = await f.app.inject({ method: 'GET', url: '/api/users?municipalityCode=727', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(widened.json().users.map((u: { username: string }) => u.username).sort()).toEqual(['caseworker@607', 'manager@607']);
    expect((await f.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: caseworker.headers.cookie ?? '' } })).statusCode).toBe(403);
    expectFieldError(await f.app.inject({ method: 'GET', url: '/api/users?page=0', headers: { cookie: admin.headers.cookie ?? '' } }), 'page', 'page 0');
    expectFieldError(await f.app.inject({ method: 'GET', url: '/api/users?role=admin', headers: { cookie: admin.headers.cookie ?? '' } }), 'role', 'unknown parameter');
  });

  it('creates an account with a one-time password shown once (argon2 at rest, never in the audit trail); it signs in', async () => {
    const res = await post(manager, '/api/users', { username: 'ny@607', displayName: 'Ny Sagsbehandler', role: 'caseworker', municipalityCode: '607' });
    expect(res.statusCode, res.body).toBe(201);
    const { user, oneTimePassword } = res.json() as { user: { id: string; active: boolean; role: string }; oneTimePassword: string };
    expect(user).toMatchObject({ role: 'caseworker', active: true });
    expect(oneTimePassword).toMatch(/^[a-z2-9]{14}$/);
    const stored = await f.test.db.kysely.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await lastAudit(f);
    expect(audit).toMatchObject({ action: 'user.create', entity: 'user', entity_id: user.id, detail: { username: 'ny@607', role: 'caseworker', municipalityCode: '607' } });
    expect(JSON.stringify(audit.detail)).not.toContain(oneTimePassword);
    expect(await tryLogin(f, 'ny@607', oneTimePassword)).toBe(200);
    // The list never carries a password or its hash.
    const list = await f.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(list.body).not.toContain('argon2');
    expect(list.body).not.toContain(oneTimePassword);
  });

  it('refuses creation: a taken user name 409, a role or municipality beyond the manager 403, bad fields 400 naming them', async () => {
    expect((await post(admin, '/api/users', { username: 'ny@607', displayName: 'X', role: 'caseworker', municipalityCode: '607' })).statusCode).toBe(409);
    expect((await post(manager, '/api/users', { username: 'x@727', displayName: 'X', role: 'caseworker', municipalityCode: '727' })).statusCode).toBe(403);
    expect((await post(manager, '/api/users', { username: 'boss', displayName: 'X', role: 'admin', municipalityCode: null })).statusCode).toBe(403);
    expect((await post(caseworker, '/api/users', { username: 'x@607', displayName: 'X', role: 'caseworker', municipalityCode: '607' })).statusCode).toBe(403);
    expectFieldError(await post(admin, '/api/users', { username: 'x@607', displayName: 'X', role: 'admin', municipalityCode: '607' }), 'municipalityCode', 'national role with a municipality');
    expectFieldError(await post(admin, '/api/users', { username: 'x@607', displayName: 'X', role: 'caseworker', municipalityCode: null }), 'municipalityCode', 'municipal role without one');
    expectFieldError(await post(admin, '/api/users', { username: 'x@607', displayName: 'X', role: 'caseworker', municipalityCode: '999' }), 'municipalityCode', 'no such municipality');
    expectFieldError(await post(admin, '/api/users', { username: 'Has Space', displayName: 'X', role: 'caseworker', municipalityCode: '607' }), 'username', 'bad user name');
    expectFieldError(await post(admin, '/api/users', { username: 'x@607', displayName: 'X\u0000', role: 'caseworker', municipalityCode: '607' }), 'displayName', 'NUL in the name');
    expectFieldError(await post(admin, '/api/users', { username: 'x@607', displayName: 'X', role: 'root', municipalityCode: '607' }), 'role', 'unknown role');
    expectFieldError(await post(admin, '/api/users', { username: 'x@607', displayName: 'X', role: 'caseworker', municipalityCode: '607', passwordHash: 'x' }), 'passwordHash', 'an extra field');
  });

  it('deactivates: sign-in refused and the sessions end at once; reactivates; audited', async () => {
    const id = await userId(f, 'caseworker@607');
    const res = await post(manager, `/api/users/${id}/deactivate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    expect(await lastAudit(f)).toMatchObject({ action: 'user.deactivate', entity_id: id, detail: { sessionsEnded: 1 } });
    expect((await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: caseworker.headers.cookie ?? '' } })).statusCode).toBe(401);
    expect(await tryLogin(f, 'caseworker@607', 'secret-pass')).toBe(401);
    // A session that somehow survived is refused too.
    await withTenant(f.test.db, ANONYMOUS, (tx) => tx.insertInto('sessions').values({ token_hash: 'x'.repeat(64), user_id: id, csrf_token: 'c', expires_at: new Date(Date.now() + 3_600_000) }).execute());
    expect((await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'jv_session=anything' } })).statusCode).toBe(401);

    const back = await post(admin, `/api/users/${id}/reactivate`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().user).toMatchObject({ active: true, deactivatedAt: null });
    expect(await lastAudit(f)).toMatchObject({ action: 'user.reactivate', entity_id: id });
    caseworker = await login(f, 'caseworker@607');
  });

  it('resets a password: a new one-time password, the old one and the sessions end; audited without it', async () => {
    const id = await userId(f, 'caseworker@607');
    const res = await post(manager, `/api/users/${id}/password-reset`);
    expect(res.statusCode, res.body).toBe(200);
    const { oneTimePassword } = res.json() as { oneTimePassword: string };
    expect(await tryLogin(f, 'caseworker@607', 'secret-pass')).toBe(401);
    expect((await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: caseworker.headers.cookie ?? '' } })).statusCode).toBe(401);
    const audit = await lastAudit(f);
    // Two: the sign-in after the reactivation and the session inserted by hand in the test above.
    expect(audit).toMatchObject({ action: 'user.password_reset', entity_id: id, detail: { sessionsEnded: 2 } });
    expect(JSON.stringify(audit.detail)).not.toContain(oneTimePassword);
    caseworker = await login(f, 'caseworker@607', oneTimePassword);
  });

  it('changes role, name and municipality (the national administrator); the manager only within their municipality', async () => {
    const id = await userId(f, 'ny@607');
    const renamed = await f.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: manager.headers, payload: { displayName: 'Ny Konsulent', role: 'company_consultant' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().user).toMatchObject({ displayName: 'Ny Konsulent', role: 'company_consultant', municipalityCode: '607' });
    expect(await lastAudit(f)).toMatchObject({ action: 'user.update', detail: { before: { role: 'caseworker' }, after: { role: 'company_consultant' } } });
    expect((await f.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: manager.headers, payload: { municipalityCode: '727' } })).statusCode).toBe(403);
    expect((await f.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: manager.headers, payload: { role: 'admin', municipalityCode: null } })).statusCode).toBe(403);
    const moved = await f.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin.headers, payload: { municipalityCode: '727' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().user).toMatchObject({ municipalityCode: '727' });
    expectFieldError(await f.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin.headers, payload: {} }), 'role', 'nothing to change');
    expectFieldError(await f.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin.headers, payload: { role: 'admin' } }), 'municipalityCode', 'admin with a municipality');
  });

  it('a user still responsible for citizens cannot move municipality (409, nothing changed)', async () => {
    const cw = await userId(f, 'caseworker@607');
    const citizen = await f.app.inject({
      method: 'POST', url: '/api/citizens', headers: caseworker.headers,
      payload: { name: 'Amira Haddad', cpr: '010190-1234', gender: 'F', originCountry: 'SY', arrivalDate: '2025-06-01', takeoverDate: '2025-07-01', language: 'ar', targetGroup: 'broad' },
    });
    expect(citizen.statusCode, citizen.body).toBe(201);
    const res = await f.app.inject({ method: 'PATCH', url: `/api/users/${cw}`, headers: admin.headers, payload: { municipalityCode: '727' } });
    expect(res.statusCode, res.body).toBe(409);
    expect((await f.test.db.kysely.selectFrom('users').select('municipality_code').where('id', '=', cw).executeTakeFirstOrThrow()).municipality_code).toBe('607');
  });

  it('hostile: another municipality’s account is 404 for a manager (audited), their own account 403, a national account 404', async () => {
    const odderCw = await userId(f, 'caseworker@727');
    const adminId = await userId(f, 'admin');
    const managerId = await userId(f, 'manager@607');
    for (const url of [`/api/users/${odderCw}/deactivate`, `/api/users/${odderCw}/password-reset`, `/api/users/${adminId}/deactivate`]) {
      const res = await post(manager, url);
      expect(res.statusCode, url).toBe(404);
    }
    expect(await lastAudit(f)).toMatchObject({ action: 'access.denied', entity: 'user', entity_id: adminId, detail: { action: 'user.deactivate', status: 404 } });
    expect((await f.app.inject({ method: 'PATCH', url: `/api/users/${odderCw}`, headers: manager.headers, payload: { displayName: 'X' } })).statusCode).toBe(404);
    expect((await post(manager, `/api/users/${managerId}/deactivate`)).statusCode).toBe(403);
    expect((await post(odderManager, `/api/users/${managerId}/password-reset`)).statusCode).toBe(404);
    expectFieldError(await post(manager, '/api/users/not-a-uuid/deactivate'), 'id', 'not an id');
    // Nothing changed for the 727 caseworker.
    expect(await tryLogin(f, 'caseworker@727', 'secret-pass')).toBe(200);
  });

  it('row-level security: a municipality’s transaction cannot write another municipality’s accounts, whatever the code does', async () => {
    const odderCw = await userId(f, 'caseworker@727');
    const as607 = { municipalityCode: '607', userId: await userId(f, 'manager@607'), role: 'manager' };
    const updated = await withTenant(f.test.db, as607, (tx) => tx.updateTable('users').set({ display_name: 'hijacked' }).where('id', '=', odderCw).executeTakeFirst());
    expect(Number(updated.numUpdatedRows)).toBe(0);
    await expect(
      withTenant(f.test.db, as607, (tx) => tx.insertInto('users').values({ username: 'sneaky', display_name: 'S', role: 'caseworker', municipality_code: '727', password_hash: 'x' }).execute()),
    ).rejects.toThrow(/row-level security/);
  });
});
