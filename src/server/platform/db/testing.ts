// Test databases: every storage test runs on PGlite and, when TEST_DATABASE_URL is set, on
// PostgreSQL too. Each call gives a fresh, migrated, isolated database: PGlite is cloned from
// a migrated template tarball (built once, cached in the OS temp folder by migration hash);
// PostgreSQL gets a new database `jobvej_test_<random>` that is dropped afterwards.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { dumpPGlite, openDatabase, type Database } from './database.ts';
import { migrate, migrations } from './migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export const databases: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  db: Database;
  drop(): Promise<void>;
}

function templatePath(): string {
  const digest = createHash('sha256').update(migrations.map((m) => m.sql).join('\n--\n')).digest('hex').slice(0, 16);
  return join(tmpdir(), `jobvej-pglite-template-${digest}.tar`);
}

async function pgliteTemplate(): Promise<Blob> {
  const path = templatePath();
  if (!existsSync(path)) {
    const db = await openDatabase();
    await migrate(db);
    const dump = await dumpPGlite(db);
    await db.close();
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, path);
  }
  return new Blob([readFileSync(path)]);
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ loadDataDir: await pgliteTemplate() });
    return { db, drop: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `jobvej_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url });
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin.kysely);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ url: target.toString() });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.kysely);
      await admin.close();
    },
  };
}
