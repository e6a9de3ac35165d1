// Input files of an evaluation run: copied into the run's folder while their sha256 and line
// count are computed (uploads stream straight from the request; server-side paths must lie
// inside the configured inbox folder). The caller removes the folder when anything fails, so
// nothing partial is kept.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredInput {
  /** The name the evaluator gave (upload file name, or the path relative to the inbox). */
  name: string;
  size: number;
  sha256: string;
  /** Newline-terminated lines, header included. */
  lines: number;
}

/** Stream `source` to `target`, hashing and counting on the way. */
export async function storeStream(source: Readable, target: string, name: string): Promise<StoredInput> {
  const hash = createHash('sha256');
  let size = 0;
  let lines = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(target, { flags: 'wx' }));
  return { name, size, sha256: hash.digest('hex'), lines };
}

/** sha256 of a file on disk (hex). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

export class OutsideInboxError extends Error {}

/**
 * Resolve a server-side path (relative to the inbox, or absolute) to a regular file inside the
 * inbox, following symlinks; throws OutsideInboxError for anything else.
 */
export function resolveInboxPath(inbox: string, path: string): string {
  let root: string;
  let full: string;
  try {
    root = realpathSync(inbox);
    full = realpathSync(resolve(root, path));
  } catch {
    throw new OutsideInboxError(`no such file in the evaluation folder: ${basename(path)}`);
  }
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new OutsideInboxError('the path must lie inside the evaluation folder');
  if (!statSync(full).isFile()) throw new OutsideInboxError(`not a regular file: ${basename(path)}`);
  return full;
}
