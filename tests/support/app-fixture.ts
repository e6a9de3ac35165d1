// HTTP test fixture: a fresh migrated database of the given kind, factories for users and
// citizens, the app (logger off), and a login helper that returns cookie + CSRF token.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../../src/server/platform/db/testing.ts';
import { ANONYMOUS, withTenant } from '../../src/server/platform/db/tenant.ts';
import { hashPassword } from '../../src/server/platform/auth/passwords.ts';
import type { Role } from '../../src/server/platform/db/schema.ts';

export interface Fixture {
  app: FastifyInstance;
  test: TestDatabase;
  cprKey: Buffer;
  close(): Promise<void>;
}

export async function createFixture(kind: DatabaseKind, opts: { nodeEnv?: string; now?: () => Date; instrumentDir?: string } = {}): Promise<Fixture> {
  const test = await createTestDatabase(kind);
  const cprKey = randomBytes(32);
  const app = await buildApp({ db: test.db, cprKey, logger: false, nodeEnv: opts.nodeEnv ?? 'test', ...(opts.now ? { now: opts.now } : {}), ...(opts.instrumentDir ? { instrumentDir: opts.instrumentDir } : {}) });
  return {
    app,
    test,
    cprKey,
    async close() {
      await app.close();
      await test.drop();
    },
  };
}

let passwordHash: Promise<string> | undefined;
export async function createUser(f: Fixture, username: string, role: Role, municipalityCode: string | null): Promise<void> {
  passwordHash ??= hashPassword('secret-pass');
  const hash = await passwordHash;
  await withTenant(f.test.db, ANONYMOUS, (tx) =>
    tx.insertInto('users').values({ username, display_name: username, role, municipality_code: municipalityCode, password_hash: hash }).execute(),
  );
}

export interface Login {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(f: Fixture, username: string, password = 'secret-pass'): Promise<Login> {
  const res = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'jv_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie: cookie.value, csrf, headers: { cookie: `jv_session=${cookie.value}`, 'x-csrf-token': csrf } };
}

/** A logged-in caseworker in Fredericia (607) and one in Odder (727): the set-up of the isolation tests. */
export async function twoCaseworkers(f: Fixture): Promise<{ cw607: Login; cw727: Login }> {
  await createUser(f, 'caseworker@607', 'caseworker', '607');
  await createUser(f, 'caseworker@727', 'caseworker', '727');
  return { cw607: await login(f, 'caseworker@607'), cw727: await login(f, 'caseworker@727') };
}

let serial = 1000;
export function newCitizen(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  // No birth date: the server derives it from the CPR number (01-01-1990 for these). The arrival
  // is on or before the take-over, which the server requires, also when a test moves the take-over.
  const takeover = typeof overrides.takeoverDate === 'string' ? overrides.takeoverDate : '2025-07-01';
  return {
    name: 'Amira Haddad',
    cpr: `010190-${serial}`,
    gender: 'F',
    originCountry: 'SY',
    arrivalDate: takeover < '2025-06-01' && /^\d{4}-\d{2}-\d{2}$/.test(takeover) && takeover >= '1900-01-01' ? takeover : '2025-06-01',
    takeoverDate: '2025-07-01',
    language: 'ar',
    targetGroup: 'broad',
    ...overrides,
  };
}

export async function registerCitizen(f: Fixture, as: Login, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await f.app.inject({ method: 'POST', url: '/api/citizens', headers: as.headers, payload: newCitizen(overrides) });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { citizen: { id: string } }).citizen.id;
}

export async function startRound(f: Fixture, as: Login, citizenId: string): Promise<string> {
  const res = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/rounds`, headers: as.headers });
  if (res.statusCode !== 201) throw new Error(`start round failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { round: { id: string } }).round.id;
}

/** A 400 problem+json `validation_failed` whose `errors` name the field (the contract in docs/api.md). */
export function expectFieldError(res: LightMyRequestResponse, field: string, context: string): void {
  expect(res.statusCode, context).toBe(400);
  expect(res.headers['content-type'], context).toMatch(/application\/problem\+json/);
  expect(res.json(), context).toMatchObject({ code: 'validation_failed' });
  expect(res.json().errors.map((e: { field: string }) => e.field), context).toContain(field);
}
