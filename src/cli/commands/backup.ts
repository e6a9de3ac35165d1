// `jobvej backup --out FILE`: the whole database into one file (backup-format.ts): pg_dump's
// custom format for PostgreSQL, PGlite's own dump of its data folder for the embedded database
// (stop `jobvej serve` first: the embedded database is one process's). The CPR key is not in it.
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadConfig, type Config } from '../../server/platform/config.ts';
import { dumpPGlite } from '../../server/platform/db/database.ts';
import { readChainHead } from '../../server/platform/audit/chain-head.ts';
import { openConfiguredDatabase } from '../open-configured-database.ts';
import { cprKeyFile } from '../backup-format.ts';

export interface BackupIo {
  env?: NodeJS.ProcessEnv;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const HELP = `Usage: jobvej backup --out FILE

PostgreSQL (DATABASE_URL): pg_dump --format=custom into FILE (pg_restore reads it; PG_DUMP names
another pg_dump). The role needs to read every row: BYPASSRLS or superuser (docs/deploy.md).
Embedded (JOBVEJ_DATA_DIR): PGlite's dump of its data folder, gzip tarball; stop jobvej serve first.

The CPR key (JOBVEJ_CPR_KEY or <data dir>/cpr.key) is never in the backup: keep it apart from it
(a password vault); jobvej restore needs it.`;

/** Run a program; its stderr is returned with a non-zero exit. */
export function runProgram(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => resolvePromise({ code: 127, stderr: `${program}: ${error.message}` }));
    child.on('exit', (code) => resolvePromise({ code: code ?? 1, stderr }));
  });
}

export async function run(argv: string[], io: BackupIo = {}): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const env = io.env ?? process.env;
  let values: { out?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (!values.out) {
    err(`--out: required, the backup file to write\n\n${HELP}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const pgliteDir = resolve(config.JOBVEJ_DATA_DIR, 'pglite');
  if (!config.DATABASE_URL && !existsSync(join(pgliteDir, 'PG_VERSION'))) {
    err(`no embedded database in ${pgliteDir} (set JOBVEJ_DATA_DIR, or DATABASE_URL for PostgreSQL)`);
    return 2;
  }
  const target = resolve(values.out);
  const partial = `${target}.partial-${process.pid}`;
  const db = await openConfiguredDatabase(config);
  try {
    const head = await readChainHead(db.kysely);
    if (config.DATABASE_URL) {
      const dump = await runProgram(env.PG_DUMP ?? 'pg_dump', ['--format=custom', '--compress=6', `--file=${partial}`, '--no-password', config.DATABASE_URL], env);
      if (dump.code !== 0) {
        const hint = dump.stderr.includes('row-level security') ? '\n(the role must read every row: BYPASSRLS, e.g. the jobvej_backup role of docs/deploy.md)' : '';
        err(`pg_dump failed (exit ${dump.code}): ${dump.stderr.trim()}${hint}`);
        return 1;
      }
    } else {
      const tarball = await dumpPGlite(db);
      writeFileSync(partial, gzipSync(Buffer.from(await tarball.arrayBuffer())), { mode: 0o600 });
    }
    // Complete or not there: the file appears under its name only when written.
    renameSync(partial, target);
    out(`backup written: ${target} (${config.DATABASE_URL ? 'PostgreSQL, pg_dump custom format' : 'embedded database, PGlite data folder'})`);
    out(`audit chain head in it: id ${head.id ?? 'none'} hash ${head.hash ?? '-'}`);
    out(`not in it: the CPR key (${config.JOBVEJ_CPR_KEY ? 'JOBVEJ_CPR_KEY' : cprKeyFile(config)}); keep it apart from the backup, restore needs it`);
    return 0;
  } finally {
    rmSync(partial, { force: true });
    await db.close();
  }
}
