// One export as a use case (decision 033), shared by GET /api/exports/file and `jobvej export`:
// the selection → the rows in the caller's tenant transaction → the pseudonymised tables → the
// files. The caller audits it (`export.create` with the selection) in the same transaction.
import type { Tx } from '../platform/db/tenant.ts';
import type { Pseudonymizer } from '../platform/crypto/pseudonym.ts';
import type { Instrument } from '../../domain/fip/index.ts';
import { loadDb07 } from '../companies/index.ts';
import { datasetsOf, type ExportLang, type ExportWhat } from '../../domain/exports/codebook.ts';
import { loadExportRows } from './export-queries.ts';
import { buildExportFiles, exportTables, type ExportFile } from './export-builder.ts';

export interface ExportRequest {
  municipalityCode: string;
  what: ExportWhat;
  format: 'csv' | 'xlsx';
  separator: 'comma' | 'semicolon';
  labels: ExportLang;
  from: string | null;
  to: string;
  targetGroup: 'all' | 'broad' | 'selected';
}

export interface ExportResult {
  files: ExportFile[];
  /** Rows per dataset. */
  rows: Record<string, number>;
  /** FIP cohort members left out of answers.csv/outcomes.csv: their 182 days have not passed. */
  answersWindowOpen: number;
}

export async function runExport(tx: Tx, request: ExportRequest, env: { today: string; instrument: Instrument; pseudonym: Pseudonymizer }): Promise<ExportResult> {
  const datasets = datasetsOf(request.what);
  const rows = await loadExportRows(tx, { from: request.from, to: request.to, targetGroup: request.targetGroup, today: env.today }, datasets);
  const tables = exportTables(rows, datasets, request.municipalityCode, env.pseudonym);
  const municipality = await tx.selectFrom('municipalities').select(['code', 'name']).where('code', '=', request.municipalityCode).execute();
  const { instrument } = env;
  const label = (t: { da: { text: string }; en?: { text: string } }) => ({ da: t.da.text, en: t.en?.text ?? t.da.text });
  const files = await buildExportFiles(tables, rows, {
    format: request.format,
    separator: request.separator,
    labels: request.labels,
    content: {
      municipalities: municipality,
      items: instrument.items.map((i) => ({ id: i.id, text: label(i.text) })),
      scale: { min: instrument.scale.min, max: instrument.scale.max, anchors: Object.fromEntries(Object.entries(instrument.scale.anchors).map(([k, t]) => [k, label(t)])) },
      db07Sections: loadDb07().sections.map((s) => ({ code: s.code, name: { da: s.da, en: s.en } })),
    },
  });
  return { files, rows: Object.fromEntries(tables.map((t) => [t.dataset, t.rows.length])), answersWindowOpen: rows.answersWindowOpen };
}
