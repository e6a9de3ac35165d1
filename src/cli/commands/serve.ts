// `jobvej serve`: open and migrate the database, seed demo data on first start (not in
// production), and serve the API and the built web app.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCprKey } from '../../server/platform/config.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { durabilityReport } from '../../server/platform/db/database.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { buildApp } from '../../server/app.ts';
import { backfillCprTails } from '../../server/citizens/index.ts';
import { createCprVault } from '../../server/platform/crypto/cpr-vault.ts';
import { checkpointFilePath } from '../../server/platform/audit/checkpoint-file.ts';
import { scheduleCheckpoints } from '../../server/platform/audit/checkpoint-writer.ts';
import { configOrReport, describeDatabase, openConfiguredDatabase } from '../open-configured-database.ts';
import { demoLogins } from './demo.ts';

const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log('Usage: jobvej serve\n\nEnv: PORT (3000), HOST (127.0.0.1; 0.0.0.0 for every interface), DATABASE_URL, JOBVEJ_DATA_DIR (./data), JOBVEJ_CPR_KEY, JOBVEJ_EVALUATION_DIR (<data dir>/evaluations/inbox), JOBVEJ_UPLOAD_MAX_FILE_BYTES (16 GiB), JOBVEJ_UPLOAD_RESERVE_BYTES (1 GiB), JOBVEJ_AUDIT_CHECKPOINTS (<data dir>/audit-checkpoints.log), NODE_ENV.');
    return 0;
  }
  const config = configOrReport();
  if (!config) return 2;
  const cprKey = loadCprKey(config);
  const db = await openConfiguredDatabase(config);
  await migrate(db);
  const durability = await durabilityReport(db);
  (durability.durable ? console.log : console.warn)(durability.line);
  const production = config.NODE_ENV === 'production';
  if (!production) {
    const result = await seedDemo(db, { cprKey, ...(config.NODE_ENV ? { nodeEnv: config.NODE_ENV } : {}) });
    if (!result.skipped) console.log(`Demo data created: ${result.citizens} citizens, ${result.rounds} FIP rounds.`);
    console.log(demoLogins());
  }
  // The caseload's search by the CPR's last four digits needs their lookup hash on rows from before migration 018.
  const backfilled = await backfillCprTails(db, createCprVault(cprKey));
  if (backfilled > 0) console.log(`Lookup hashes of the CPR's last four digits filled for ${backfilled} citizens.`);
  const auditCheckpointFile = checkpointFilePath(config.JOBVEJ_DATA_DIR);
  const app = await buildApp({
    db, cprKey, auditCheckpointFile, webDist: WEB_DIST, logger: true, ...(config.NODE_ENV ? { nodeEnv: config.NODE_ENV } : {}),
    evaluationStoreDir: join(config.JOBVEJ_DATA_DIR, 'evaluations'),
    ...(config.JOBVEJ_EVALUATION_DIR ? { evaluationInboxDir: config.JOBVEJ_EVALUATION_DIR } : {}),
    evaluationUploads: { maxFileBytes: config.JOBVEJ_UPLOAD_MAX_FILE_BYTES, reserveBytes: config.JOBVEJ_UPLOAD_RESERVE_BYTES },
  });
  // The audit chain head into the checkpoint file now, every ten minutes and at shutdown.
  const checkpoints = scheduleCheckpoints(db, auditCheckpointFile, (err) => app.log.warn({ err }, 'audit checkpoint not written'));
  const shutdown = async () => {
    await app.close();
    await checkpoints.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`jobvej serves http://${config.HOST}:${config.PORT} on ${describeDatabase(config)}`);
  return 0;
}
