// `jobvej migrate`: apply pending database migrations.
import { migrate } from '../../server/platform/db/migrate.ts';
import { configOrReport, describeDatabase, openConfiguredDatabase } from '../open-configured-database.ts';

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log('Usage: jobvej migrate\n\nApplies pending migrations to DATABASE_URL or the embedded database in JOBVEJ_DATA_DIR.');
    return 0;
  }
  const config = configOrReport();
  if (!config) return 2;
  const db = await openConfiguredDatabase(config);
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied migrations ${applied.join(', ')} to ${describeDatabase(config)}.` : `${describeDatabase(config)} is up to date.`);
    return 0;
  } finally {
    await db.close();
  }
}
