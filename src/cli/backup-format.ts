// What `jobvej backup` writes and `jobvej restore` reads (decision 031, docs/deploy.md):
// - PostgreSQL: pg_dump's custom format, as pg_dump writes it (pg_restore reads it too), made with
//   the Debian binaries (PG_DUMP / PG_RESTORE name others);
// - the embedded database (PGlite): a gzip tarball of its data folder, dumped by PGlite itself
//   (consistent: taken through the database, not copied from under it).
// Neither contains the CPR key (nor the exports' key): a backup and the key are kept apart, and
// restore needs the key from the environment (JOBVEJ_CPR_KEY) or the data folder's key file; it
// checks that this key opens the restored CPR numbers before it calls the restore good.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../server/platform/config.ts';
import type { Database } from '../server/platform/db/database.ts';
import { createCprVault } from '../server/platform/crypto/cpr-vault.ts';
import { ANONYMOUS, withTenant } from '../server/platform/db/tenant.ts';

export type BackupKind = 'postgres' | 'pglite';

/** The kind of a backup file by its first bytes, or null when it is neither. */
export function backupKindOf(path: string): BackupKind | null {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(5);
    const n = readSync(fd, head, 0, 5, 0);
    if (n === 5 && head.toString('latin1') === 'PGDMP') return 'postgres';
    if (n >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The key file of the embedded default. */
export function cprKeyFile(config: Config): string {
  return join(config.JOBVEJ_DATA_DIR, 'cpr.key');
}

/** Whether a CPR key is there to be read (restore must never make a new one: it would open nothing). */
export function cprKeyAvailable(config: Config): boolean {
  return config.JOBVEJ_CPR_KEY !== undefined || existsSync(cprKeyFile(config));
}

/**
 * Decrypt up to `sample` citizens' CPR numbers with the key: the count opened and the count tried.
 * A wrong key opens none (AES-GCM authenticates every value). Read as each municipality in turn
 * (row-level security: the owner itself sees no citizen outside a tenant transaction).
 */
export async function keyOpensCprs(db: Database, key: Buffer, sample = 5): Promise<{ opened: number; tried: number }> {
  const vault = createCprVault(key);
  const places = await withTenant(db, ANONYMOUS, (tx) => tx.selectFrom('municipalities').select('code').orderBy('code').execute());
  let opened = 0;
  let tried = 0;
  for (const { code } of places) {
    if (tried >= sample) break;
    const rows = await withTenant(db, { municipalityCode: code, userId: null, role: 'system' }, (tx) =>
      tx.selectFrom('citizens').select('cpr_encrypted').orderBy('id').limit(sample - tried).execute(),
    );
    for (const row of rows) {
      tried += 1;
      try {
        vault.decrypt(row.cpr_encrypted);
        opened += 1;
      } catch {
        // not this key's
      }
    }
  }
  return { opened, tried };
}
