// Open the database: PostgreSQL through `pg` when a URL is given, else the embedded PGlite
// in a data folder. Both go through Kysely's PostgreSQL adapter and query compiler.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { Mutex, PGliteDialect } from './pglite-dialect.ts';
import { DURABLE_START_PARAMS, DurableNodeFS, fsyncTree } from './durable-nodefs.ts';
import type { DB } from './schema.ts';

export interface Database {
  kind: 'pglite' | 'postgres';
  kysely: Kysely<DB>;
  /** Run a multi-statement SQL script (no parameters) in one transaction, e.g. a migration. */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  dataDir?: string;
  /** PGlite only: start from a dumped data folder (tarball), e.g. a migrated template. */
  loadDataDir?: Blob;
  /**
   * PGlite in a data folder only: fsync each commit's WAL to disk before it is acknowledged
   * (durable-nodefs.ts). Default true; false is PGlite's own behaviour (page cache only), kept
   * for the benchmark that measures the difference.
   */
  durable?: boolean;
}

const pgliteOf = new WeakMap<Database, PGlite>();
const DATE_OID = 1082;
const INT8_OID = 20;
const asText = (value: string): string => value;

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPGlite(options.dataDir, options.loadDataDir, options.durable ?? true);
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID || oid === INT8_OID ? asText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection that the server ends (restart, or a test database dropped WITH
  // (FORCE)) makes the pool emit 'error'; unhandled, that would crash the process. The pool
  // replaces the connection on the next query, so a warning is enough.
  pool.on('error', (error: Error & { code?: string }) => {
    process.emitWarning(`PostgreSQL connection ended: ${error.code ?? ''} ${error.message}`, 'JobvejDatabaseWarning');
  });
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    kysely,
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await kysely.destroy();
    },
  };
}

async function openPGlite(dataDir: string | undefined, loadDataDir: Blob | undefined, durable: boolean): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // In memory (tests) there is no disk to be durable on.
  const onDisk = durable && dataDir !== undefined;
  const fresh = onDisk && !existsSync(join(dataDir, 'PG_VERSION'));
  const pglite = await PGlite.create({
    ...(dataDir ? (onDisk ? { fs: new DurableNodeFS(dataDir), startParams: [...DURABLE_START_PARAMS] } : { dataDir }) : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    // Explicit, though it is the default: PGlite awaits its filesystem sync after every query.
    relaxedDurability: false,
    parsers: { [DATE_OID]: asText, [INT8_OID]: asText },
  });
  if (fresh) fsyncTree(dataDir);
  const mutex = new Mutex();
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect(pglite, mutex) });
  const db: Database = {
    kind: 'pglite',
    kysely,
    async execScript(script) {
      const release = await mutex.acquire();
      try {
        await pglite.exec('BEGIN');
        try {
          await pglite.exec(script);
          await pglite.exec('COMMIT');
        } catch (error) {
          await pglite.exec('ROLLBACK');
          throw error;
        }
      } finally {
        release();
      }
    },
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
  };
  pgliteOf.set(db, pglite);
  return db;
}

/** PGlite only: a tarball of the data folder (to clone a migrated template). */
export async function dumpPGlite(db: Database): Promise<Blob> {
  const handle = pgliteOf.get(db);
  if (!handle) throw new Error('dumpPGlite: not a PGlite database');
  return handle.dumpDataDir('none');
}

/**
 * What an acknowledged commit survives, for the start-up log: read from the running database
 * (`SHOW fsync`, `wal_sync_method`, `synchronous_commit`), not assumed.
 */
export async function durabilityReport(db: Database): Promise<{ durable: boolean; line: string }> {
  const show = async (name: string) => {
    const { rows } = await sql<Record<string, string>>`${sql.raw(`SHOW ${name}`)}`.execute(db.kysely);
    return rows[0]?.[name] ?? '?';
  };
  const [fsync, walSync, commit] = [await show('fsync'), await show('wal_sync_method'), await show('synchronous_commit')];
  const settings = `fsync=${fsync}, wal_sync_method=${walSync}, synchronous_commit=${commit}`;
  const durable = fsync === 'on' && commit !== 'off';
  if (db.kind === 'postgres') return { durable, line: `Durability: as the PostgreSQL server is configured (${settings}).` };
  return durable
    ? { durable, line: `Durability: the embedded database fsyncs each commit to disk before acknowledging it (${settings}).` }
    : { durable, line: `WARNING: the embedded database does not fsync commits (${settings}): an OS crash or power cut can lose acknowledged writes.` };
}
