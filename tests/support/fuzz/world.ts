// The fuzz test's world: an app on a fresh database of the given kind, seeded with the demo data
// (both municipalities: real ids to hit, and another municipality's ids that must stay 404),
// an evaluation inbox with small register files and one finished run, logins for each role,
// and the pools of real values (ids, item ids, template and goal ids, DB07 codes) the request
// generators draw from.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../../src/server/app.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../../../src/server/platform/db/testing.ts';
import { seedDemo } from '../../../src/server/demo/seed.ts';
import { DEMO_PASSWORD } from '../../../src/server/demo/demo-users.ts';
import { loadInstruments } from '../../../src/server/instruments/instrument-store.ts';
import { loadPackageTemplates } from '../../../src/server/packages/package-store.ts';
import { loadDb07 } from '../../../src/server/companies/db07-store.ts';
import { simulate } from '../../../src/evaluation/simulation/generate.ts';
import { login, type Fixture, type Login } from '../app-fixture.ts';
import './catalogue.ts';

export const TODAY = '2026-03-02';
export const NOW = new Date(`${TODAY}T09:00:00Z`);
export const HOME = '607';
export const OTHER = '727';

/**
 * Where a path's `:id` comes from: the path segment before it → the table of that resource.
 * A new route with an id of another resource fails the fuzz test until it is named here.
 */
export const ID_SOURCES: Readonly<Record<string, string>> = {
  citizens: 'citizens',
  rounds: 'fip_rounds',
  offers: 'offers',
  companies: 'companies',
  needs: 'labour_needs',
  packages: 'packages',
  enrolments: 'package_enrolments',
  evaluations: 'evaluation_runs',
  // Only the accounts made for the fuzz (FUZZ_USERS): deactivating or resetting a login's account would end the world's sessions.
  users: 'users',
};

/**
 * Path parts followed by content, not a row: the real values (GET /api/instruments/fip/:version);
 * an identity provider's id (/api/auth/oidc/:provider/…: the fuzz app has none configured, so 404).
 */
export const CONTENT_PATH_VALUES: Readonly<Record<string, readonly string[]>> = { fip: loadInstruments().versions, oidc: ['fuzz-idp'] };

/** Body fields that hold ids of a resource (name → table). */
export const ID_FIELDS: Readonly<Record<string, string>> = { citizenId: 'citizens', companyId: 'companies', packageId: 'packages', roundId: 'fip_rounds', caseworkerId: 'users', consultantId: 'users' };

/** Accounts the user administration's routes may change (never one the world is logged in as). */
const FUZZ_USERS = [
  { username: 'fuzz-caseworker@607', role: 'caseworker', municipality: HOME },
  { username: 'fuzz-consultant@607', role: 'company_consultant', municipality: HOME },
  { username: 'fuzz-caseworker@727', role: 'caseworker', municipality: OTHER },
] as const;

export interface IdPool {
  home: string[];
  other: string[];
}

export interface World {
  kind: DatabaseKind;
  app: FastifyInstance;
  test: TestDatabase;
  fixture: Fixture;
  logins: Record<'caseworker' | 'company' | 'manager' | 'evaluator' | 'admin' | 'national', Login>;
  /** A second caseworker session, handed over to the citizen form on a real round. */
  handover: { login: Login; roundId: string; handedOver: boolean };
  ids: Record<string, IdPool>;
  itemIds: { citizen: string[]; caseworker: string[] };
  templateIds: string[];
  goalIds: string[];
  db07Codes: string[];
  usernames: string[];
  password: string;
  inboxFiles: string[];
  personsColumns: string[];
  close(): Promise<void>;
}

async function idPools(test: TestDatabase): Promise<Record<string, IdPool>> {
  const pools: Record<string, IdPool> = {};
  for (const table of new Set([...Object.values(ID_SOURCES), ...Object.values(ID_FIELDS)])) {
    const only = table === 'users' ? sql`WHERE username LIKE 'fuzz-%'` : sql``;
    const rows = await sql<{ id: string; m: string | null }>`SELECT id::text AS id, municipality_code AS m FROM ${sql.table(table)} ${only} ORDER BY id`.execute(test.db.kysely);
    pools[table] = { home: rows.rows.filter((r) => r.m === HOME).map((r) => r.id), other: rows.rows.filter((r) => r.m !== HOME).map((r) => r.id) };
  }
  return pools;
}

export async function refreshIds(world: World): Promise<void> {
  world.ids = await idPools(world.test);
}

export async function handOver(world: World): Promise<void> {
  const res = await world.app.inject({ method: 'POST', url: `/api/rounds/${world.handover.roundId}/handover`, headers: world.handover.login.headers });
  if (res.statusCode !== 200) throw new Error(`hand-over failed: ${res.statusCode} ${res.body}`);
  world.handover.handedOver = true;
}

export async function takeBack(world: World, as: Login): Promise<void> {
  const res = await world.app.inject({ method: 'POST', url: '/api/auth/takeback', headers: as.headers, payload: { password: DEMO_PASSWORD } });
  if (res.statusCode === 429 && as === world.handover.login) {
    // Wrong passwords (the fuzz sends them) locked this hand-over: logging in again ends it.
    world.handover.login = await login(world.fixture, `caseworker@${HOME}`, DEMO_PASSWORD);
    world.handover.handedOver = false;
    return;
  }
  if (res.statusCode !== 200) throw new Error(`take-back failed: ${res.statusCode} ${res.body}`);
  if (as === world.handover.login) world.handover.handedOver = false;
}

/** `beforeReady` may add hooks (the app is not started yet). */
export async function createWorld(kind: DatabaseKind, beforeReady: (app: FastifyInstance) => void = () => {}, citizens = 40): Promise<World> {
  const test = await createTestDatabase(kind);
  const cprKey = randomBytes(32);
  const store = mkdtempSync(join(tmpdir(), 'jobvej-fuzz-'));
  const inbox = join(store, 'inbox');
  mkdirSync(inbox);
  const persons: string[] = [];
  const weeks: string[] = ['person_id,week,status\n'];
  simulate({ persons: 200, weeks: 120, seed: 3 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
  writeFileSync(join(inbox, 'persons.csv'), `${persons.join('\n')}\n`);
  writeFileSync(join(inbox, 'weeks.csv'), weeks.join(''));
  await seedDemo(test.db, { cprKey, citizens, today: TODAY, nodeEnv: 'test', seed: 7 });
  for (const u of FUZZ_USERS) {
    await sql`INSERT INTO users (username, display_name, role, municipality_code, password_hash) VALUES (${u.username}, ${u.username}, ${u.role}, ${u.municipality}, 'not-a-hash')`.execute(test.db.kysely);
  }
  const app = await buildApp({ db: test.db, cprKey, logger: false, nodeEnv: 'test', now: () => NOW, evaluationStoreDir: store, evaluationInboxDir: inbox });
  beforeReady(app);
  const fixture: Fixture = { app, test, cprKey, close: async () => {} };
  const as = (u: string) => login(fixture, u, DEMO_PASSWORD);
  const logins = { caseworker: await as(`caseworker@${HOME}`), company: await as(`company@${HOME}`), evaluator: await as(`evaluator@${HOME}`), manager: await as(`manager@${HOME}`), admin: await as('admin'), national: await as('national@siri') };

  // One finished evaluation run, so the run's own routes (view, result downloads) have a real id.
  const run = await app.inject({ method: 'POST', url: '/api/evaluations', headers: logins.evaluator.headers, payload: { personsPath: 'persons.csv', weeksPath: 'weeks.csv', methods: ['naive'], by: [] } });
  if (run.statusCode !== 202) throw new Error(`evaluation run: ${run.statusCode} ${run.body}`);
  await settle(test);

  const instrument = loadInstruments();
  const templates = loadPackageTemplates();
  const reference = loadDb07();
  const modules = await sql<{ modules: { goals: { id: string }[] }[] }>`SELECT modules FROM packages`.execute(test.db.kysely);
  const rounds = await sql<{ id: string }>`SELECT id::text AS id FROM fip_rounds WHERE municipality_code = ${HOME} ORDER BY id LIMIT 1`.execute(test.db.kysely);
  const roundId = rounds.rows[0]?.id;
  if (!roundId) throw new Error('the demo data has no round');
  const world: World = {
    kind,
    app,
    test,
    fixture,
    logins,
    handover: { login: await as(`caseworker@${HOME}`), roundId, handedOver: false },
    ids: await idPools(test),
    itemIds: { citizen: [...instrument.itemIds('citizen')], caseworker: [...instrument.itemIds('caseworker')] },
    templateIds: templates.templates.map((t) => t.id),
    goalIds: [...new Set(modules.rows.flatMap((r) => r.modules.flatMap((m) => m.goals.map((g) => g.id))))],
    db07Codes: [...reference.sections.map((s) => s.code), ...reference.industries.map((i) => i.code)],
    // 'fuzz-new@607' is free: the user administration may create it (once; then 409).
    usernames: [`caseworker@${HOME}`, `company@${HOME}`, 'admin', 'nobody@607', 'CASEWORKER@607', 'fuzz-new@607'],
    password: DEMO_PASSWORD,
    inboxFiles: ['persons.csv', 'weeks.csv'],
    personsColumns: (persons[0] ?? '').split(','),
    async close() {
      await app.close();
      await test.drop();
      rmSync(store, { recursive: true, force: true });
    },
  };
  await handOver(world);
  return world;
}

/** Wait until no evaluation run is queued or running (background work that writes). */
export async function settle(test: TestDatabase, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const busy = await sql<{ n: number }>`SELECT count(*)::int AS n FROM evaluation_runs WHERE status IN ('queued', 'running')`.execute(test.db.kysely);
    if (Number(busy.rows[0]?.n ?? 0) === 0) return;
    if (Date.now() - start > timeoutMs) throw new Error('evaluation runs did not finish');
    await new Promise((r) => setTimeout(r, 25));
  }
}
