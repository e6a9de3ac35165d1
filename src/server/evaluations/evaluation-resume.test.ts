// The evaluation queue in the database (decision 031): runs a crash left are claimed again once
// their lease has passed (or failed, saying why); a run another process holds, or whose copies
// are in another server's store, is left alone; two runners on one database run each run once;
// a runner that stops hands its run back to the queue.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../evaluation/simulation/generate.ts';
import { buildApp } from '../app.ts';
import { databases, createTestDatabase, type TestDatabase } from '../platform/db/testing.ts';
import { createUser, type Fixture } from '../../../tests/support/app-fixture.ts';
import { createEvaluationRunner, VERSION_CHANGED } from './evaluation-runner.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const persons: string[] = [];
const weeks: string[] = ['person_id,week,status\n'];
simulate({ persons: 300, weeks: 120, seed: 9 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });

describe.each(databases)('the evaluation queue in the database, on %s', (kind) => {
  let test: TestDatabase;
  let store: string;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const ids = { crashed: '', held: '', oldVersion: '', elsewhere: '', national: '' };
  const users = { evaluator: '', national: '' };

  async function insertRun(municipality: string | null, createdBy: string, status: 'queued' | 'running', version: string, withFiles: boolean, claim?: { by: string; leaseSeconds: number; attempts: number }): Promise<string> {
    const row = await test.db.kysely
      .insertInto('evaluation_runs')
      .values({
        municipality_code: municipality, created_by: createdBy, status, stage: status === 'running' ? 'score' : null, progress: 0.4,
        parameters: JSON.stringify({ methods: ['naive', 'ipw'], by: [] }), inputs: '{}', jobvej_version: version,
        ...(claim ? { claimed_by: claim.by, lease_expires_at: sql<Date>`now() + make_interval(secs => ${claim.leaseSeconds})`, attempts: claim.attempts } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (withFiles) {
      mkdirSync(join(store, row.id), { recursive: true });
      writeFileSync(join(store, row.id, 'persons.csv'), `${persons.join('\n')}\n`);
      writeFileSync(join(store, row.id, 'weeks.csv'), weeks.join(''));
    }
    return row.id;
  }

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    store = mkdtempSync(join(tmpdir(), 'jobvej-resume-store-'));
    const f = { test } as Fixture;
    await createUser(f, 'evaluator@607', 'evaluator', '607');
    await createUser(f, 'national@siri', 'national_admin', null);
    const rows = await test.db.kysely.selectFrom('users').select(['id', 'username']).execute();
    users.evaluator = rows.find((u) => u.username === 'evaluator@607')?.id ?? '';
    users.national = rows.find((u) => u.username === 'national@siri')?.id ?? '';
    // The state a crash leaves: a run claimed by a process that died (its lease passed a minute ago).
    ids.crashed = await insertRun('607', users.evaluator, 'running', VERSION, true, { by: 'gone:1:aaaaaa', leaseSeconds: -60, attempts: 1 });
    // A run another living process holds (its lease runs for an hour).
    ids.held = await insertRun('607', users.evaluator, 'running', VERSION, true, { by: 'alive:2:bbbbbb', leaseSeconds: 3600, attempts: 1 });
    ids.oldVersion = await insertRun('607', users.evaluator, 'queued', '0.0.1', true);
    ids.elsewhere = await insertRun('607', users.evaluator, 'running', VERSION, false);
    ids.national = await insertRun(null, users.national, 'queued', VERSION, true);
    // A cut-off upload, untouched for two hours; and one being received right now (by another process).
    for (const [name, age] of [['.cut-off-upload.partial', 2 * 3600], ['.arriving-upload.partial', 0]] as const) {
      mkdirSync(join(store, name));
      writeFileSync(join(store, name, 'persons.csv'), 'person_id');
      const then = new Date(Date.now() - age * 1000);
      utimesSync(join(store, name, 'persons.csv'), then, then);
      utimesSync(join(store, name), then, then);
    }
    app = await buildApp({ db: test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test', evaluationStoreDir: store });
  });
  afterAll(async () => {
    await app?.close();
    await test.drop();
    rmSync(store, { recursive: true, force: true });
  });

  const runRow = (id: string) => test.db.kysely.selectFrom('evaluation_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  async function settled(id: string) {
    for (let i = 0; i < 1200; i++) {
      const row = await runRow(id);
      if (row.status === 'done' || row.status === 'failed') return row;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`run ${id} did not finish`);
  }

  it('runs a dead process\'s run again (audited as resumed) and a queued national run, each releasing its claim', async () => {
    const crashed = await settled(ids.crashed);
    expect(crashed).toMatchObject({ status: 'done', error: null, attempts: 2, claimed_by: null, lease_expires_at: null });
    expect(JSON.stringify(crashed.result)).toContain('"naive"');
    const national = await settled(ids.national);
    expect(national).toMatchObject({ status: 'done', attempts: 1 });
    const audit = await test.db.kysely.selectFrom('audit_log').select(['action', 'entity_id', 'actor_role', 'municipality_code', 'detail']).where('action', 'like', 'evaluation.%').execute();
    expect(audit).toContainEqual({ action: 'evaluation.resume', entity_id: ids.crashed, actor_role: 'system', municipality_code: '607', detail: { attempt: 2, previousClaim: 'gone:1:aaaaaa' } });
    // Claimed for the first time: nothing was interrupted.
    expect(audit.filter((a) => a.entity_id === ids.national)).toEqual([]);
  });

  it('leaves alone a run whose lease another process holds, and one whose input copies are not in this store', async () => {
    for (const id of [ids.held, ids.elsewhere]) {
      const row = await runRow(id);
      expect(row.status).toBe('running');
      expect(row.stage).toBe('score');
    }
    expect((await runRow(ids.held)).claimed_by).toBe('alive:2:bbbbbb');
  });

  it('fails a run stored by another jobvej version, saying so, and deletes its input copies', async () => {
    const row = await settled(ids.oldVersion);
    expect(row.status).toBe('failed');
    expect(row.error).toBe(VERSION_CHANGED);
    expect(existsSync(join(store, ids.oldVersion))).toBe(false);
    const audit = await test.db.kysely.selectFrom('audit_log').select(['action']).where('entity_id', '=', ids.oldVersion).execute();
    expect(audit.map((a) => a.action)).toEqual(['evaluation.interrupted']);
  });

  it('removes a half-received upload untouched for an hour, not one still arriving', () => {
    expect(existsSync(join(store, '.cut-off-upload.partial'))).toBe(false);
    expect(existsSync(join(store, '.arriving-upload.partial'))).toBe(true);
  });

  it('two runners on one database run each of three runs exactly once; a runner that stops hands its run back', async () => {
    await app?.close();
    app = undefined;
    const queued: string[] = [];
    for (let i = 0; i < 3; i++) queued.push(await insertRun('607', users.evaluator, 'queued', VERSION, true));
    const claims: { runId: string; workerId: string }[] = [];
    const runner = () => createEvaluationRunner(test.db, { storeDir: store, version: VERSION, pollMs: 50, leaseMs: 5000, onClaim: (c) => claims.push(c) });
    const [a, b] = [runner(), runner()];
    const done = await Promise.all(queued.map(settled));
    expect(done.map((r) => [r.status, r.attempts])).toEqual([['done', 1], ['done', 1], ['done', 1]]);
    expect(claims.filter((c) => queued.includes(c.runId)).map((c) => c.runId).sort()).toEqual([...queued].sort());
    await Promise.all([a.stop(), b.stop()]);

    // Stopped while it runs: back to the queue, unclaimed; the next runner runs it (the second attempt, audited).
    const handed = await insertRun('607', users.evaluator, 'queued', VERSION, true);
    const first = runner();
    for (let i = 0; i < 400 && (await runRow(handed)).status !== 'running'; i++) await new Promise((r) => setTimeout(r, 10));
    await first.stop();
    expect(await runRow(handed)).toMatchObject({ status: 'queued', claimed_by: null, attempts: 1, progress: 0 });
    const second = runner();
    expect(await settled(handed)).toMatchObject({ status: 'done', attempts: 2 });
    await second.stop();
    const resumed = await test.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', handed).execute();
    expect(resumed.map((r) => r.action)).toEqual(['evaluation.resume']);
  });
});
