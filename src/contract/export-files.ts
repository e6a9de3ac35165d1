// The exports' file names and choices without zod (decision 033): the web page imports these, and a
// page that imports zod's runtime trips the CSP (zod probes for eval). src/contract/exports.ts
// builds its schemas from them.
import { datasetsOf, type ExportWhat } from '../domain/exports/codebook.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_SEPARATORS = ['comma', 'semicolon'] as const;
export const EXPORT_TARGET_GROUPS = ['all', 'broad', 'selected'] as const;
/** The files of every CSV export besides its data files. */
export const CODEBOOK_FILES = ['codebook.csv', 'value_labels.csv', 'labels.do', 'labels.R'] as const;
export const XLSX_FILE = 'export.xlsx';

/** The files an export of `what` in `format` consists of (the web page lists one link each). */
export function exportFiles(what: ExportWhat, format: (typeof EXPORT_FORMATS)[number]): string[] {
  return format === 'xlsx' ? [XLSX_FILE] : [...datasetsOf(what).map((d) => `${d}.csv`), ...CODEBOOK_FILES];
}
