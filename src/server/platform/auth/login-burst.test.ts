// The login limit under concurrency: a parallel burst of wrong passwords for one user gets at
// most MAX_FAILURES argon2 verifications, counted by wrapping the real verifyPassword.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databases } from '../db/testing.ts';
import type * as Passwords from './passwords.ts';
import { MAX_FAILURES } from './login-limiter.ts';
import { createFixture, createUser, type Fixture } from '../../../../tests/support/app-fixture.ts';

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

describe.each(databases)('login limit under a parallel burst on %s', (kind) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(kind);
    await createUser(f, 'burst@607', 'caseworker', '607');
  });
  afterAll(async () => {
    await f.close();
  });

  const attempt = (password: string) => f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'burst@607', password } });

  it('verifies at most 5 of 100 parallel wrong passwords, answers the rest 429, then refuses the right one', async () => {
    verifications.count = 0;
    const burst = await Promise.all(Array.from({ length: 100 }, () => attempt('wrong')));
    const refused = burst.filter((res) => res.statusCode === 401);
    const limited = burst.filter((res) => res.statusCode === 429);
    expect(verifications.count).toBe(MAX_FAILURES);
    expect(refused).toHaveLength(MAX_FAILURES);
    expect(limited).toHaveLength(100 - MAX_FAILURES);
    for (const res of limited) {
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(res.cookies).toEqual([]);
    }
    const recorded = await f.test.db.kysely.selectFrom('login_attempts').select('succeeded').where('username', '=', 'burst@607').execute();
    expect(recorded).toEqual(Array.from({ length: MAX_FAILURES }, () => ({ succeeded: false })));

    const right = await attempt('secret-pass');
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'rate_limited' });
    expect(right.cookies).toEqual([]);
    expect(verifications.count).toBe(MAX_FAILURES);
  });

  it('counts a burst for an unknown user the same way', async () => {
    verifications.count = 0;
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost@607', password: 'x' } })),
    );
    expect(verifications.count).toBe(MAX_FAILURES);
    expect(burst.filter((res) => res.statusCode === 401)).toHaveLength(MAX_FAILURES);
    expect(burst.filter((res) => res.statusCode === 429)).toHaveLength(30 - MAX_FAILURES);
  });
});
