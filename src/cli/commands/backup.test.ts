// `jobvej backup` / `jobvej restore` round trip on both databases (issue 13 item 6, decision 031):
// demo data backed up and restored into an empty database has every table's rows (md5 of each
// table's rows in a fixed order) and every sequence as before, the audit chain verifies, a demo
// user signs in and reads the caseload; the key is not in the file, and a wrong key is refused.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/platform/db/database.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { databases } from '../../server/platform/db/testing.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { buildApp } from '../../server/app.ts';
import { run as backup } from './backup.ts';
import { run as restore } from './restore.ts';

/** Per table: row count and md5 of its rows as text, sorted; per sequence its last value. */
async function fingerprints(db: Database): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db.kysely);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: string; md5: string }>`SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS md5 FROM ${sql.table(name)} t`.execute(db.kysely);
    result[name] = `${rows[0]?.n} ${rows[0]?.md5}`;
  }
  const sequences = await sql<{ name: string; last: string | null }>`SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`.execute(db.kysely);
  for (const s of sequences.rows) result[`sequence ${s.name}`] = s.last ?? 'unused';
  return result;
}

interface Place {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

describe.each(databases)('jobvej backup and restore on %s', (kind) => {
  const key = randomBytes(32);
  const dir = mkdtempSync(join(tmpdir(), 'jobvej-backup-'));
  const file = join(dir, kind === 'postgres' ? 'jobvej.pgdump' : 'jobvej.tar.gz');
  let admin: Database | undefined;
  let source: Place;
  let before: Record<string, string>;
  const lines: string[] = [];
  const io = (env: Record<string, string>) => ({ env: { PATH: process.env.PATH ?? '', ...env }, out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) });

  async function place(name: string, withKey: Buffer | null): Promise<Place> {
    const keyEnv: Record<string, string> = withKey ? { JOBVEJ_CPR_KEY: withKey.toString('base64') } : {};
    if (kind === 'pglite') {
      const dataDir = join(dir, name);
      return { env: { JOBVEJ_DATA_DIR: dataDir, ...keyEnv }, open: () => openDatabase({ dataDir: join(dataDir, 'pglite') }), drop: async () => {} };
    }
    const base = process.env.TEST_DATABASE_URL ?? '';
    admin ??= await openDatabase({ url: base });
    const db = `jobvej_backup_${name}_${randomBytes(4).toString('hex')}`;
    await sql.raw(`CREATE DATABASE ${db}`).execute(admin.kysely);
    const url = new URL(base);
    url.pathname = `/${db}`;
    return {
      env: { DATABASE_URL: url.toString(), JOBVEJ_DATA_DIR: join(dir, name), ...keyEnv },
      open: () => openDatabase({ url: url.toString() }),
      drop: async () => void (await sql.raw(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).execute(admin?.kysely ?? (await openDatabase({ url: base })).kysely)),
    };
  }

  beforeAll(async () => {
    source = await place('source', key);
    const db = await source.open();
    await migrate(db);
    await seedDemo(db, { cprKey: key, citizens: 12, seed: 3, today: '2026-11-01', nodeEnv: 'test' });
    before = await fingerprints(db);
    expect(before.citizens).toMatch(/^12 /);
    await db.close();
    expect(await backup(['--out', file], io(source.env)), lines.join('\n')).toBe(0);
  }, 240_000);

  afterAll(async () => {
    await source.drop();
    await admin?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the backup without the key', () => {
    const bytes = readFileSync(file);
    expect(kind === 'postgres' ? bytes.subarray(0, 5).toString('latin1') : bytes.subarray(0, 2).toString('hex')).toBe(kind === 'postgres' ? 'PGDMP' : '1f8b');
    expect(bytes.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(bytes.includes(key)).toBe(false);
    expect(lines.some((l) => l.startsWith('not in it: the CPR key'))).toBe(true);
  });

  it('restores every table and sequence as it was; the audit chain verifies; a demo user signs in and reads the caseload', async () => {
    const target = await place('target', key);
    try {
      lines.length = 0;
      expect(await restore(['--from', file], io(target.env)), lines.join('\n')).toBe(0);
      expect(lines).toContain('audit chain intact: ' + before.audit_log?.split(' ')[0] + ' rows');
      const db = await target.open();
      try {
        expect(await fingerprints(db)).toEqual(before);
        const app = await buildApp({ db, cprKey: key, logger: false, nodeEnv: 'test' });
        try {
          const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'caseworker@607', password: DEMO_PASSWORD } });
          expect(login.statusCode, login.body).toBe(200);
          const cookie = login.cookies.find((c) => c.name === 'jv_session')?.value ?? '';
          const list = await app.inject({ url: '/api/citizens', headers: { cookie: `jv_session=${cookie}` } });
          expect(list.statusCode, list.body).toBe(200);
          expect(list.body).toContain('"citizens"');
        } finally {
          await app.close();
        }
      } finally {
        await db.close();
      }
    } finally {
      await target.drop();
    }
  }, 240_000);

  it('refuses a restore without the key or with another key, and into a database that is not empty', async () => {
    const keyless = await place('keyless', null);
    const wrong = await place('wrong', randomBytes(32));
    try {
      lines.length = 0;
      expect(await restore(['--from', file], io(keyless.env))).toBe(2);
      expect(lines.join('\n')).toContain('no CPR key');
      lines.length = 0;
      expect(await restore(['--from', file], io(wrong.env))).toBe(1);
      expect(lines.join('\n')).toMatch(/does not open the restored CPR numbers \(0 of 5\)/);
      lines.length = 0;
      expect(await restore(['--from', file], io(source.env))).toBe(2);
      expect(lines.join('\n')).toMatch(/not empty|already holds a database/);
    } finally {
      await keyless.drop();
      await wrong.drop();
    }
  }, 240_000);
});
