// Open the database the environment names (DATABASE_URL, else PGlite in JOBVEJ_DATA_DIR).
import { resolve } from 'node:path';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { loadConfig, type Config } from '../server/platform/config.ts';

/** The validated environment, or null after printing what is wrong (exit code 2). */
export function configOrReport(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return null;
  }
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.DATABASE_URL ? openDatabase({ url: config.DATABASE_URL }) : openDatabase({ dataDir: resolve(config.JOBVEJ_DATA_DIR, 'pglite') });
}

export function describeDatabase(config: Config): string {
  return config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${resolve(config.JOBVEJ_DATA_DIR, 'pglite')}`;
}
