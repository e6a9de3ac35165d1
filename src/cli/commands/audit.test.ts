// `jobvej audit verify|checkpoint` through the command's run function, on both database kinds:
// exit codes, the printed head, and the tamperings of the verifier tests seen from the CLI.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databases, type TestDatabase } from '../../server/platform/db/testing.ts';
import { deleteRow, editDetail, hashOf, rewriteChain, writeRows } from '../../server/platform/audit/audit-testing.ts';
import { run } from './audit.ts';

describe.each(databases)('jobvej audit on %s', (kind) => {
  let t: TestDatabase;
  let dir: string;
  let file: string;
  let out: string[];
  let err: string[];
  const audit = (...argv: string[]) => run(argv, { db: t.db, env: { JOBVEJ_DATA_DIR: dir }, out: (line) => out.push(line), err: (line) => err.push(line) });

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'jobvej-audit-cli-'));
    file = join(dir, 'audit-checkpoints.log');
    out = [];
    err = [];
  });
  afterEach(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verify: 0 on an intact chain, printing the head; checkpoint appends only when the head moved', async () => {
    const ids = await writeRows(t.db, 3);
    const head = { id: ids[2] ?? '', hash: await hashOf(t.db, ids[2] ?? '') };
    expect(await audit('verify')).toBe(0);
    expect(out).toContain(`chain head: id ${head.id} hash ${head.hash}`);
    expect(out[0]).toBe('audit chain intact: 3 rows');
    expect(await audit('checkpoint')).toBe(0);
    expect(await audit('checkpoint')).toBe(0);
    expect(out.at(-1)).toMatch(/^chain head unchanged/);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([{ ...head, at: expect.stringMatching(/Z$/) }]);
    out = [];
    expect(await audit('verify', '--json')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ intact: true, rows: 3, head, checkpointsMatched: 1, checkpoints: 1, checkpointFile: file });
    expect(err).toEqual([]);
  });

  it('verify: 1 naming the edited and the deleted row', async () => {
    const ids = await writeRows(t.db, 6);
    expect(await audit('checkpoint')).toBe(0);
    await editDetail(t.db, ids[1] ?? '', { n: 'edited' });
    expect(await audit('verify')).toBe(1);
    expect(out.join('\n')).toContain(`NOT intact at row ${ids[1]} (edited)`);
    expect(out.join('\n')).toContain(`chain head: id ${ids[5]}`);
    await editDetail(t.db, ids[1] ?? '', { n: 1 });
    expect(await audit('verify')).toBe(0);
    await deleteRow(t.db, ids[3] ?? '');
    out = [];
    expect(await audit('verify')).toBe(1);
    expect(out[0]).toContain(`NOT intact at row ${ids[3]} (deleted)`);
  });

  it('verify: a chain re-hashed in the database passes alone and fails against the checkpoint file', async () => {
    const ids = await writeRows(t.db, 4);
    expect(await audit('checkpoint', '--checkpoints', file)).toBe(0);
    await rewriteChain(t.db, ids[0] ?? '', { n: 'forged' });
    expect(await audit('verify', '--checkpoints', join(dir, 'none.log'))).toBe(0);
    expect(out).toContain(`no checkpoints in ${join(dir, 'none.log')}`);
    out = [];
    expect(await audit('verify')).toBe(1);
    expect(out[0]).toContain(`NOT intact at row ${ids[3]} (checkpoint)`);
    // The env names another file: JOBVEJ_AUDIT_CHECKPOINTS wins over the data dir.
    const other = join(dir, 'elsewhere.log');
    expect(await run(['checkpoint'], { db: t.db, env: { JOBVEJ_DATA_DIR: dir, JOBVEJ_AUDIT_CHECKPOINTS: other }, out: () => undefined })).toBe(0);
    expect(readFileSync(other, 'utf8')).toContain(await hashOf(t.db, ids[3] ?? ''));
  });

  it('exit 2 on usage errors, 1 on a malformed checkpoint file or a broken head', async () => {
    await writeRows(t.db, 2);
    expect(await audit()).toBe(2);
    expect(await audit('rewrite')).toBe(2);
    expect(await audit('verify', '--from', '99')).toBe(2);
    expect(await audit('verify', '--bogus')).toBe(2);
    expect(err).toHaveLength(4);
    appendFileSync(file, 'not a checkpoint\n');
    expect(await audit('verify')).toBe(1);
    expect(err.at(-1)).toContain('line 1 is not an audit checkpoint');
    rmSync(file);
    await sql`UPDATE audit_chain_head SET hash = ${'b'.repeat(64)} WHERE id`.execute(t.db.kysely);
    expect(await audit('checkpoint')).toBe(1);
    expect(err.at(-1)).toContain('no checkpoint written');
    expect(await audit('verify')).toBe(1);
    expect(out.at(-4)).toContain('(head)');
  });
});

// The real way in: the command opens the database named by --database-url (PostgreSQL only).
describe.each(databases.filter((kind) => kind === 'postgres'))('jobvej audit --database-url on %s', (kind) => {
  it('opens the database the URL names', async () => {
    const t = await createTestDatabase(kind);
    const dir = mkdtempSync(join(tmpdir(), 'jobvej-audit-cli-'));
    try {
      await writeRows(t.db, 2);
      const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.db.kysely)).rows[0]?.name ?? '';
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      const out: string[] = [];
      const code = await run(['verify', '--database-url', url.toString()], { env: { JOBVEJ_DATA_DIR: dir }, out: (line) => out.push(line) });
      expect(code).toBe(0);
      expect(out[0]).toBe('audit chain intact: 2 rows');
    } finally {
      await t.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
