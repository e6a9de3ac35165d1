import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../db/testing.ts';
import { createFixture, createUser, login, type Fixture } from '../../../../tests/support/app-fixture.ts';

describe.each(databases)('auth on %s', (kind) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(kind);
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'limited@607', 'caseworker', '607');
  });
  afterAll(async () => {
    await f.close();
  });

  it('logs in with the right password and sets a strict HttpOnly session cookie', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'caseworker@607', password: 'secret-pass' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'caseworker@607', role: 'caseworker', municipalityCode: '607', municipalityName: 'Fredericia' });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.handover).toBeNull();
    expect(body.csrfToken).toEqual(expect.any(String));
    const cookie = res.cookies.find((c) => c.name === 'jv_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores only the sha256 of the session token', async () => {
    const session = await login(f, 'caseworker@607');
    const rows = await f.test.db.kysely.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === session.cookie)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    for (const payload of [{ username: 'caseworker@607', password: 'nope' }, { username: 'ghost', password: 'nope' }]) {
      const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'unauthenticated', detail: 'Wrong username or password' });
      expect(res.cookies).toEqual([]);
    }
  });

  it('rate-limits after 5 failures per username and IP (429), even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'limited@607', password: 'wrong' } });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'limited@607', password: 'secret-pass' } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'rate_limited' });
    const otherIp = await f.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.9', payload: { username: 'limited@607', password: 'secret-pass' } });
    expect(otherIp.statusCode).toBe(200);
  });

  it('answers 401 without a session and 403 csrf_failed without or with a wrong CSRF header', async () => {
    expect((await f.app.inject({ method: 'GET', url: '/api/citizens' })).statusCode).toBe(401);
    const session = await login(f, 'caseworker@607');
    const cookie = { cookie: `jv_session=${session.cookie}` };
    const missing = await f.app.inject({ method: 'POST', url: '/api/auth/logout', headers: cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf_failed' });
    const wrong = await f.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(403);
    const created = await f.app.inject({ method: 'POST', url: '/api/citizens', headers: cookie, payload: {} });
    expect(created.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('me returns the user and CSRF token; logout ends the session', async () => {
    const session = await login(f, 'caseworker@607');
    const me = await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.headers.cookie ?? '' } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'caseworker@607' }, csrfToken: session.csrf, handover: null });
    // The role's abilities, from src/domain/permissions (the web app's navigation uses them).
    expect(me.json().abilities).toEqual(expect.arrayContaining(['citizen.list', 'citizen.create', 'round.start', 'company.create', 'package.enrol']));
    expect(me.json().abilities).not.toContain('citizen.export');
    expect(me.json().abilities).not.toContain('evaluation.run');
    const out = await f.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.headers.cookie ?? '' } });
    expect(after.statusCode).toBe(401);
  });

  it('rejects a malformed login body with 400 naming the field', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'password' }] });
    const junk = await f.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{nope' });
    expect(junk.statusCode).toBe(400);
    expect(junk.body).not.toMatch(/at .*\.ts/);
  });
});

describe('auth in production', () => {
  it('sets the Secure flag on the session cookie', async () => {
    const f = await createFixture('pglite', { nodeEnv: 'production' });
    try {
      await createUser(f, 'caseworker@607', 'caseworker', '607');
      const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'caseworker@607', password: 'secret-pass' } });
      expect(res.cookies.find((c) => c.name === 'jv_session')?.secure).toBe(true);
    } finally {
      await f.close();
    }
  });
});
