// `jobvej export --what answers|citizens|offers|outcomes|all --municipality CODE [--format csv|xlsx]
// [--sep comma|semicolon] [--labels da|en] [--from D] [--to D] [--target-group all|broad|selected]
// --out DIR`: the pseudonymised export with its codebook (decision 033) into a folder, the same
// files as the web app's exports page. Row-level security stays in force: the municipality is read
// in a withTenant transaction as role `system`, and the export is audited `export.create` with its
// selection in that transaction. The answers export is FORMATS.md's answers.csv + outcomes.csv, so
// `jobvej fip-validity --answers DIR/answers.csv --outcomes DIR/outcomes.csv` reads the folder as it is.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportQuery, type ExportQuery } from '../../contract/exports.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { loadExportKey } from '../../server/platform/config.ts';
import { ANONYMOUS, withTenant } from '../../server/platform/db/tenant.ts';
import { writeSystemAudit } from '../../server/platform/audit/audit-writer.ts';
import { createPseudonymizer } from '../../server/platform/crypto/pseudonym.ts';
import { loadInstruments } from '../../server/instruments/index.ts';
import { runExport } from '../../server/exports/index.ts';
import { configOrReport, openConfiguredDatabase } from '../open-configured-database.ts';
import { writeAtomic } from '../write-atomic.ts';

const HELP = `Usage: jobvej export --what WHAT --municipality CODE --out DIR [options]

Writes a pseudonymised export of one municipality with its codebook into DIR.
  --what WHAT           answers (answers.csv + outcomes.csv, FORMATS.md), citizens, offers,
                        outcomes (outcome_register.csv) or all
  --municipality CODE   the municipality (three digits, e.g. 607)
  --format csv|xlsx     csv (default): the data files, codebook.csv, value_labels.csv, labels.do
                        (Stata) and labels.R (R); xlsx: export.xlsx with the codebook as sheets
  --sep comma|semicolon comma (default; FORMATS.md) or semicolon with decimal comma (Danish Excel)
  --labels da|en        the codebook's language (default da)
  --from YYYY-MM-DD     first day of the period (default: the first record)
  --to YYYY-MM-DD       last day of the period (default: today)
  --target-group G      all (default), broad or selected
  --out DIR             the folder to write (created if missing)

Env: DATABASE_URL or JOBVEJ_DATA_DIR, JOBVEJ_EXPORT_KEY (else <data dir>/export.key: the same key as
jobvej serve's, so a citizen has the same pseudonym in both).`;

const FLAG: Record<string, string> = { what: '--what', format: '--format', sep: '--sep', labels: '--labels', from: '--from', to: '--to', targetGroup: '--target-group', file: '--what' };

export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        what: { type: 'string' },
        municipality: { type: 'string' },
        format: { type: 'string' },
        sep: { type: 'string' },
        labels: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'target-group': { type: 'string' },
        out: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    process.stderr.write(`jobvej export: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const usage = (message: string) => {
    process.stderr.write(`jobvej export: ${message}\n`);
    return 2;
  };
  if (!args.what) return usage('--what is required');
  if (!args.municipality) return usage('--municipality is required');
  if (!args.out) return usage('--out is required');
  const parsed = exportQuery.safeParse({
    what: args.what,
    ...(args.format !== undefined ? { format: args.format } : {}),
    ...(args.sep !== undefined ? { sep: args.sep } : {}),
    ...(args.labels !== undefined ? { labels: args.labels } : {}),
    ...(args.from !== undefined ? { from: args.from } : {}),
    ...(args.to !== undefined ? { to: args.to } : {}),
    ...(args['target-group'] !== undefined ? { targetGroup: args['target-group'] } : {}),
  });
  if (!parsed.success) return usage(parsed.error.issues.map((i) => `${FLAG[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('; '));
  const q = parsed.data;
  const config = configOrReport();
  if (!config) return 2;
  const db = await openConfiguredDatabase(config);
  try {
    const result = await exportToDir(db, { ...q, municipalityCode: args.municipality, out: args.out, exportKey: loadExportKey(config), today: new Date().toISOString().slice(0, 10) });
    if (!args.quiet) {
      for (const [dataset, n] of Object.entries(result.rows)) process.stderr.write(`${dataset}: ${n} rows\n`);
      if (result.answersWindowOpen > 0) process.stderr.write(`answers: ${result.answersWindowOpen} citizens left out, their 182 days after round 1 have not passed\n`);
      process.stderr.write(`wrote ${result.files.join(', ')} to ${result.dir}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message);
    throw e;
  } finally {
    await db.close();
  }
}

export class UsageError extends Error {}

export interface ExportToDir extends ExportQuery {
  municipalityCode: string;
  out: string;
  exportKey: Buffer;
  today: string;
}

/**
 * The command's work on an open database: the export of one municipality read and audited in its
 * tenant transaction (role `system`), its files written into `out`.
 * @throws UsageError for a municipality that does not exist.
 */
export async function exportToDir(db: Database, o: ExportToDir): Promise<{ dir: string; files: string[]; rows: Record<string, number>; answersWindowOpen: number }> {
  const code = o.municipalityCode;
  const known = await withTenant(db, ANONYMOUS, (tx) => tx.selectFrom('municipalities').select('code').where('code', '=', code).executeTakeFirst());
  if (!known) throw new UsageError(`--municipality: no municipality with code "${code}"`);
  const selection = { municipalityCode: code, what: o.what, format: o.format, separator: o.sep, labels: o.labels, from: o.from ?? null, to: o.to ?? o.today, targetGroup: o.targetGroup };
  const pseudonym = createPseudonymizer(o.exportKey);
  const instrument = loadInstruments().instrument;
  const result = await withTenant(db, { municipalityCode: code, userId: null, role: 'system' }, async (tx) => {
    const r = await runExport(tx, selection, { today: o.today, instrument, pseudonym });
    await writeSystemAudit(tx, code, 'export.create', 'municipality', code, { ...selection, files: r.files.map((f) => f.name), rows: r.rows, via: 'cli' });
    return r;
  });
  const dir = resolve(o.out);
  mkdirSync(dir, { recursive: true });
  for (const f of result.files) writeAtomic(join(dir, f.name), f.bytes);
  return { dir, files: result.files.map((f) => f.name), rows: result.rows, answersWindowOpen: result.answersWindowOpen };
}
