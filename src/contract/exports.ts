// The pseudonymised exports with codebooks (GET /api/exports/file, decision 033): a selection
// (what, period, target group; the municipality is the caller's) and the file of the export to
// send. An unknown parameter, a bad value or a file the format does not have is a 400 naming it.
import { z } from 'zod';
import { isoDate } from './fields.ts';
import { closedObject } from './caseload.ts';
import { EXPORT_LABEL_LANGS, EXPORT_WHATS } from '../domain/exports/codebook.ts';

export { EXPORT_FORMATS, EXPORT_SEPARATORS, EXPORT_TARGET_GROUPS, CODEBOOK_FILES, XLSX_FILE, exportFiles } from './export-files.ts';
import { EXPORT_FORMATS, EXPORT_SEPARATORS, EXPORT_TARGET_GROUPS, exportFiles } from './export-files.ts';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: `Expected one of ${values.join(', ')}` });

export const exportQuery = closedObject({
  /** What the export holds (default all: with no parameter at all, the whole export's first file). */
  what: oneOf(EXPORT_WHATS).default('all'),
  format: oneOf(EXPORT_FORMATS).default('csv'),
  /** The file of the export to send: a data file, a codebook file or (XLSX) the workbook. */
  file: z.string().max(40).optional(),
  sep: oneOf(EXPORT_SEPARATORS).default('comma'),
  labels: oneOf(EXPORT_LABEL_LANGS).default('da'),
  /** First day of the period; without it, from the first record. */
  from: isoDate.optional(),
  /** Last day of the period; without it, up to today. */
  to: isoDate.optional(),
  targetGroup: oneOf(EXPORT_TARGET_GROUPS).default('all'),
}).superRefine((q, ctx) => {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Expected a date on or after from' });
  const files = exportFiles(q.what, q.format);
  const file = q.file ?? files[0];
  if (file === undefined || !files.includes(file)) ctx.addIssue({ code: 'custom', path: ['file'], message: `Expected one of ${files.join(', ')}` });
});
export type ExportQuery = z.infer<typeof exportQuery>;

/** The selection as the audit row records it (and the file's name says). */
export const exportSelection = z.object({
  municipalityCode: z.string(),
  what: z.enum(EXPORT_WHATS),
  format: z.enum(EXPORT_FORMATS),
  separator: z.enum(EXPORT_SEPARATORS),
  labels: z.enum(EXPORT_LABEL_LANGS),
  from: z.string().nullable(),
  to: z.string(),
  targetGroup: z.enum(EXPORT_TARGET_GROUPS),
});
export type ExportSelection = z.infer<typeof exportSelection>;

/** The checked result of the route: the selection, what it held, and the one file's bytes. */
export const exportFileResponse = z.object({
  selection: exportSelection,
  file: z.string(),
  contentType: z.string(),
  /** Rows per dataset in the export (all its files). */
  rows: z.record(z.string(), z.number().int().min(0)),
  /** The file's bytes, base64 (sent as the bytes themselves). */
  base64: z.string(),
});
