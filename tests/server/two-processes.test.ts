// Several jobvej processes on one PostgreSQL database (issue 13 item 3, decision 031): two real
// `bin/jobvej serve` processes on two ports, started together on a fresh database (they migrate it
// in turn), share sessions, the login limit and the evaluation queue: a session made on one works
// on the other, the limit holds across both, a run submitted on one is run exactly once, and the
// run of a process killed mid-run is taken up by the other. PostgreSQL only: the embedded database
// belongs to one process, which `serve --workers 2` says (tested without a server as well).
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/platform/db/database.ts';
import { hashPassword } from '../../src/server/platform/auth/passwords.ts';
import { MAX_FAILURES } from '../../src/server/platform/auth/login-limiter.ts';
import { simulate } from '../../src/evaluation/simulation/generate.ts';
import { BIN, logEntries, startJobvej, type JobvejProcess } from '../support/jobvej-process.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

it('serve --workers 2 without a PostgreSQL database is refused: the embedded database is one process\'s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobvej-workers-'));
  try {
    const res = spawnSync(process.execPath, [BIN, 'serve', '--workers', '2'], { env: { PATH: process.env.PATH ?? '', JOBVEJ_DATA_DIR: dir }, encoding: 'utf8', timeout: 60_000 });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--workers needs DATABASE_URL');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const persons: string[] = [];
const weeks: string[] = ['person_id,week,status\n'];
simulate({ persons: 1500, weeks: 120, seed: 5 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });

describe.each(serverUrl ? [serverUrl] : [])('two jobvej processes on one PostgreSQL database (%s)', (url) => {
  const name = `jobvej_two_${randomBytes(5).toString('hex')}`;
  let admin: Database;
  let db: Database;
  let dataDir: string;
  let a: JobvejProcess;
  let b: JobvejProcess;

  beforeAll(async () => {
    admin = await openDatabase({ url });
    await sql.raw(`CREATE DATABASE ${name}`).execute(admin.kysely);
    const target = new URL(url);
    target.pathname = `/${name}`;
    dataDir = mkdtempSync(join(tmpdir(), 'jobvej-two-'));
    const env = {
      DATABASE_URL: target.toString(),
      JOBVEJ_DATA_DIR: dataDir,
      JOBVEJ_CPR_KEY: randomBytes(32).toString('base64'),
      JOBVEJ_EXPORT_KEY: randomBytes(32).toString('base64'),
      JOBVEJ_EVALUATION_LEASE_MS: '3000',
      JOBVEJ_EVALUATION_POLL_MS: '300',
      NODE_ENV: 'production',
    };
    // Started together on an empty database: they take turns preparing it.
    const ports = [20000 + Math.floor(Math.random() * 20000), 0];
    ports[1] = (ports[0] ?? 20000) + 1;
    [a, b] = await Promise.all([startJobvej(env, ports[0] ?? 0), startJobvej(env, ports[1] ?? 0)]);
    db = await openDatabase({ url: target.toString() });
    const hash = await hashPassword('secret-pass');
    for (const [username, role] of [['evaluator@607', 'evaluator'], ['caseworker@607', 'caseworker'], ['limited@607', 'caseworker']] as const) {
      await db.kysely.insertInto('users').values({ username, display_name: username, role, municipality_code: '607', password_hash: hash }).execute();
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.kysely);
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function login(on: JobvejProcess, username: string, password = 'secret-pass'): Promise<{ status: number; headers?: Record<string, string> }> {
    const res = await fetch(`${on.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) return { status: res.status };
    const token = /jv_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { status: 200, headers: { cookie: `jv_session=${token}`, 'x-csrf-token': csrfToken } };
  }

  const runRow = (id: string) => db.kysely.selectFrom('evaluation_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  async function submit(on: JobvejProcess, headers: Record<string, string>): Promise<string> {
    const form = new FormData();
    form.append('persons', new Blob([`${persons.join('\n')}\n`], { type: 'text/csv' }), 'persons.csv');
    form.append('weeks', new Blob([weeks.join('')], { type: 'text/csv' }), 'weeks.csv');
    form.append('methods', 'naive,ipw');
    const res = await fetch(`${on.base}/api/evaluations`, { method: 'POST', headers, body: form });
    expect(res.status, await res.clone().text()).toBe(202);
    return ((await res.json()) as { run: { id: string } }).run.id;
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 120_000): Promise<T> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const claims = (runId: string) => [a, b].flatMap((p) => logEntries(p, 'evaluation run claimed').filter((e) => e.runId === runId).map((e) => ({ port: p.port, attempt: Number(e.attempt) }))).sort((x, y) => x.attempt - y.attempt);

  it('a session made on one process works on the other, and logging out on the other ends it on both', async () => {
    const session = await login(a, 'caseworker@607');
    expect(session.status).toBe(200);
    const me = await fetch(`${b.base}/api/auth/me`, { headers: session.headers });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('caseworker@607');
    const list = await fetch(`${b.base}/api/citizens`, { headers: session.headers });
    expect(list.status).toBe(200);
    expect((await fetch(`${b.base}/api/auth/logout`, { method: 'POST', headers: session.headers })).status).toBeLessThan(300);
    expect((await fetch(`${a.base}/api/auth/me`, { headers: session.headers })).status).toBe(401);
  });

  it('the login limit holds across both: failures on either count, then both refuse, the right password too', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login(i % 2 === 0 ? a : b, 'limited@607', 'wrong-pass')).status).toBe(401);
    expect((await login(b, 'limited@607', 'wrong-pass')).status).toBe(429);
    expect((await login(a, 'limited@607')).status).toBe(429);
    expect((await login(b, 'limited@607')).status).toBe(429);
  });

  it('an evaluation run submitted on one process is run exactly once', async () => {
    const session = await login(a, 'evaluator@607');
    const id = await submit(a, session.headers ?? {});
    const done = await until('the run to finish', async () => {
      const res = await fetch(`${b.base}/api/evaluations/${id}`, { headers: session.headers });
      const body = (await res.json()) as { run: { status: string } };
      return body.run.status === 'done' || body.run.status === 'failed' ? body.run : undefined;
    });
    expect(done.status).toBe('done');
    expect(await runRow(id)).toMatchObject({ attempts: 1, claimed_by: null });
    expect(claims(id)).toHaveLength(1);
  }, 180_000);

  it('the run of a process killed mid-run is claimed by the other and finishes', async () => {
    const session = await login(b, 'evaluator@607');
    const id = await submit(b, session.headers ?? {});
    const running = await until('the run to be claimed', async () => {
      const row = await runRow(id);
      return row.status === 'running' && row.claimed_by ? row : undefined;
    });
    const pid = Number(running.claimed_by?.split(':')[1]);
    const [victim, survivor] = a.child.pid === pid ? [a, b] : [b, a];
    expect(victim.child.pid).toBe(pid);
    await victim.stop('SIGKILL');
    // Killed before it finished: the row still names the dead process.
    expect(await runRow(id)).toMatchObject({ status: 'running', claimed_by: running.claimed_by });
    const finished = await until('the run to be recovered', async () => {
      const row = await runRow(id);
      return row.status === 'done' || row.status === 'failed' ? row : undefined;
    });
    expect(finished).toMatchObject({ status: 'done', attempts: 2, claimed_by: null });
    // The survivor claimed it once, as the second attempt (the victim's own log line may have died with it unflushed; its claim is the row's).
    expect(claims(id).filter((c) => c.port === survivor.port)).toEqual([{ port: survivor.port, attempt: 2 }]);
    expect(claims(id).filter((c) => c.port === victim.port && c.attempt !== 1)).toEqual([]);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).where('action', '=', 'evaluation.resume').execute();
    expect(audit).toEqual([{ action: 'evaluation.resume', detail: { attempt: 2, previousClaim: running.claimed_by } }]);
    // The survivor still serves the evaluator's session made on the dead process.
    expect((await fetch(`${survivor.base}/api/evaluations/${id}`, { headers: session.headers })).status).toBe(200);
  }, 180_000);
});
