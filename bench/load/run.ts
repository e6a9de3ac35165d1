// `npm run bench:load [-- options]`: the caseload's load benchmark (issue 13). Against
// `bin/jobvej serve` on 127.0.0.1 with the national-scale demo, autocannon runs five scenarios as
// the demo caseworker of 607 — the caseload's first page, a filtered page, the citizen page,
// saving a FIP answer, registering a placement — at each concurrency, for a bounded time and count,
// on PostgreSQL (national data; 1 process and 2 via --workers 2) and PGlite (one municipality;
// one process: the embedded database belongs to its process). Next to each HTTP row, the floor:
// the SQL statements that request ran (captured once from the app's own query log, in-process),
// replayed straight through `pg` (its transactions as the request ran them) at the same concurrency, so the
// pipeline's cost is a ratio. Prints a markdown table; --docs writes it into docs/benchmarks.md.
//
//   --db postgres|pglite|both   (both)       --connections 1,10,50   --seconds 10   --max 4000 (requests per cell)
//   --workers 1,2               (PostgreSQL)  --database-url URL (national data; default jobvej_bench_national, seeded if empty)
//   --per-municipality 1000     (when seeding PostgreSQL)   --pglite-citizens 5000   --docs
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../../src/server/platform/db/schema.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { buildApp } from '../../src/server/app.ts';
import { cannon, login, loadLine, quantile, ROOT, startServer, type Scenario, type Session, type Stats } from './common.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    connections: { type: 'string', default: '1,10,50' },
    seconds: { type: 'string', default: '10' },
    max: { type: 'string', default: '4000' },
    workers: { type: 'string', default: '1,2' },
    'database-url': { type: 'string' },
    'per-municipality': { type: 'string', default: '1000' },
    'pglite-citizens': { type: 'string', default: '5000' },
    docs: { type: 'boolean', default: false },
    'show-sql': { type: 'boolean', default: false },
  },
});

const CONNECTIONS = values.connections.split(',').map(Number);
const SECONDS = Number(values.seconds);
const MAX = Number(values.max);
const WORKERS = values.workers.split(',').map(Number);
const DATA = join(ROOT, '.bench-data');
const KEY_FILE = join(DATA, 'load-cpr.key');
const CODE = '607';
const TODAY = new Date().toISOString().slice(0, 10);
const PG_URL = values['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/jobvej_bench_national';

mkdirSync(DATA, { recursive: true });
if (!existsSync(KEY_FILE)) writeFileSync(KEY_FILE, randomBytes(32).toString('base64'));
const CPR_KEY = readFileSync(KEY_FILE, 'utf8').trim();

/** The demo caseworker's ids to rotate over: citizens, and rounds whose caseworker part is open. */
interface Ids {
  citizens: string[];
  rounds: string[];
  caseworkerItem: string;
}

function seed(env: Record<string, string>, args: string[]): void {
  console.log(`seeding: jobvej demo ${args.join(' ')}`);
  const r = spawnSync(`${ROOT}bin/jobvej`, ['demo', ...args], { cwd: ROOT, env: { ...process.env, ...env, JOBVEJ_CPR_KEY: CPR_KEY, NODE_ENV: 'test' }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('seeding failed');
}

async function idsOf(db: Database): Promise<Ids> {
  const q = async <T>(text: string) => (await db.kysely.executeQuery<T>(CompiledQuery.raw(text, [CODE]))).rows;
  const citizens = await q<{ id: string }>('SELECT id FROM citizens WHERE municipality_code = $1 ORDER BY id LIMIT 500');
  const rounds = await q<{ id: string }>(
    'SELECT id FROM fip_rounds WHERE municipality_code = $1 AND caseworker_completed_at IS NULL AND citizen_completed_at IS NOT NULL ORDER BY id LIMIT 500',
  );
  if (citizens.length === 0 || rounds.length === 0) throw new Error(`no demo citizens or open rounds in ${CODE}`);
  return { citizens: citizens.map((r) => r.id), rounds: rounds.map((r) => r.id), caseworkerItem: 'w01' };
}

function scenarios(ids: Ids): Scenario[] {
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
  return [
    { name: 'caseload, first page', method: 'GET', request: () => ({ path: '/api/citizens' }) },
    { name: 'caseload, filtered page', method: 'GET', request: () => ({ path: '/api/citizens?scope=all&targetGroup=selected&sort=name&page=2' }) },
    { name: 'citizen page', method: 'GET', request: (i) => ({ path: `/api/citizens/${at(ids.citizens, i)}` }) },
    {
      name: 'save a FIP answer',
      method: 'PUT',
      request: (i) => ({
        path: `/api/rounds/${at(ids.rounds, i)}/answers`,
        body: JSON.stringify({ respondent: 'caseworker', answers: [{ itemId: ids.caseworkerItem, value: 1 + (i % 7) }], complete: false }),
      }),
    },
    {
      name: 'register a placement',
      method: 'POST',
      request: (i) => ({
        path: `/api/citizens/${at(ids.citizens, i)}/offers`,
        body: JSON.stringify({ kind: 'praktik_private', companyName: 'Belastningsprøve ApS', startDate: TODAY, hoursPerWeek: 20 }),
      }),
    },
  ];
}

/**
 * Wait until the server has worked off what the last cell left in flight (autocannon stops without
 * waiting for its open requests): one more read, answered after the queue before it (PGlite runs
 * one statement at a time; PostgreSQL's pool queues in order).
 */
async function drain(port: number, session: Session, ids: Ids): Promise<void> {
  await fetch(`http://127.0.0.1:${port}/api/citizens/${ids.citizens[0] ?? ''}`, { headers: { ...session.headers, 'x-forwarded-for': '10.254.0.1' } });
}

// ---- the floor: the request's own SQL, replayed through pg ----

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements each scenario's request runs, from the app's query log (in-process, same code). */
async function captureSql(url: string, session: Session, list: Scenario[]): Promise<Map<string, Captured[]>> {
  // As openDatabase's pool: dates and bigints as text.
  const asText = (v: string) => v;
  const pool = new pg.Pool({
    connectionString: url,
    max: 2,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 1082 || oid === 20 ? asText : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  let log: Captured[] | null = null;
  const kysely = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' && log) log.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const db: Database = { kind: 'postgres', kysely, execScript: () => Promise.reject(new Error('not in the benchmark')), close: () => kysely.destroy() };
  // The evaluation queue polls rarely here, so that its queries are not taken for the request's.
  const app = await buildApp({ db, cprKey: Buffer.from(CPR_KEY, 'base64'), logger: false, nodeEnv: 'test', evaluationQueue: { leaseMs: 3_600_000, pollMs: 3_600_000 } });
  const out = new Map<string, Captured[]>();
  try {
    for (const s of list) {
      const { path, body } = s.request(0);
      // A warm-up request first (the first of a process reads what it caches), then the one captured.
      await app.inject({ method: s.method, url: path, headers: { ...session.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: body } : {}) });
      log = [];
      const res = await app.inject({ method: s.method, url: path, headers: { ...session.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: body } : {}) });
      if (res.statusCode >= 300) throw new Error(`${s.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      out.set(s.name, log);
      if (values['show-sql']) console.log(`-- ${s.name}\n${log.map((q) => `${q.sql.replace(/\s+/g, ' ').slice(0, 400)};`).join('\n')}`);
      log = null;
    }
  } finally {
    await app.close();
    await db.close();
  }
  return out;
}

/** The captured statements for the i-th request: the first request's ids replaced by the i-th's (also inside JSON text). */
function forRequest(statements: readonly Captured[], template: readonly string[], actual: readonly string[]): Captured[] {
  const swap = (v: unknown): unknown => {
    if (typeof v !== 'string') return Array.isArray(v) ? v.map(swap) : v;
    let s = v;
    template.forEach((t, k) => {
      if (t && actual[k] && t !== actual[k]) s = s.split(t).join(actual[k] ?? t);
    });
    return s;
  };
  return statements.map((q) => ({ sql: q.sql, parameters: q.parameters.map(swap) }));
}

async function floor(url: string, statements: readonly Captured[], idsFor: (i: number) => string[], connections: number, bound: { seconds: number; amount: number }): Promise<Stats> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const template = idsFor(0);
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const end = started + bound.seconds * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < end && issued < bound.amount) {
        const i = issued++;
        const list = forRequest(statements, template, idsFor(i));
        const t0 = performance.now();
        try {
          // As captured: the request's transactions with their own begin and commit.
          for (const q of list) await c.query(q.sql, q.parameters as unknown[]);
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
          await c.query('ROLLBACK').catch(() => undefined);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, non2xx: 0, throughput: latencies.length / seconds, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99) };
}

// ---- the runs ----

interface Row {
  database: string;
  processes: string;
  scenario: string;
  connections: number;
  http: Stats;
  floor: Stats | null;
  statements: number | null;
  load: string;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');

function table(rows: readonly Row[]): string {
  const head =
    '| database | processes | scenario | users | HTTP p50 / p95 / p99 ms | HTTP req/s | errors | SQL floor p50 / p95 / p99 ms | floor req/s | HTTP / floor throughput | load avg (1/5/15) |\n' +
    '|---|---|---|---:|---|---:|---:|---|---:|---:|---|';
  const lines = rows.map((r) =>
    [
      r.database,
      r.processes,
      r.scenario,
      r.connections,
      `${ms(r.http.p50)} / ${ms(r.http.p95)} / ${ms(r.http.p99)}`,
      r.http.throughput.toFixed(1),
      `${r.http.errors + r.http.non2xx}${r.http.non2xx ? ` (${r.http.non2xx} non-2xx)` : ''}`,
      r.floor ? `${ms(r.floor.p50)} / ${ms(r.floor.p95)} / ${ms(r.floor.p99)} (${r.statements} statements)` : '–',
      r.floor ? r.floor.throughput.toFixed(1) : '–',
      r.floor ? `${((100 * r.http.throughput) / r.floor.throughput).toFixed(0)} %` : '–',
      r.load,
    ].join(' | '),
  );
  return [head, ...lines.map((l) => `| ${l} |`)].join('\n');
}

async function runPostgres(rows: Row[]): Promise<void> {
  const probe = new pg.Client({ connectionString: PG_URL.replace(/\/[^/]*$/, '/postgres') });
  await probe.connect();
  const name = new URL(PG_URL).pathname.slice(1);
  const exists = (await probe.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
  if (!exists) await probe.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await probe.end();
  const env = { DATABASE_URL: PG_URL, JOBVEJ_CPR_KEY: CPR_KEY, JOBVEJ_DATA_DIR: join(DATA, 'load-postgres'), JOBVEJ_TRUST_PROXY: 'loopback' };
  let db = await openDatabase({ url: PG_URL });
  const seeded = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('username', '=', `caseworker@${CODE}`)
    .executeTakeFirst()
    .catch(() => undefined);
  await db.close();
  if (!seeded) seed(env, ['--scale', 'national', '--citizens-per-municipality', values['per-municipality']]);
  db = await openDatabase({ url: PG_URL });
  const ids = await idsOf(db);
  const citizens = Number((await db.kysely.executeQuery<{ n: string }>(CompiledQuery.raw('SELECT count(*) AS n FROM citizens'))).rows[0]?.n);
  await db.close();
  const list = scenarios(ids);
  for (const workers of WORKERS) {
    const server = await startServer({ port: 3917, workers, env });
    try {
      const session = await login(server.port, `caseworker@${CODE}`);
      const captured = await captureSql(PG_URL, session, list);
      for (const s of list) {
        const idsFor = (i: number): string[] => [ids.citizens[i % ids.citizens.length] ?? '', ids.rounds[i % ids.rounds.length] ?? ''];
        for (const c of CONNECTIONS) {
          const load = loadLine();
          const http = await cannon([server.port], session, s, c, { seconds: SECONDS, amount: MAX });
          await drain(server.port, session, ids);
          const statements = captured.get(s.name) ?? [];
          const f = await floor(PG_URL, statements, idsFor, c, { seconds: SECONDS, amount: MAX });
          const row: Row = { database: `PostgreSQL 15, ${citizens} citizens`, processes: workers === 1 ? '1' : `${workers} (--workers ${workers})`, scenario: s.name, connections: c, http, floor: f, statements: statements.length, load };
          rows.push(row);
          console.log(table([row]).split('\n').slice(2).join('\n'));
        }
      }
    } finally {
      await server.stop();
    }
  }
}

async function runPGlite(rows: Row[]): Promise<void> {
  const dataDir = join(DATA, 'load-pglite');
  const env = { JOBVEJ_CPR_KEY: CPR_KEY, JOBVEJ_DATA_DIR: dataDir, JOBVEJ_TRUST_PROXY: 'loopback', DATABASE_URL: '' };
  delete process.env.DATABASE_URL;
  if (!existsSync(join(dataDir, 'pglite'))) seed(env, ['--scale', 'national', '--municipalities', CODE, '--citizens-per-municipality', values['pglite-citizens']]);
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  const ids = await idsOf(db);
  const citizens = Number((await db.kysely.executeQuery<{ n: string }>(CompiledQuery.raw('SELECT count(*) AS n FROM citizens'))).rows[0]?.n);
  await db.close();
  const { DATABASE_URL: _unset, ...pgliteEnv } = env;
  const server = await startServer({ port: 3918, workers: 1, env: pgliteEnv });
  try {
    const session = await login(server.port, `caseworker@${CODE}`);
    for (const s of scenarios(ids)) {
      for (const c of CONNECTIONS) {
        const load = loadLine();
        const http = await cannon([server.port], session, s, c, { seconds: SECONDS, amount: MAX });
        await drain(server.port, session, ids);
        const row: Row = { database: `PGlite, ${citizens} citizens`, processes: '1', scenario: s.name, connections: c, http, floor: null, statements: null, load };
        rows.push(row);
        console.log(table([row]).split('\n').slice(2).join('\n'));
      }
    }
  } finally {
    await server.stop();
  }
}

const rows: Row[] = [];
const startedAt = new Date();
if (values.db === 'postgres' || values.db === 'both') await runPostgres(rows);
if (values.db === 'pglite' || values.db === 'both') await runPGlite(rows);
const output = `${table(rows)}\n\n${startedAt.toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? ''}), Node ${process.version}; ${SECONDS} s or ${MAX} requests per cell; load average when each cell started.`;
console.log(`\n${output}`);
if (values.docs) {
  const file = join(ROOT, 'docs/benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const begin = '<!-- bench:load begin -->';
  const finish = '<!-- bench:load end -->';
  const block = `${begin}\n${output}\n${finish}`;
  writeFileSync(file, text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*?${finish}`), block) : `${text.trimEnd()}\n\n${block}\n`);
}
process.exit(0);
