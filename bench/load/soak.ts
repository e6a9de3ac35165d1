// `npm run bench:soak [-- --minutes 10 --users 200 --workers 1 --database-url URL]`: the soak test
// (issue 13, item 7; not in CI). 200 concurrent users against `bin/jobvej serve` on PostgreSQL with
// the national-scale demo data for 10 minutes, a mix of reads and writes as the demo caseworker of
// 607 (per 10 requests: 4 caseload pages, 3 citizen pages, 2 FIP answer saves, 1 placement). Passes
// with 0 errors (transport errors, timeouts and non-2xx answers) and flat memory: the serving
// processes' RSS at the end within 10 % of their RSS after the warm-up (the first minute, or a
// tenth of a shorter run). Prints the result as a markdown line for docs/benchmarks.md (--docs writes it).
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { cannon, login, loadLine, ROOT, startServer, type Scenario } from './common.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    users: { type: 'string', default: '200' },
    workers: { type: 'string', default: '1' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/jobvej_bench_national' },
    docs: { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const users = Number(values.users);
const workers = Number(values.workers);
if (!(minutes > 0) || !(users > 0) || !(workers > 0)) throw new Error('--minutes, --users and --workers: positive numbers');
const url = values['database-url'];
const CODE = '607';
const TODAY = new Date().toISOString().slice(0, 10);
const CPR_KEY = readFileSync(join(ROOT, '.bench-data/load-cpr.key'), 'utf8').trim();

const db = await openDatabase({ url });
const rows = async (text: string) => (await db.kysely.executeQuery<{ id: string }>(CompiledQuery.raw(text, [CODE]))).rows.map((r) => r.id);
const citizens = await rows('SELECT id FROM citizens WHERE municipality_code = $1 ORDER BY id LIMIT 1000');
const rounds = await rows('SELECT id FROM fip_rounds WHERE municipality_code = $1 AND caseworker_completed_at IS NULL AND citizen_completed_at IS NOT NULL ORDER BY id LIMIT 1000');
const total = Number((await db.kysely.executeQuery<{ n: string }>(CompiledQuery.raw('SELECT count(*) AS n FROM citizens'))).rows[0]?.n);
await db.close();
if (citizens.length === 0 || rounds.length === 0) throw new Error(`no demo data for ${CODE} in ${url}: run npm run bench:load first (it seeds the national demo)`);

const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const mixed: Scenario = {
  name: 'mixed',
  method: 'GET',
  request: (i) => {
    const k = i % 10;
    if (k < 4) return { path: k % 2 === 0 ? '/api/citizens' : `/api/citizens?targetGroup=selected&sort=name&page=${1 + (i % 5)}` };
    if (k < 7) return { path: `/api/citizens/${at(citizens, i)}` };
    if (k < 9) {
      return {
        method: 'PUT',
        path: `/api/rounds/${at(rounds, i)}/answers`,
        body: JSON.stringify({ respondent: 'caseworker', answers: [{ itemId: 'w01', value: 1 + (i % 7) }], complete: false }),
      };
    }
    return { method: 'POST', path: `/api/citizens/${at(citizens, i)}/offers`, body: JSON.stringify({ kind: 'praktik_private', companyName: 'Belastningsprøve ApS', startDate: TODAY, hoursPerWeek: 20 }) };
  },
};

const server = await startServer({ port: 3919, workers, env: { DATABASE_URL: url, JOBVEJ_CPR_KEY: CPR_KEY, JOBVEJ_DATA_DIR: join(ROOT, '.bench-data/load-postgres'), JOBVEJ_TRUST_PROXY: 'loopback' } });
let line = '';
let passed = false;
try {
  const session = await login(server.port, `caseworker@${CODE}`);
  const warmSeconds = Math.max(5, Math.round(Math.min(60, (minutes * 60) / 10)));
  const startLoad = loadLine();
  const warm = await cannon([server.port], session, mixed, users, { seconds: warmSeconds });
  const rssWarm = server.rss();
  const samples: number[] = [rssWarm];
  const sampler = setInterval(() => samples.push(server.rss()), 30_000);
  const main = await cannon([server.port], session, mixed, users, { seconds: Math.round(minutes * 60) - warmSeconds });
  clearInterval(sampler);
  const rssEnd = server.rss();
  const change = (rssEnd - rssWarm) / rssWarm;
  const errors = warm.errors + warm.non2xx + main.errors + main.non2xx;
  passed = errors === 0 && Math.abs(change) <= 0.1;
  const mb = (b: number) => (b / 1024 ** 2).toFixed(0);
  line =
    `| ${new Date().toISOString().slice(0, 16)}Z | PostgreSQL 15, ${total} citizens | ${workers} | ${users} | ${minutes} min (${warmSeconds} s warm-up) | ${main.requests + warm.requests} | ` +
    `${main.throughput.toFixed(1)} | ${main.p50.toFixed(0)} / ${main.p95.toFixed(0)} / ${main.p99.toFixed(0)} | ${errors} (${warm.non2xx + main.non2xx} non-2xx) | ` +
    `${mb(rssWarm)} → ${mb(rssEnd)} MB (${(100 * change).toFixed(1)} %; max ${mb(Math.max(...samples, rssEnd))}) | ${startLoad} → ${loadLine()} | ${passed ? 'pass' : 'FAIL'} |`;
} finally {
  await server.stop();
}
const head =
  '| when | database | processes | users | duration | requests | req/s | p50 / p95 / p99 ms | errors | RSS after warm-up → end | load avg start → end | result |\n' +
  '|---|---|---:|---:|---|---:|---:|---|---:|---|---|---|';
console.log(`${head}\n${line}\n\n${cpus().length} cores, Node ${process.version}`);
if (values.docs) {
  const file = join(ROOT, 'docs/benchmarks.md');
  const text = readFileSync(file, 'utf8');
  const begin = '<!-- bench:soak begin -->';
  const finish = '<!-- bench:soak end -->';
  const previous = text.includes(begin) ? (text.split(begin)[1]?.split(finish)[0] ?? '') : '';
  const kept = previous.split('\n').filter((l) => l.startsWith('| 20'));
  const block = `${begin}\n${head}\n${[...kept, line].join('\n')}\n${finish}`;
  writeFileSync(file, text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*?${finish}`), block) : `${text.trimEnd()}\n\n${block}\n`);
}
process.exit(passed ? 0 : 1);
