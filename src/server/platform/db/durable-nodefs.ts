// Durable commits for the embedded database. PGlite 0.5 on Node, as shipped, acknowledges a
// commit once its WAL is in the OS page cache, not on disk:
//  - it starts PostgreSQL with `-F` (fsync = off), and
//  - even with fsync = on, its Emscripten NODEFS has no fsync: `fsync()` in the WASM build is a
//    no-op (NODEFS.stream_ops has no fsync) and `fdatasync()` (the default wal_sync_method) always
//    returns 0 without touching the file.
// (`relaxedDurability` only decides whether PGlite awaits its own syncToFs after a query; for the
// Node filesystem that is a no-op either way.) A commit then survives a crash of the process but
// not of the operating system or a power cut.
//
// Here: fsync = on, wal_sync_method = fsync, and NODEFS's missing stream fsync is supplied with
// the host's fsync(2). PostgreSQL then calls fsync on the WAL segment before a commit is
// acknowledged, on data files and pg_control at checkpoints, and on directories after renames,
// as it does on a normal server. A failing host fsync is returned to PostgreSQL as an errno (it
// then refuses to go on, as PostgreSQL does) rather than being swallowed.
import fs from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** PGlite's start parameters without `-F`, with the WAL flushed by fsync(2). */
export const DURABLE_START_PARAMS: readonly string[] = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
  '-c',
  'synchronous_commit=on',
];

interface NodefsStream {
  nfd?: number;
}
interface NodefsModule {
  NODEFS: { stream_ops: { fsync?: (stream: NodefsStream) => number }; tryFSOperation<T>(f: () => T): T };
}

/** PGlite's Node filesystem with a real fsync. */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const result = await super.init(pg, opts);
    const supplyFsync = (mod: unknown): void => {
      const { NODEFS } = mod as NodefsModule;
      NODEFS.stream_ops.fsync = (stream) => {
        // tryFSOperation turns a Node error (EIO, ENOSPC …) into the errno PostgreSQL sees.
        if (typeof stream.nfd === 'number') NODEFS.tryFSOperation(() => fs.fsyncSync(stream.nfd as number));
        return 0;
      };
    };
    result.emscriptenOpts.preRun = [...(result.emscriptenOpts.preRun ?? []), supplyFsync];
    return result;
  }
}

/**
 * fsync every file and folder under `dir` (once, after PGlite has created a new database: its
 * files are copied in from an in-memory initdb without any fsync).
 */
export function fsyncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(path);
    else if (entry.isFile()) fsyncPath(path);
  }
  fsyncPath(dir);
}

function fsyncPath(path: string): void {
  const fd = fs.openSync(path, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
