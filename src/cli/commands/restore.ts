// `jobvej restore --from FILE`: a backup of `jobvej backup` into an empty database — the
// PostgreSQL database DATABASE_URL names (pg_restore; the runtime role jobvej_app created first
// if the server has none, objects owned by the restoring role) or a new embedded database in
// JOBVEJ_DATA_DIR. It needs the CPR key the backup was made with (JOBVEJ_CPR_KEY or
// <data dir>/cpr.key; never made anew here) and checks that the key opens the restored CPR
// numbers, then verifies the audit chain.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { loadConfig, loadCprKey, type Config } from '../../server/platform/config.ts';
import { openDatabase, type Database } from '../../server/platform/db/database.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { readChainHead } from '../../server/platform/audit/chain-head.ts';
import { backupKindOf, cprKeyAvailable, cprKeyFile, keyOpensCprs } from '../backup-format.ts';
import { runProgram } from './backup.ts';
import { run as audit } from './audit.ts';

export interface RestoreIo {
  env?: NodeJS.ProcessEnv;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const HELP = `Usage: jobvej restore --from FILE

Into an empty database: the PostgreSQL database of DATABASE_URL (pg_restore --no-owner; PG_RESTORE
names another pg_restore; the role needs BYPASSRLS or superuser), or a new embedded database in
JOBVEJ_DATA_DIR (its pglite folder must not exist yet).

Needs the CPR key the backup was made with: JOBVEJ_CPR_KEY, or <data dir>/cpr.key copied there.
Then checks that the key opens the restored CPR numbers and verifies the audit chain
(jobvej audit verify; checkpoints taken after the backup name rows the backup does not have).`;

async function publicTables(db: Database): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'`.execute(db.kysely);
  return Number(rows[0]?.n ?? 0);
}

export async function run(argv: string[], io: RestoreIo = {}): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const env = io.env ?? process.env;
  let values: { from?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (!values.from) {
    err(`--from: required, the backup file to restore\n\n${HELP}`);
    return 2;
  }
  const from = resolve(values.from);
  if (!existsSync(from)) {
    err(`--from: no such file: ${from}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const kind = backupKindOf(from);
  if (kind === null) {
    err(`--from: ${from} is not a jobvej backup (neither pg_dump's custom format nor an embedded database's dump)`);
    return 2;
  }
  if (kind === 'postgres' && !config.DATABASE_URL) {
    err('--from: a PostgreSQL backup (pg_dump custom format); set DATABASE_URL to the empty database to restore it into');
    return 2;
  }
  if (kind === 'pglite' && config.DATABASE_URL) {
    err('--from: an embedded database\'s backup; unset DATABASE_URL and set JOBVEJ_DATA_DIR to the new data folder');
    return 2;
  }
  if (!cprKeyAvailable(config)) {
    err(`no CPR key: set JOBVEJ_CPR_KEY, or copy the key file to ${cprKeyFile(config)} — the one the backup was made with (it is not in the backup)`);
    return 2;
  }
  const cprKey = loadCprKey(config);

  let db: Database;
  if (kind === 'postgres') {
    const url = config.DATABASE_URL ?? '';
    db = await openDatabase({ url });
    if ((await publicTables(db)) > 0) {
      await db.close();
      err('the database of DATABASE_URL is not empty: restore into a new database (createdb), then point jobvej at it');
      return 2;
    }
    // Roles belong to the server, not the dump: the runtime role must be there for the dump's grants.
    await db.execScript(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jobvej_app') THEN CREATE ROLE jobvej_app NOLOGIN NOSUPERUSER NOBYPASSRLS; END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`);
    const restored = await runProgram(env.PG_RESTORE ?? 'pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--no-password', `--dbname=${url}`, from], env);
    if (restored.code !== 0) {
      await db.close();
      err(`pg_restore failed (exit ${restored.code}); nothing was restored: ${restored.stderr.trim()}`);
      return 1;
    }
  } else {
    const dataDir = resolve(config.JOBVEJ_DATA_DIR, 'pglite');
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      err(`${dataDir} already holds a database: restore into a new data folder (JOBVEJ_DATA_DIR)`);
      return 2;
    }
    const tarball = new Blob([gunzipSync(readFileSync(from))]);
    db = await openDatabase({ dataDir, loadDataDir: tarball });
  }
  try {
    // A backup of an older jobvej gets this one's later migrations.
    const applied = await migrate(db);
    if (applied.length > 0) out(`migrations applied after the restore: ${applied.join(', ')}`);
    const key = await keyOpensCprs(db, cprKey);
    if (key.opened < key.tried) {
      err(`the CPR key (${config.JOBVEJ_CPR_KEY ? 'JOBVEJ_CPR_KEY' : cprKeyFile(config)}) does not open the restored CPR numbers (${key.opened} of ${key.tried}): give the key the backup was made with`);
      return 1;
    }
    const head = await readChainHead(db.kysely);
    out(`restored from ${from}: audit chain head id ${head.id ?? 'none'} hash ${head.hash}; the CPR key opens the CPR numbers (${key.tried} tried)`);
    return await audit(['verify'], { db, env, out, err });
  } finally {
    await db.close();
  }
}
