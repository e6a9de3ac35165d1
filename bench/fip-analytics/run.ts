// Benchmark of the FIP analytics API (GET /api/fip-analytics, issue 11: ≤ 200 ms for a
// municipality with 5 000 citizens on PostgreSQL). A fresh PostgreSQL database (TEST_DATABASE_URL)
// gets 5 000 citizens in Fredericia (607) with the booklet's share of rounds (all a round 1,
// 55 % a round 2, 22 % / 9 % / 3 % rounds 3–5), 22 answers per round (3 % don't know) and an
// employment for 30 %, generated in SQL with a fixed seed. Then, alternating per round:
//   api        the whole request through the app (Fastify inject: session, permission, tenant
//              transaction, both queries, the statistics, suppression, the response schema, the audit row)
//   sql        the same two queries on their own, in the same kind of tenant transaction
//   compute    the presenter on the rows already loaded (statistics, validity, suppression)
//   validity   the item-validity part of it alone (the fip-validity core on the cohort's round 1)
// Median and range over --runs rounds (after 3 warm-up rounds).
//   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/fip-analytics/run.ts [--citizens 5000] [--runs 30]
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from '../../src/server/platform/db/testing.ts';
import { ANONYMOUS, withTenant } from '../../src/server/platform/db/tenant.ts';
import { hashPassword } from '../../src/server/platform/auth/passwords.ts';
import { loadInstruments } from '../../src/server/instruments/index.ts';
import { generateBenchData } from './data.ts';
import { cohortQueries, loadCohortMatrix } from '../../src/server/fip-analytics/fip-analytics-queries.ts';
import { presentAnalytics, validityDataOf } from '../../src/server/fip-analytics/fip-analytics-presenter.ts';
import { fipValidity } from '../../src/evaluation/fip-validity/validity.ts';

const { values } = parseArgs({ options: { citizens: { type: 'string', default: '5000' }, runs: { type: 'string', default: '30' } } });
const citizens = Number(values.citizens);
const runs = Number(values.runs);
const TENANT = { municipalityCode: '607', userId: null, role: 'seed' };

const t = await createTestDatabase('postgres');
try {
  const started = performance.now();
  const counts = await generateBenchData(t.db, citizens);
  console.log(`data: ${citizens} citizens, ${counts.rounds} rounds, ${counts.answers} answers, ${counts.outcomes} outcomes (${((performance.now() - started) / 1000).toFixed(1)} s to generate)`);

  const hash = await hashPassword('bench-pass');
  await withTenant(t.db, ANONYMOUS, (tx) => tx.insertInto('users').values({ username: 'manager@bench', display_name: 'Bench manager', role: 'manager', municipality_code: '607', password_hash: hash }).execute());
  const app = await buildApp({ db: t.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager@bench', password: 'bench-pass' } });
  const cookie = login.cookies.find((c) => c.name === 'jv_session');
  if (!cookie) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const today = new Date().toISOString().slice(0, 10);
  const filter = { from: null, to: today, targetGroup: 'all' as const, today, rounds: [1, 2] };
  const instrument = loadInstruments().instrument;
  const cohort = await withTenant(t.db, TENANT, (tx) => loadCohortMatrix(tx, filter, instrument.items.map((i) => i.id)));

  const steps: Record<string, () => Promise<void>> = {
    api: async () => {
      const res = await app.inject({ method: 'GET', url: '/api/fip-analytics', headers: { cookie: `jv_session=${cookie.value}` } });
      if (res.statusCode !== 200) throw new Error(`api: ${res.statusCode} ${res.body.slice(0, 200)}`);
    },
    sql: async () => {
      const q = cohortQueries(filter);
      await withTenant(t.db, TENANT, async (tx) => {
        await sql`SET LOCAL jit = off`.execute(tx);
        await q.citizens.execute(tx);
        await q.rounds.execute(tx);
      });
    },
    compute: async () => {
      presentAnalytics({ municipalityCode: '607', from: null, to: today, targetGroup: 'all', round: 1 }, instrument, cohort);
    },
    validity: async () => {
      fipValidity(validityDataOf(cohort, instrument), instrument);
    },
  };
  const times: Record<string, number[]> = { api: [], sql: [], compute: [], validity: [] };
  // This process's CPU per step (the queries' CPU is PostgreSQL's, not counted here): wall minus CPU is the wait for the database and for the cores.
  const cpu: Record<string, number[]> = { api: [], sql: [], compute: [], validity: [] };
  for (let r = -3; r < runs; r++) {
    for (const [name, step] of Object.entries(steps)) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await step();
      const c = process.cpuUsage(c0);
      if (r >= 0) {
        times[name]?.push(performance.now() - t0);
        cpu[name]?.push((c.user + c.system) / 1000);
      }
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; node ${process.version}; ${runs} rounds after 3 warm-up`);
  for (const [name, xs] of Object.entries(times)) {
    console.log(`${name.padEnd(8)} median ${med(xs).toFixed(1)} ms  (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}); node CPU median ${med(cpu[name] ?? []).toFixed(1)} ms`);
  }
  await app.close();
} finally {
  await t.drop();
}
