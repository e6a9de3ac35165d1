// `jobvej audit verify|checkpoint`: check the hash-chained audit log, and record its head in the
// checkpoint file outside the database. Runs as the database owner (DATABASE_URL, or the embedded
// database in JOBVEJ_DATA_DIR), never as jobvej_app. Exit codes: 0 intact / written, 1 the chain
// (or the checkpoint file) is not sound, 2 usage or configuration.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../../server/platform/db/database.ts';
import { loadConfig, type Config } from '../../server/platform/config.ts';
import { verifyChain, VerifyUsageError, type ChainVerdict } from '../../server/platform/audit/chain-verifier.ts';
import { checkpointFilePath, readCheckpoints, CHECKPOINT_FILE_ENV } from '../../server/platform/audit/checkpoint-file.ts';
import { takeCheckpoint } from '../../server/platform/audit/checkpoint-writer.ts';
import { openConfiguredDatabase } from '../open-configured-database.ts';

const USAGE = `Usage: jobvej audit verify [--from ID] [--database-url URL] [--checkpoints FILE] [--json]
       jobvej audit checkpoint [--database-url URL] [--checkpoints FILE]

verify      walks the audit chain in the order it was linked, recomputes every hash, checks the
            chain against every checkpoint in the file, and names the first edited, deleted,
            inserted or reordered row. Prints the chain head. Exit 0 intact, 1 not.
checkpoint  appends the chain head (id, hash, time) to the checkpoint file (when it has moved).

--database-url  instead of DATABASE_URL (default: the embedded database in JOBVEJ_DATA_DIR)
--checkpoints   the checkpoint file (default ${CHECKPOINT_FILE_ENV}, else <data dir>/audit-checkpoints.log)`;

export interface AuditCommandIo {
  /** An open database to use (tests); it is not closed. */
  db?: Database;
  env?: NodeJS.ProcessEnv;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

interface Options {
  from?: string;
  'database-url'?: string;
  checkpoints?: string;
  json?: boolean;
  help?: boolean;
}

function describeVerdict(verdict: ChainVerdict, file: string, checkpoints: number): string[] {
  const head = verdict.head.id === null ? 'chain head: empty chain' : `chain head: id ${verdict.head.id} hash ${verdict.head.hash}`;
  const against = checkpoints === 0 ? `no checkpoints in ${file}` : `${verdict.checkpointsMatched} of ${checkpoints} checkpoints in ${file} match${verdict.checkpointsSkipped ? ` (${verdict.checkpointsSkipped} before --from not checked)` : ''}`;
  if (!verdict.problem) return [`audit chain intact: ${verdict.rows} rows`, head, against];
  return [`audit chain NOT intact at row ${verdict.problem.id} (${verdict.problem.kind}): ${verdict.problem.message}`, `${verdict.rows} rows sound before it`, head, against];
}

async function verify(db: Database, options: Options, file: string, out: (line: string) => void): Promise<number> {
  // Read before the walk's snapshot: every checkpoint then names a row committed before it.
  const checkpoints = readCheckpoints(file);
  const verdict = await verifyChain(db.kysely, { ...(options.from !== undefined ? { from: options.from } : {}), checkpoints });
  if (options.json) out(JSON.stringify({ intact: verdict.problem === null, ...verdict, checkpointFile: file, checkpoints: checkpoints.length }, null, 2));
  else for (const line of describeVerdict(verdict, file, checkpoints.length)) out(line);
  return verdict.problem === null ? 0 : 1;
}

async function checkpoint(db: Database, file: string, out: (line: string) => void): Promise<number> {
  const outcome = await takeCheckpoint(db.kysely, file);
  if (outcome.status === 'empty') out('the audit chain is empty: no checkpoint written');
  else out(`${outcome.status === 'written' ? 'checkpoint written' : 'chain head unchanged since the last checkpoint'}: id ${outcome.checkpoint.id} hash ${outcome.checkpoint.hash} (${file})`);
  return 0;
}

export async function run(argv: string[], io: AuditCommandIo = {}): Promise<number> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const [sub, ...rest] = argv;
  let options: Options;
  try {
    ({ values: options } = parseArgs({
      args: rest,
      options: { from: { type: 'string' }, 'database-url': { type: 'string' }, checkpoints: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (sub === '--help' || options.help) {
    out(USAGE);
    return 0;
  }
  if (sub !== 'verify' && sub !== 'checkpoint') {
    err(`${sub === undefined ? 'Missing audit command' : `Unknown audit command "${sub}"`}\n\n${USAGE}`);
    return 2;
  }
  const env = io.env ?? process.env;
  let config: Config;
  try {
    config = loadConfig(options['database-url'] !== undefined ? { ...env, DATABASE_URL: options['database-url'] } : env);
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const file = options.checkpoints !== undefined ? resolve(options.checkpoints) : checkpointFilePath(config.JOBVEJ_DATA_DIR, env);
  const db = io.db ?? (await openConfiguredDatabase(config));
  try {
    return sub === 'verify' ? await verify(db, options, file, out) : await checkpoint(db, file, out);
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    // A malformed checkpoint file or a broken chain head is a finding (1), like a broken chain.
    return error instanceof VerifyUsageError ? 2 : 1;
  } finally {
    if (!io.db) await db.close();
  }
}
