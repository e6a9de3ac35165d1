// The embedded database in a data folder fsyncs each commit's WAL before acknowledging it
// (durable-nodefs.ts), and an acknowledged commit survives the process being killed.
import { spawn } from 'node:child_process';
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { durabilityReport, openDatabase, type Database } from './database.ts';

async function setting(db: Database, name: string): Promise<string> {
  const { rows } = await sql<Record<string, string>>`${sql.raw(`SHOW ${name}`)}`.execute(db.kysely);
  return rows[0]?.[name] ?? '';
}

/** Run `work` and return the files the host fsync'ed meanwhile (Linux: named through /proc/self/fd). */
async function fsyncedDuring(work: () => Promise<unknown>): Promise<string[]> {
  const original = fs.fsyncSync;
  const files: string[] = [];
  const spy = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    files.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
    original(fd);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return files;
}

describe('embedded database durability', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jobvej-durability-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs with fsync on and fsyncs the WAL segment before a commit is acknowledged', async () => {
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(await setting(db, 'fsync')).toBe('on');
      expect(await setting(db, 'wal_sync_method')).toBe('fsync');
      expect(await setting(db, 'synchronous_commit')).toBe('on');
      expect(await durabilityReport(db)).toEqual({ durable: true, line: expect.stringMatching(/^Durability: the embedded database fsyncs each commit/) });
      await sql`CREATE TABLE t (id int PRIMARY KEY)`.execute(db.kysely);
      const committed = await fsyncedDuring(() => sql`INSERT INTO t VALUES (1)`.execute(db.kysely));
      expect(committed).toEqual([expect.stringMatching(new RegExp(`^${dir}/pg_wal/[0-9A-F]{24}$`))]);
      // A rolled-back transaction writes no commit record and waits for no flush.
      const rolledBack = await fsyncedDuring(() =>
        db.kysely.transaction().execute(async (tx) => {
          await sql`INSERT INTO t VALUES (2)`.execute(tx);
          throw new Error('roll back');
        }).catch(() => undefined),
      );
      expect(rolledBack).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('keeps PGlite\'s own behaviour (fsync off, no host fsync) only when asked to, and in memory', async () => {
    const relaxed = await openDatabase({ dataDir: dir, durable: false });
    const memory = await openDatabase();
    try {
      expect(await setting(relaxed, 'fsync')).toBe('off');
      expect(await setting(memory, 'fsync')).toBe('off');
      expect(await durabilityReport(relaxed)).toEqual({ durable: false, line: expect.stringMatching(/^WARNING: .* an OS crash or power cut can lose acknowledged writes/) });
      expect(await fsyncedDuring(() => sql`INSERT INTO t VALUES (3)`.execute(relaxed.kysely))).toEqual([]);
    } finally {
      await relaxed.close();
      await memory.close();
    }
  });

  it('an acknowledged commit survives kill -9 of the process', async () => {
    const module = new URL('./database.ts', import.meta.url).pathname;
    const script = `
      import { sql } from 'kysely';
      import { openDatabase } from ${JSON.stringify(module)};
      const db = await openDatabase({ dataDir: ${JSON.stringify(dir)} });
      await sql\`INSERT INTO t VALUES (42)\`.execute(db.kysely);
      process.stdout.write('committed\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('committed')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const db = await openDatabase({ dataDir: dir });
    try {
      const { rows } = await sql<{ id: number }>`SELECT id FROM t ORDER BY id`.execute(db.kysely);
      expect(rows).toEqual([{ id: 1 }, { id: 3 }, { id: 42 }]);
    } finally {
      await db.close();
    }
  });
});
