// `jobvej serve`: open and migrate the database, seed demo data on first start (not in
// production), and serve the API and the built web app. `--workers N` (decision 031) starts N
// processes with node:cluster sharing the port, on a PostgreSQL database: this process prepares
// the database, then supervises them (a worker that dies is started again) and takes the audit
// checkpoints; nothing a request needs lives in one process (sessions, login limits, the
// evaluation queue are in the database).
import cluster from 'node:cluster';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadCprKey, loadExportKey, type Config } from '../../server/platform/config.ts';
import { migrate } from '../../server/platform/db/migrate.ts';
import { durabilityReport, type Database } from '../../server/platform/db/database.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { buildApp } from '../../server/app.ts';
import { signInSettings } from '../../server/platform/auth/oidc/config.ts';
import { backfillCprTails } from '../../server/citizens/index.ts';
import { createCprVault } from '../../server/platform/crypto/cpr-vault.ts';
import { checkpointFilePath } from '../../server/platform/audit/checkpoint-file.ts';
import { scheduleCheckpoints } from '../../server/platform/audit/checkpoint-writer.ts';
import { configOrReport, describeDatabase, openConfiguredDatabase } from '../open-configured-database.ts';
import { demoLogins } from './demo.ts';

const WEB_DIST = fileURLToPath(new URL('../../../dist/web', import.meta.url));
/** Held (session-level) while a process prepares the database, so that processes starting together take turns. */
const STARTUP_LOCK = 7370629;
const MAX_WORKERS = 64;

/** `--workers N` (default 1), or null after printing why it is not a count. */
function workerCount(argv: string[]): number | null {
  const at = argv.indexOf('--workers');
  const inline = argv.find((a) => a.startsWith('--workers='));
  const raw = inline ? inline.slice('--workers='.length) : at >= 0 ? argv[at + 1] : '1';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) {
    console.error(`--workers: give a whole number from 1 to ${MAX_WORKERS} (got ${raw ?? 'nothing'})`);
    return null;
  }
  return n;
}

/**
 * Run `work` holding the start-up lock (PostgreSQL; the embedded database has one process anyway):
 * a transaction-scoped lock in a transaction kept open meanwhile on a connection of its own, so
 * that it also holds through pgBouncer in transaction mode (a session lock and its unlock could
 * reach different server connections there, docs/deploy.md).
 */
async function withStartupLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  if (db.kind !== 'postgres') return work();
  return db.kysely.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${STARTUP_LOCK})`.execute(tx);
    return work();
  });
}

/** Migrate, seed the demo (not in production), fill the CPR tails' lookup hashes. */
async function prepare(db: Database, config: Config, cprKey: Buffer): Promise<void> {
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
}

/** The primary of `--workers N`: forks them, starts again one that dies, stops them all on SIGINT/SIGTERM. */
function supervise(workers: number, db: Database, auditCheckpointFile: string, config: Config): number {
  let stopping = false;
  const checkpoints = scheduleCheckpoints(db, auditCheckpointFile, (err) => console.warn('audit checkpoint not written:', err));
  const fork = () => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void checkpoints.stop().then(() => db.close()).then(() => process.exit(0));
      return;
    }
    console.warn(`jobvej worker ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another`);
    setTimeout(fork, 1000).unref();
  });
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) void checkpoints.stop().then(() => db.close()).then(() => process.exit(0));
    for (const worker of alive) worker?.process.kill('SIGTERM');
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  for (let i = 0; i < workers; i++) fork();
  console.log(`jobvej serves http://${config.HOST}:${config.PORT} on ${describeDatabase(config)} with ${workers} worker processes (primary ${process.pid})`);
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    console.log('Usage: jobvej serve\n\nEnv: PORT (3000), HOST (127.0.0.1; 0.0.0.0 for every interface), DATABASE_URL, JOBVEJ_DATA_DIR (./data), JOBVEJ_CPR_KEY, JOBVEJ_EVALUATION_DIR (<data dir>/evaluations/inbox), JOBVEJ_UPLOAD_MAX_FILE_BYTES (16 GiB), JOBVEJ_UPLOAD_RESERVE_BYTES (1 GiB), JOBVEJ_AUDIT_CHECKPOINTS (<data dir>/audit-checkpoints.log), NODE_ENV; JOBVEJ_OIDC_CONFIG (the identity providers of the municipalities, docs/oidc.md), JOBVEJ_LOCAL_LOGIN (all; admin or off in production with providers).');
    console.log('Also: JOBVEJ_TRUST_PROXY (the reverse proxy: loopback, addresses or CIDRs), JOBVEJ_EVALUATION_LEASE_MS (60000), JOBVEJ_EVALUATION_POLL_MS (5000).\n\nOptions:\n  --workers N   N processes sharing the port (node:cluster; needs DATABASE_URL). Default 1. See docs/deploy.md.');
    return 0;
  }
  const workers = workerCount(argv);
  if (workers === null) return 2;
  const config = configOrReport();
  if (!config) return 2;
  if (workers > 1 && !config.DATABASE_URL) {
    console.error('--workers needs DATABASE_URL: the embedded database (PGlite) belongs to one process. Run one process, or use PostgreSQL (docs/deploy.md).');
    return 2;
  }
  const cprKey = loadCprKey(config);
  // The municipalities' identity providers (decision 032): a wrong file stops the start here, naming the field.
  const signIn = signInSettings({ oidcConfigFile: config.JOBVEJ_OIDC_CONFIG, localLogin: config.JOBVEJ_LOCAL_LOGIN, nodeEnv: config.NODE_ENV });
  const db = await openConfiguredDatabase(config);
  // A cluster worker finds the database prepared by its primary.
  if (!cluster.isWorker) await withStartupLock(db, () => prepare(db, config, cprKey));
  const auditCheckpointFile = checkpointFilePath(config.JOBVEJ_DATA_DIR);
  if (workers > 1 && cluster.isPrimary) return supervise(workers, db, auditCheckpointFile, config);
  const app = await buildApp({
    db, cprKey, signIn, exportKey: loadExportKey(config), auditCheckpointFile, webDist: WEB_DIST, logger: true, ...(config.NODE_ENV ? { nodeEnv: config.NODE_ENV } : {}),
    ...(config.JOBVEJ_TRUST_PROXY ? { trustProxy: config.JOBVEJ_TRUST_PROXY } : {}),
    evaluationStoreDir: join(config.JOBVEJ_DATA_DIR, 'evaluations'),
    ...(config.JOBVEJ_EVALUATION_DIR ? { evaluationInboxDir: config.JOBVEJ_EVALUATION_DIR } : {}),
    evaluationUploads: { maxFileBytes: config.JOBVEJ_UPLOAD_MAX_FILE_BYTES, reserveBytes: config.JOBVEJ_UPLOAD_RESERVE_BYTES },
    evaluationQueue: { leaseMs: config.JOBVEJ_EVALUATION_LEASE_MS, pollMs: config.JOBVEJ_EVALUATION_POLL_MS },
  });
  // The audit chain head into the checkpoint file now, every ten minutes and at shutdown (by the primary under --workers).
  const checkpoints = cluster.isWorker ? null : scheduleCheckpoints(db, auditCheckpointFile, (err) => app.log.warn({ err }, 'audit checkpoint not written'));
  const shutdown = async () => {
    await app.close();
    await checkpoints?.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`jobvej serves http://${config.HOST}:${config.PORT} on ${describeDatabase(config)}${cluster.isWorker ? ` (worker ${process.pid})` : ''}`);
  return 0;
}
