// Apply pending migrations in order, each in its own transaction with its version recorded.
import { sql } from 'kysely';
import type { Database } from './database.ts';
import * as m001 from './migrations/001-tables.ts';
import * as m002 from './migrations/002-municipalities.ts';
import * as m003 from './migrations/003-security.ts';
import * as m004 from './migrations/004-evaluation-runs.ts';
import * as m005 from './migrations/005-offers-outcomes.ts';
import * as m006 from './migrations/006-companies-packages.ts';
import * as m007 from './migrations/007-company-links-labour-needs.ts';
import * as m008 from './migrations/008-enrolment-modules.ts';
import * as m009 from './migrations/009-igu-school-periods.ts';
import * as m010 from './migrations/010-handover-takeback-limit.ts';
import * as m011 from './migrations/011-audit-chain-order.ts';
import * as m012 from './migrations/012-audit-citizen-id-index.ts';
import * as m013 from './migrations/013-audit-citizen-rows.ts';
import * as m014 from './migrations/014-national-quarter-counts.ts';
import * as m015 from './migrations/015-answer-submissions.ts';
import * as m016 from './migrations/016-instrument-audio.ts';
import * as m018 from './migrations/018-assignment-and-users.ts';
import * as m019 from './migrations/019-employment-model.ts';
import * as m020 from './migrations/020-evaluation-run-claims.ts';
import * as m021 from './migrations/021-oidc-sign-in.ts';
import * as m023 from './migrations/023-fip-round-answer-codes.ts';
import * as m024 from './migrations/024-citizen-deadline-state.ts';
import * as m025 from './migrations/025-national-fip-moments.ts';

export const migrations: { version: number; name: string; sql: string }[] = [
  { version: 1, name: m001.name, sql: m001.sql },
  { version: 2, name: m002.name, sql: m002.sql },
  { version: 3, name: m003.name, sql: m003.sql },
  { version: 4, name: m004.name, sql: m004.sql },
  { version: 5, name: m005.name, sql: m005.sql },
  { version: 6, name: m006.name, sql: m006.sql },
  { version: 7, name: m007.name, sql: m007.sql },
  { version: 8, name: m008.name, sql: m008.sql },
  { version: 9, name: m009.name, sql: m009.sql },
  { version: 10, name: m010.name, sql: m010.sql },
  { version: 11, name: m011.name, sql: m011.sql },
  { version: 12, name: m012.name, sql: m012.sql },
  { version: 13, name: m013.name, sql: m013.sql },
  { version: 14, name: m014.name, sql: m014.sql },
  { version: 15, name: m015.name, sql: m015.sql },
  { version: 16, name: m016.name, sql: m016.sql },
  { version: 18, name: m018.name, sql: m018.sql },
  { version: 19, name: m019.name, sql: m019.sql },
  { version: 20, name: m020.name, sql: m020.sql },
  { version: 21, name: m021.name, sql: m021.sql },
  { version: 23, name: m023.name, sql: m023.sql },
  { version: 24, name: m024.name, sql: m024.sql },
  { version: 25, name: m025.name, sql: m025.sql },
];

/** Returns the versions applied now. */
export async function migrate(db: Database): Promise<number[]> {
  // Under the migrations' lock: two CREATE TABLE IF NOT EXISTS at once collide in the catalogue.
  await db.execScript(`SELECT pg_advisory_xact_lock(7370627); CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = await db.kysely.selectFrom('schema_migrations').select('version').execute();
  const applied = new Set(done.map((row) => row.version));
  const now: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    const record = `INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, '${migration.name}') ON CONFLICT DO NOTHING;`;
    // Under the lock, a version another process applied meanwhile stops the script before its SQL
    // runs (several processes starting together on one database, decision 031).
    const guard = `DO $guard$ BEGIN IF EXISTS (SELECT FROM schema_migrations WHERE version = ${migration.version}) THEN RAISE EXCEPTION 'migration ${migration.version} is already applied'; END IF; END $guard$;`;
    try {
      await db.execScript(`SELECT pg_advisory_xact_lock(7370627);\n${guard}\n${migration.sql}\n${record}`);
    } catch (error) {
      // Applied by the other process while this one waited for the lock: skipped, not failed.
      const again = await db.kysely.selectFrom('schema_migrations').select('version').where('version', '=', migration.version).executeTakeFirst();
      if (again) continue;
      throw error;
    }
    now.push(migration.version);
  }
  return now;
}

export async function appliedVersions(db: Database): Promise<number[]> {
  const rows = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(db.kysely);
  return rows.rows.map((row) => row.version);
}
