// Checkpoints: the file format (append-only JSON lines, refused when malformed), the env override,
// and the schedule `jobvej serve` runs (at start, per interval, at stop; only when the head moved).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databases, type TestDatabase } from '../db/testing.ts';
import { appendCheckpoint, checkpointFilePath, CheckpointFileError, lastCheckpoint, readCheckpoints } from './checkpoint-file.ts';
import { HeadMismatchError, scheduleCheckpoints, takeCheckpoint } from './checkpoint-writer.ts';
import { hashOf, writeRows } from './audit-testing.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobvej-checkpoints-'));
  file = join(dir, 'sub', 'audit-checkpoints.log');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('checkpoint file', () => {
  const a = { id: '7', hash: 'a'.repeat(64), at: '2026-01-01T10:00:00.000Z' };
  const b = { id: '9', hash: 'b'.repeat(64), at: '2026-01-01T11:00:00.000Z' };

  it('appends JSON lines (creating the folder) and reads them back in order', () => {
    expect(readCheckpoints(file)).toEqual([]);
    expect(lastCheckpoint(file)).toBeNull();
    appendCheckpoint(file, a);
    appendCheckpoint(file, b);
    expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    expect(readCheckpoints(file)).toEqual([a, b]);
    expect(lastCheckpoint(file)).toEqual(b);
  });

  it('refuses a line that is not a checkpoint, naming it', () => {
    writeFileSync(file.replace('/sub', ''), `${JSON.stringify(a)}\n{"id":"8","hash":"short","at":"2026-01-01T10:00:00Z"}\n`);
    const bad = file.replace('/sub', '');
    expect(() => readCheckpoints(bad)).toThrow(CheckpointFileError);
    expect(() => readCheckpoints(bad)).toThrow(/line 2 is not an audit checkpoint/);
    appendFileSync(bad, 'garbage\n');
    expect(() => lastCheckpoint(bad)).toThrow(/line 3/);
  });

  it('lives in the data dir unless JOBVEJ_AUDIT_CHECKPOINTS names another file', () => {
    expect(checkpointFilePath('./data', {})).toBe(resolve('data/audit-checkpoints.log'));
    expect(checkpointFilePath('./data', { JOBVEJ_AUDIT_CHECKPOINTS: '/var/log/jobvej/checkpoints.log' })).toBe('/var/log/jobvej/checkpoints.log');
  });
});

describe.each(databases)('checkpoints of the chain head on %s', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  it('writes the head when it moved, not for an empty chain, and refuses a head row that is not there', async () => {
    expect(await takeCheckpoint(t.db.kysely, file)).toEqual({ status: 'empty' });
    const ids = await writeRows(t.db, 2);
    const now = new Date('2026-02-03T04:05:06.000Z');
    expect(await takeCheckpoint(t.db.kysely, file, now)).toEqual({ status: 'written', checkpoint: { id: ids[1], hash: await hashOf(t.db, ids[1] ?? ''), at: now.toISOString() } });
    expect((await takeCheckpoint(t.db.kysely, file)).status).toBe('unchanged');
    await sql`UPDATE audit_chain_head SET last_id = 99 WHERE id`.execute(t.db.kysely);
    await expect(takeCheckpoint(t.db.kysely, file)).rejects.toThrow(HeadMismatchError);
    expect(readCheckpoints(file)).toHaveLength(1);
  });

  it('the serve schedule checkpoints at start and at stop, and reports failures', async () => {
    await writeRows(t.db, 1);
    const errors: unknown[] = [];
    const schedule = scheduleCheckpoints(t.db, file, (error) => errors.push(error), 60_000);
    expect(schedule.file).toBe(file);
    await schedule.started;
    const ids = await writeRows(t.db, 2);
    await schedule.stop();
    expect(readCheckpoints(file).map((c) => c.id)).toEqual([ids[0], ids[2]]);
    expect(errors).toEqual([]);
    appendFileSync(file, 'torn line\n');
    const failing = scheduleCheckpoints(t.db, file, (error) => errors.push(error), 60_000);
    await failing.stop();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBeInstanceOf(CheckpointFileError);
  });
});
