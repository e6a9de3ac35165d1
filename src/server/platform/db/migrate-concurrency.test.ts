// Two processes starting together on an empty database both migrate it (decision 031): each
// migration is applied once, and the one that lost the race skips it instead of failing.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';
import { migrate, migrations } from './migrate.ts';
import { databases } from './testing.ts';

describe.each(databases)('concurrent migrations on %s', (kind) => {
  it('two migrate() at once on an empty database: both succeed, every version applied exactly once', async () => {
    let handles: Database[];
    let drop = async () => {};
    if (kind === 'pglite') {
      // One embedded database, two callers interleaving on its one connection.
      const db = await openDatabase();
      handles = [db, db];
      drop = () => db.close();
    } else {
      const base = process.env.TEST_DATABASE_URL ?? '';
      const admin = await openDatabase({ url: base });
      const name = `jobvej_migrate_${randomBytes(5).toString('hex')}`;
      await sql.raw(`CREATE DATABASE ${name}`).execute(admin.kysely);
      const url = new URL(base);
      url.pathname = `/${name}`;
      handles = [await openDatabase({ url: url.toString() }), await openDatabase({ url: url.toString() })];
      drop = async () => {
        for (const h of handles) await h.close();
        await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.kysely);
        await admin.close();
      };
    }
    try {
      const [first, second] = await Promise.all(handles.map((h) => migrate(h)));
      // Between them every migration was applied, none twice.
      expect([...(first ?? []), ...(second ?? [])].sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version));
      const { rows } = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(handles[0]?.kysely ?? (undefined as never));
      expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      await drop();
    }
  }, 120_000);
});
