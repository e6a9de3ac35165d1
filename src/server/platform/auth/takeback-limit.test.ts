// Take-back throttling per hand-over session: five wrong passwords lock that session (it can
// no longer be taken back), never the caseworker's login; their next login ends it. Password
// checks are counted by wrapping the real verifyPassword.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { databases } from '../db/testing.ts';
import type * as Passwords from './passwords.ts';
import { MAX_TAKEBACK_FAILURES } from './takeback.ts';
import { createFixture, createUser, login, registerCitizen, startRound, type Fixture, type Login } from '../../../../tests/support/app-fixture.ts';

const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('./passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Passwords>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      verifications.count += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

describe.each(databases)('take-back limit on %s', (kind) => {
  let f: Fixture;
  let desk: Login;
  let citizenId: string;
  beforeAll(async () => {
    f = await createFixture(kind);
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    desk = await login(f, 'caseworker@607');
    citizenId = await registerCitizen(f, desk);
  });
  afterAll(async () => {
    await f.close();
  });

  /** A fresh session of the caseworker (the tablet), handed over to the citizen. */
  async function handedOverTablet(): Promise<Login> {
    const tablet = await login(f, 'caseworker@607');
    const roundId = await startRound(f, tablet, citizenId);
    const res = await f.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/handover`, headers: tablet.headers });
    expect(res.statusCode).toBe(200);
    return tablet;
  }
  const takeback = (tablet: Login, password: string) =>
    f.app.inject({ method: 'POST', url: '/api/auth/takeback', headers: tablet.headers, payload: { password } });
  const me = (session: Login) => f.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.headers.cookie ?? '' } });
  function expectLocked(res: LightMyRequestResponse): void {
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  }
  async function lock(tablet: Login): Promise<void> {
    for (let i = 0; i < MAX_TAKEBACK_FAILURES; i++) {
      const res = await takeback(tablet, 'wrong');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
  }

  it('locks the hand-over session after 5 wrong passwords: even the right one is refused, the tablet sees the lock', async () => {
    const tablet = await handedOverTablet();
    verifications.count = 0;
    await lock(tablet);
    expectLocked(await takeback(tablet, 'secret-pass'));
    expect(verifications.count).toBe(MAX_TAKEBACK_FAILURES);
    // The tablet still knows it is handed over (so it shows the lock); the citizen form is closed.
    const mine = await me(tablet);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().handover).toMatchObject({ citizenId });
    expectLocked(await f.app.inject({ method: 'GET', url: '/api/handover/round', headers: { cookie: tablet.headers.cookie ?? '' } }));
    expectLocked(await f.app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie: tablet.headers.cookie ?? '' } }));
    // The caseworker's desk session is untouched.
    expect((await f.app.inject({ method: 'GET', url: '/api/citizens', headers: desk.headers })).statusCode).toBe(200);
  });

  it('does not block the caseworker’s normal login, and that login ends the locked session (401)', async () => {
    const tablet = await handedOverTablet();
    await lock(tablet);
    const sameAddress = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'caseworker@607', password: 'secret-pass' } });
    expect(sameAddress.statusCode).toBe(200);
    for (const res of [await me(tablet), await takeback(tablet, 'secret-pass')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    }
    const other = await handedOverTablet();
    await lock(other);
    const elsewhere = await f.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.7', payload: { username: 'caseworker@607', password: 'secret-pass' } });
    expect(elsewhere.statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await f.app.inject({ method: 'GET', url: '/api/citizens', headers: desk.headers })).statusCode).toBe(200);
  });

  it('keeps the lock to its session: another hand-over of the same caseworker can be taken back', async () => {
    const locked = await handedOverTablet();
    const other = await handedOverTablet();
    await lock(locked);
    const back = await takeback(other, 'secret-pass');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ handover: null });
    expectLocked(await takeback(locked, 'secret-pass'));
  });

  it('lets the tablet end its locked session by logging out', async () => {
    const tablet = await handedOverTablet();
    await lock(tablet);
    expect((await f.app.inject({ method: 'POST', url: '/api/auth/logout', headers: tablet.headers })).statusCode).toBe(204);
    expect((await me(tablet)).statusCode).toBe(401);
  });

  it('verifies at most 5 passwords of 20 parallel take-backs', async () => {
    const tablet = await handedOverTablet();
    verifications.count = 0;
    const burst = await Promise.all(Array.from({ length: 20 }, () => takeback(tablet, 'wrong')));
    expect(verifications.count).toBe(MAX_TAKEBACK_FAILURES);
    expect(burst.filter((res) => res.statusCode === 403)).toHaveLength(MAX_TAKEBACK_FAILURES);
    const limited = burst.filter((res) => res.statusCode === 429);
    expect(limited).toHaveLength(20 - MAX_TAKEBACK_FAILURES);
    limited.forEach(expectLocked);
    expectLocked(await takeback(tablet, 'secret-pass'));
  });

  it('counts per hand-over: a take-back starts the next hand-over with 5 attempts again', async () => {
    const tablet = await handedOverTablet();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < MAX_TAKEBACK_FAILURES - 1; i++) expect((await takeback(tablet, 'wrong')).statusCode).toBe(403);
      expect((await takeback(tablet, 'secret-pass')).statusCode).toBe(200);
      const roundId = await startRound(f, tablet, citizenId);
      expect((await f.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/handover`, headers: tablet.headers })).statusCode).toBe(200);
    }
  });

  it('answers a take-back of a session that is not handed over without checking a password', async () => {
    verifications.count = 0;
    const res = await takeback(desk, 'anything');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ handover: null });
    expect(verifications.count).toBe(0);
  });
});
