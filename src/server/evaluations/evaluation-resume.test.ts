// A server that stopped without a clean shutdown takes up its unfinished evaluation runs at the
// next start (or fails them, saying why); runs stored by another server are left alone.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../evaluation/simulation/generate.ts';
import { buildApp } from '../app.ts';
import { databases, createTestDatabase, type TestDatabase } from '../platform/db/testing.ts';
import { createUser, type Fixture } from '../../../tests/support/app-fixture.ts';
import { VERSION_CHANGED } from './evaluation-resume.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const persons: string[] = [];
const weeks: string[] = ['person_id,week,status\n'];
simulate({ persons: 300, weeks: 120, seed: 9 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });

describe.each(databases)('evaluation runs interrupted by a crash, on %s', (kind) => {
  let test: TestDatabase;
  let store: string;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const ids = { resumed: '', oldVersion: '', elsewhere: '', national: '' };

  async function insertRun(municipality: string | null, createdBy: string, status: 'queued' | 'running', version: string, withFiles: boolean): Promise<string> {
    const row = await test.db.kysely
      .insertInto('evaluation_runs')
      .values({ municipality_code: municipality, created_by: createdBy, status, stage: status === 'running' ? 'score' : null, progress: 0.4, parameters: JSON.stringify({ methods: ['naive', 'ipw'], by: [] }), inputs: '{}', jobvej_version: version })
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
    const users = await test.db.kysely.selectFrom('users').select(['id', 'username']).execute();
    const idOf = (name: string) => users.find((u) => u.username === name)?.id ?? '';
    // The state a crash leaves: rows still queued/running, their input copies in the store.
    ids.resumed = await insertRun('607', idOf('evaluator@607'), 'running', VERSION, true);
    ids.oldVersion = await insertRun('607', idOf('evaluator@607'), 'queued', '0.0.1', true);
    ids.elsewhere = await insertRun('607', idOf('evaluator@607'), 'running', VERSION, false);
    ids.national = await insertRun(null, idOf('national@siri'), 'queued', VERSION, true);
    mkdirSync(join(store, '.cut-off-upload.partial'));
    writeFileSync(join(store, '.cut-off-upload.partial', 'persons.csv'), 'person_id');
    app = await buildApp({ db: test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test', evaluationStoreDir: store });
  });
  afterAll(async () => {
    await app?.close();
    await test.drop();
    rmSync(store, { recursive: true, force: true });
  });

  const runRow = (id: string) => test.db.kysely.selectFrom('evaluation_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  async function settled(id: string) {
    for (let i = 0; i < 600; i++) {
      const row = await runRow(id);
      if (row.status === 'done' || row.status === 'failed') return row;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`run ${id} did not finish`);
  }

  it('runs this server\'s unfinished runs again, in municipalities and for national users, and audits it', async () => {
    for (const id of [ids.resumed, ids.national]) {
      const row = await settled(id);
      expect(row.status).toBe('done');
      expect(row.error).toBeNull();
      expect(JSON.stringify(row.result)).toContain('"naive"');
    }
    const audit = await test.db.kysely.selectFrom('audit_log').select(['action', 'entity_id', 'actor_role', 'municipality_code']).where('action', 'like', 'evaluation.%').execute();
    expect(audit).toContainEqual({ action: 'evaluation.resume', entity_id: ids.resumed, actor_role: 'system', municipality_code: '607' });
    expect(audit).toContainEqual({ action: 'evaluation.resume', entity_id: ids.national, actor_role: 'system', municipality_code: null });
  });

  it('fails a run stored by another jobvej version, saying so, and deletes its input copies', async () => {
    const row = await runRow(ids.oldVersion);
    expect(row.status).toBe('failed');
    expect(row.error).toBe(VERSION_CHANGED);
    expect(existsSync(join(store, ids.oldVersion))).toBe(false);
    const audit = await test.db.kysely.selectFrom('audit_log').select(['action']).where('entity_id', '=', ids.oldVersion).execute();
    expect(audit.map((a) => a.action)).toEqual(['evaluation.interrupted']);
  });

  it('removes a half-received upload (never acknowledged)', () => {
    expect(existsSync(join(store, '.cut-off-upload.partial'))).toBe(false);
  });

  it('leaves alone a run whose input copies are not in this server\'s store', async () => {
    const row = await runRow(ids.elsewhere);
    expect(row.status).toBe('running');
    expect(row.stage).toBe('score');
  });
});
