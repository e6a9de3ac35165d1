// An export's files from its rows (decision 033): each dataset as a table of pseudonymised rows,
// the codebook (variables; value labels), and then either CSV files (UTF-8 with BOM, ',' or ';'
// with decimal comma) with the Stata do-file and R script that apply the labels, or one XLSX
// workbook (exceljs) with a sheet per dataset and the codebook's two sheets. No name, CPR number,
// internal id or company name leaves here: persons are pseudonyms, birth dates years.
import ExcelJS from 'exceljs';
import { OFFER_KIND_INFO, isOfferKind } from '../../domain/offers/offer-kinds.ts';
import { db07Section } from '../../domain/companies/index.ts';
import { buildCodebook, CODEBOOK_COLUMNS, DATASET_VARIABLES, type Codebook, type CodebookContent, type ExportDataset, type ExportLang } from '../../domain/exports/codebook.ts';
import { csvText, dialectOf, type Cell } from '../../domain/exports/csv-text.ts';
import { rScript, stataDo } from '../../domain/exports/label-scripts.ts';
import type { Pseudonymizer } from '../platform/crypto/pseudonym.ts';
import type { ExportRows } from './export-queries.ts';

export interface ExportTable {
  dataset: ExportDataset;
  header: string[];
  rows: Cell[][];
}

const num = (value: number | string | null): number | null => (value === null || value === '' ? null : Number(value));
const section = (code: string | null): string | null => (code === null ? null : db07Section(code));

/** The datasets' tables, in the codebook's column order, persons as pseudonyms. */
export function exportTables(rows: ExportRows, datasets: readonly ExportDataset[], municipalityCode: string, pseudonym: Pseudonymizer): ExportTable[] {
  const p = (id: string) => pseudonym(municipalityCode, id);
  const build: Record<ExportDataset, () => Cell[][]> = {
    citizens: () => rows.citizens.map((c) => [p(c.id), c.municipality_code, c.gender, Number(c.birth_date.slice(0, 4)), c.origin_country, c.arrival_date, c.takeover_date, c.language, c.target_group]),
    answers: () => rows.answers.map((a) => [p(a.citizen_id), a.gender, a.round_no, a.respondent, a.item_id, a.value, a.started_on]),
    outcomes: () => rows.employed.map((e) => [p(e.citizen_id), e.employed ? 1 : 0]),
    offers: () =>
      rows.offers.map((o) => [p(o.citizen_id), o.kind, o.status, isOfferKind(o.kind) ? OFFER_KIND_INFO[o.kind].sector : null, o.start_date, o.planned_end, o.actual_end, num(o.hours_per_week), section(o.company_db07)]),
    outcome_register: () => rows.outcomes.map((o) => [p(o.citizen_id), o.kind, o.date, o.sector, o.db07, section(o.db07), num(o.hours)]),
  };
  return datasets.map((dataset) => ({ dataset, header: DATASET_VARIABLES[dataset].map((v) => v.name), rows: build[dataset]() }));
}

/** The country codes in the citizens' rows with their names in Danish and English (ICU's names). */
export function countriesOf(rows: ExportRows): CodebookContent['countries'] {
  const da = new Intl.DisplayNames(['da'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const codes = [...new Set(rows.citizens.map((c) => c.origin_country))].sort();
  return codes.map((code) => ({ code, name: { da: da.of(code) ?? code, en: en.of(code) ?? code } }));
}

export function codebookTables(codebook: Codebook): { variables: Cell[][]; values: Cell[][] } {
  const variables = codebook.datasets.flatMap((d) => d.variables.map((v): Cell[] => [d.id, v.name, v.label[codebook.lang], v.type, v.valueSet ?? null]));
  const values = codebook.valueSets.flatMap((s) => s.values.map((v): Cell[] => [s.id, v.code, v.label]));
  return { variables, values };
}

export interface ExportFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface BuildOptions {
  format: 'csv' | 'xlsx';
  separator: 'comma' | 'semicolon';
  labels: ExportLang;
  content: Omit<CodebookContent, 'countries'>;
}

const CSV_TYPE = 'text/csv; charset=utf-8';

/** Every file of the export: CSV data files, codebook.csv, value_labels.csv, labels.do, labels.R; or export.xlsx. */
export async function buildExportFiles(tables: readonly ExportTable[], rows: ExportRows, options: BuildOptions): Promise<ExportFile[]> {
  const codebook = buildCodebook(tables.map((t) => t.dataset), { ...options.content, countries: countriesOf(rows) }, options.labels);
  const book = codebookTables(codebook);
  if (options.format === 'xlsx') return [{ name: 'export.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await workbook(tables, book) }];
  const dialect = dialectOf(options.separator);
  const csv = (name: string, header: readonly string[], body: readonly (readonly Cell[])[]): ExportFile => ({ name, contentType: CSV_TYPE, bytes: Buffer.from(csvText(header, body, dialect), 'utf8') });
  return [
    ...tables.map((t) => csv(`${t.dataset}.csv`, t.header, t.rows)),
    csv('codebook.csv', CODEBOOK_COLUMNS.variables, book.variables),
    csv('value_labels.csv', CODEBOOK_COLUMNS.values, book.values),
    { name: 'labels.do', contentType: 'text/plain; charset=utf-8', bytes: Buffer.from(stataDo(codebook, dialect), 'utf8') },
    { name: 'labels.R', contentType: 'text/plain; charset=utf-8', bytes: Buffer.from(rScript(codebook, dialect), 'utf8') },
  ];
}

async function workbook(tables: readonly ExportTable[], book: { variables: Cell[][]; values: Cell[][] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jobvej';
  // A fixed date: the same export gives the same workbook metadata (the audit row says when it was made).
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const t of tables) {
    const ws = wb.addWorksheet(t.dataset);
    const types = DATASET_VARIABLES[t.dataset].map((v) => v.type);
    ws.addRow(t.header).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((cell, i) => (types[i] === 'date' && typeof cell === 'string' ? new Date(`${cell}T00:00:00Z`) : cell)));
    types.forEach((type, i) => {
      if (type === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const cb = wb.addWorksheet('codebook');
  cb.addRow([...CODEBOOK_COLUMNS.variables]).font = { bold: true };
  for (const row of book.variables) cb.addRow(row);
  const vl = wb.addWorksheet('value_labels');
  vl.addRow([...CODEBOOK_COLUMNS.values]).font = { bold: true };
  for (const row of book.values) vl.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
