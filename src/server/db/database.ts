// Open the database: PostgreSQL through `pg` when a URL is given, else the embedded PGlite
// in a data folder. Both go through Kysely's PostgreSQL adapter and query compiler.
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { Mutex, PGliteDialect } from './pglite-dialect.ts';
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
}

const pgliteOf = new WeakMap<Database, PGlite>();
const DATE_OID = 1082;
const INT8_OID = 20;
const asText = (value: string): string => value;

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPGlite(options.dataDir, options.loadDataDir);
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

async function openPGlite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [DATE_OID]: asText, [INT8_OID]: asText },
  });
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
