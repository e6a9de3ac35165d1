import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateFiles } from '../../evaluation/evaluate.ts';
import { simulate } from '../../evaluation/simulation/generate.ts';
import { toJson } from '../../evaluation/report/json.ts';
import { buildApp } from '../app.ts';
import { sha256File } from './evaluation-inputs.ts';
import { runFiles } from './evaluation-runner.ts';
import { databases, createTestDatabase } from '../platform/db/testing.ts';
import { createUser, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

// Small simulated register files (FORMATS.md), written once.
const persons: string[] = [];
const weeks: string[] = ['person_id,week,status\n'];
simulate({ persons: 600, weeks: 140, seed: 5 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
const PERSONS = `${persons.join('\n')}\n`;
const WEEKS = weeks.join('');
const BAD_WEEKS = `person_id,week,status\n${WEEKS.split('\n')[1]}\nnobody,2016-W99,working\n`;

function multipart(parts: { name: string; filename?: string; content: string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----jobvej${randomBytes(8).toString('hex')}`;
  const chunks = parts.map((p) =>
    p.filename !== undefined
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: text/csv\r\n\r\n${p.content}\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.content}\r\n`,
  );
  return { payload: Buffer.from(`${chunks.join('')}--${boundary}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Run {
  id: string;
  status: string;
  error: string | null;
  parameters: { methods: ('naive' | 'psm' | 'ipw' | 'did')[]; by: string[] };
  inputs: { persons: { sha256: string; size: number; name: string }; weeks: { sha256: string; size: number } };
  jobvejVersion: string;
  progress: number;
  result: Record<string, unknown> | null;
}

describe.each(databases)('evaluation runs on %s', (kind) => {
  let f: Fixture;
  let store: string;
  let inbox: string;
  let evaluator: Login;
  let caseworker: Login;

  async function post(as: Login, body: { payload: Buffer; headers: Record<string, string> } | Record<string, unknown>) {
    if ('payload' in body && Buffer.isBuffer(body.payload)) {
      return f.app.inject({ method: 'POST', url: '/api/evaluations', headers: { ...as.headers, ...(body.headers as Record<string, string>) }, payload: body.payload });
    }
    return f.app.inject({ method: 'POST', url: '/api/evaluations', headers: as.headers, payload: body });
  }

  async function finished(as: Login, id: string): Promise<Run> {
    for (let i = 0; i < 600; i++) {
      const res = await f.app.inject({ method: 'GET', url: `/api/evaluations/${id}`, headers: as.headers });
      expect(res.statusCode).toBe(200);
      const run = (res.json() as { run: Run }).run;
      if (run.status === 'done' || run.status === 'failed') return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('run did not finish');
  }

  beforeAll(async () => {
    const test = await createTestDatabase(kind);
    store = mkdtempSync(join(tmpdir(), 'jobvej-eval-store-'));
    inbox = join(store, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'persons.csv'), PERSONS);
    writeFileSync(join(inbox, 'weeks.csv'), WEEKS);
    const app = await buildApp({ db: test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test', evaluationStoreDir: store, evaluationInboxDir: inbox });
    f = { app, test, cprKey: Buffer.alloc(32), close: async () => { await app.close(); await test.drop(); } };
    await createUser(f, 'evaluator@607', 'evaluator', '607');
    await createUser(f, 'evaluator@727', 'evaluator', '727');
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    evaluator = await login(f, 'evaluator@607');
    caseworker = await login(f, 'caseworker@607');
  });
  afterAll(async () => {
    await f.close();
    rmSync(store, { recursive: true, force: true });
  });

  let doneRun: Run;

  it('runs an uploaded evaluation: 202, progress to done, checksums stored, result.json in FORMATS.md keys', async () => {
    const res = await post(evaluator, multipart([
      { name: 'methods', content: 'naive,psm' },
      { name: 'by', content: 'gender' },
      { name: 'persons', filename: 'persons.csv', content: PERSONS },
      { name: 'weeks', filename: 'weeks.csv', content: WEEKS },
    ]));
    expect(res.statusCode, res.body).toBe(202);
    const { run } = res.json() as { run: Run };
    expect(run).toMatchObject({ status: 'queued', parameters: { methods: ['naive', 'psm'], by: ['gender'] } });
    doneRun = await finished(evaluator, run.id);
    expect(doneRun.error).toBeNull();
    expect(doneRun).toMatchObject({ status: 'done', progress: 1, jobvejVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const [p, w] = [runFiles(join(store, run.id)).persons, runFiles(join(store, run.id)).weeks];
    expect(doneRun.inputs.persons).toMatchObject({ name: 'persons.csv', size: Buffer.byteLength(PERSONS), sha256: await sha256File(p) });
    expect(doneRun.inputs.weeks.sha256).toBe(await sha256File(w));
    expect(doneRun.inputs.weeks.sha256).toMatch(/^[0-9a-f]{64}$/);

    const json = await f.app.inject({ method: 'GET', url: `/api/evaluations/${run.id}/result.json`, headers: evaluator.headers });
    expect(json.statusCode).toBe(200);
    const out = json.json() as Record<string, unknown> & { results: Record<string, unknown>[] };
    expect(Object.keys(out).slice(0, 7)).toEqual(['jobvej_version', 'input', 'design', 'results', 'by_period', 'balance', 'warnings']);
    expect(Object.keys(out.results[0] ?? {})).toEqual([
      'outcome', 'subgroup', 'method', 'n_treated', 'n_control', 'treated_mean', 'control_mean', 'att', 'se', 'ci_low', 'ci_high', 'p_value', 'relative_effect',
    ]);
    expect(new Set(out.results.map((r) => r.method))).toEqual(new Set(['naive', 'psm']));
    expect(new Set(out.results.map((r) => r.subgroup))).toEqual(new Set(['all', 'gender=F', 'gender=M']));
  });

  it('serves the results as CSV for Danish Excel (BOM, `;`, decimal comma) and the HTML report', async () => {
    const csv = await f.app.inject({ method: 'GET', url: `/api/evaluations/${doneRun.id}/result.csv`, headers: evaluator.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFFoutcome;subgroup;method;n_treated;')).toBe(true);
    expect(csv.body.split('\r\n')[1]).toMatch(/^employment;all;naive;\d+;\d+;0,\d+;/);
    const html = await f.app.inject({ method: 'GET', url: `/api/evaluations/${doneRun.id}/report.html`, headers: evaluator.headers });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<table>');
  });

  it('reproduces the stored result from the stored inputs, parameters and version', async () => {
    const dir = join(store, doneRun.id);
    const again = await evaluateFiles(runFiles(dir), { version: doneRun.jobvejVersion, ...doneRun.parameters });
    const stored = (await f.app.inject({ method: 'GET', url: `/api/evaluations/${doneRun.id}/result.json`, headers: evaluator.headers })).json() as unknown;
    expect(JSON.parse(toJson(again))).toEqual(stored);
  });

  it('takes files from the evaluation folder and refuses paths outside it', async () => {
    const outside = await post(evaluator, { personsPath: '../../etc/passwd', weeksPath: 'weeks.csv' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'personsPath' }] });
    const absolute = await post(evaluator, { personsPath: PERSONS_ABS(), weeksPath: '/etc/hostname' });
    expect(absolute.statusCode).toBe(400);
    expect(absolute.json()).toMatchObject({ errors: [{ field: 'weeksPath' }] });
    const ok = await post(evaluator, { personsPath: 'persons.csv', weeksPath: join(inbox, 'weeks.csv'), methods: ['naive'], by: [] });
    expect(ok.statusCode, ok.body).toBe(202);
    const run = await finished(evaluator, (ok.json() as { run: Run }).run.id);
    expect(run.status).toBe('done');
    expect(run.inputs.persons.sha256).toBe(doneRun.inputs.persons.sha256);
  });
  const PERSONS_ABS = () => join(inbox, 'persons.csv');

  it('a bad weeks.csv fails the run with the file and line, and keeps no result or files', async () => {
    const res = await post(evaluator, multipart([
      { name: 'persons', filename: 'persons.csv', content: PERSONS },
      { name: 'weeks', filename: 'weeks.csv', content: BAD_WEEKS },
    ]));
    expect(res.statusCode).toBe(202);
    const run = await finished(evaluator, (res.json() as { run: Run }).run.id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^weeks\.csv:3: /m);
    expect(run.result).toBeNull();
    expect(existsSync(join(store, run.id))).toBe(false);
    const json = await f.app.inject({ method: 'GET', url: `/api/evaluations/${run.id}/result.json`, headers: evaluator.headers });
    expect(json.statusCode).toBe(409);
  });

  it('validates: missing weeks file and an unknown method name the field; no folder left behind', async () => {
    const before = readdirSync(store).sort();
    const missing = await post(evaluator, multipart([{ name: 'persons', filename: 'p.csv', content: PERSONS }]));
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'weeks' }] });
    const method = await post(evaluator, multipart([
      { name: 'methods', content: 'psm,magic' },
      { name: 'persons', filename: 'p.csv', content: PERSONS },
      { name: 'weeks', filename: 'w.csv', content: WEEKS },
    ]));
    expect(method.statusCode).toBe(400);
    expect(method.json()).toMatchObject({ errors: [{ field: 'methods.1' }] });
    expect(readdirSync(store).sort()).toEqual(before);
  });

  it('refuses caseworkers (403), requires the CSRF token, and isolates municipalities', async () => {
    const list = await f.app.inject({ method: 'GET', url: '/api/evaluations', headers: caseworker.headers });
    expect(list.statusCode).toBe(403);
    const create = await post(caseworker, { personsPath: 'persons.csv', weeksPath: 'weeks.csv' });
    expect(create.statusCode).toBe(403);
    expect(create.json()).toMatchObject({ code: 'forbidden' });
    const view = await f.app.inject({ method: 'GET', url: `/api/evaluations/${doneRun.id}`, headers: caseworker.headers });
    expect(view.statusCode).toBe(403);
    const noCsrf = await f.app.inject({ method: 'POST', url: '/api/evaluations', headers: { cookie: evaluator.headers.cookie ?? '' }, payload: { personsPath: 'persons.csv', weeksPath: 'weeks.csv' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'csrf_failed' });
    const other = await login(f, 'evaluator@727');
    const foreign = await f.app.inject({ method: 'GET', url: `/api/evaluations/${doneRun.id}`, headers: other.headers });
    expect(foreign.statusCode).toBe(404);
    const otherList = await f.app.inject({ method: 'GET', url: '/api/evaluations', headers: other.headers });
    expect((otherList.json() as { runs: unknown[] }).runs).toEqual([]);
  });

  it('closing the app stops a running evaluation and hands it back to the queue, unclaimed, its inputs kept (decision 031)', async () => {
    const store2 = mkdtempSync(join(tmpdir(), 'jobvej-eval-store2-'));
    const app2 = await buildApp({ db: f.test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test', evaluationStoreDir: store2, evaluationInboxDir: inbox });
    try {
      const res = await app2.inject({ method: 'POST', url: '/api/evaluations', headers: evaluator.headers, payload: { personsPath: 'persons.csv', weeksPath: 'weeks.csv' } });
      expect(res.statusCode).toBe(202);
      const id = (res.json() as { run: Run }).run.id;
      await app2.close();
      const row = await f.test.db.kysely.selectFrom('evaluation_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      // Another process with the inputs, or this one started again, claims it next.
      expect(row).toMatchObject({ status: 'queued', claimed_by: null, lease_expires_at: null, result: null, error: null });
      expect(existsSync(join(store2, id, 'persons.csv'))).toBe(true);
      await f.test.db.kysely.deleteFrom('evaluation_runs').where('id', '=', id).execute();
    } finally {
      rmSync(store2, { recursive: true, force: true });
    }
  });

  it('lists the runs and audits creation and reads', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/evaluations', headers: evaluator.headers });
    expect(res.statusCode).toBe(200);
    const runs = (res.json() as { runs: Run[] }).runs;
    expect(runs.length).toBe(3);
    expect(runs.map((r) => r.status).sort()).toEqual(['done', 'done', 'failed']);
    const audit = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'evaluation_run').execute();
    const actions = audit.map((a) => a.action);
    // Three listed runs plus the stopped one (its row was removed by the test; the audit log is append-only).
    expect(actions.filter((a) => a === 'evaluation.create')).toHaveLength(4);
    expect(actions).toContain('evaluation.view');
    expect(actions).toContain('evaluation.list');
    expect(audit.some((a) => a.action === 'evaluation.view' && a.entity_id === doneRun.id)).toBe(true);
    expect(readFileSync(runFiles(join(store, doneRun.id)).persons, 'utf8')).toBe(PERSONS);
  });
});
