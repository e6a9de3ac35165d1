// Audit checkpoints: the chain head (id, hash, time) appended, one JSON line each, to a file
// outside the database. A chain rewritten and re-hashed inside the database no longer matches a
// checkpoint taken before. Lines are only ever appended (O_APPEND, fsync); nothing here rewrites
// or truncates the file.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

export const CHECKPOINT_FILE_ENV = 'JOBVEJ_AUDIT_CHECKPOINTS';
export const DEFAULT_CHECKPOINT_FILE = 'audit-checkpoints.log';

const checkpointLine = z.object({
  id: z.string().regex(/^[1-9][0-9]*$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
});
export type Checkpoint = z.infer<typeof checkpointLine>;

export class CheckpointFileError extends Error {}

/** The checkpoint file: JOBVEJ_AUDIT_CHECKPOINTS, else <data dir>/audit-checkpoints.log. */
export function checkpointFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[CHECKPOINT_FILE_ENV];
  return resolve(chosen && chosen.length > 0 ? chosen : join(dataDir, DEFAULT_CHECKPOINT_FILE));
}

function parseLine(path: string, line: string, lineNumber: number): Checkpoint {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  const parsed = checkpointLine.safeParse(value);
  if (!parsed.success) throw new CheckpointFileError(`${path} line ${lineNumber} is not an audit checkpoint`);
  return parsed.data;
}

function linesOf(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
}

/**
 * Every checkpoint in the file, in file order; none when the file does not exist.
 * @throws CheckpointFileError naming the first line that is not a checkpoint.
 */
export function readCheckpoints(path: string): Checkpoint[] {
  return linesOf(path).flatMap((line, index) => (line.trim() === '' ? [] : [parseLine(path, line, index + 1)]));
}

/** The last checkpoint in the file, or null. @throws CheckpointFileError if that line is not one. */
export function lastCheckpoint(path: string): Checkpoint | null {
  const lines = linesOf(path);
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (line.trim() !== '') return parseLine(path, line, index + 1);
  }
  return null;
}

export function appendCheckpoint(path: string, checkpoint: Checkpoint): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify({ id: checkpoint.id, hash: checkpoint.hash, at: checkpoint.at })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
