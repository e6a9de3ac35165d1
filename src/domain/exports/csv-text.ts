// CSV text of an export (decision 033): RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order
// mark (so Excel reads the Danish letters), and either ',' with a decimal point (FORMATS.md, read
// by `jobvej fip-validity`, R and Stata) or ';' with a decimal comma (Danish Excel).
import type { CsvDialect } from './label-scripts.ts';

export type Cell = string | number | null;

export const BOM = '\ufeff';

export function dialectOf(separator: 'comma' | 'semicolon'): CsvDialect {
  return separator === 'semicolon' ? { separator: ';', decimalComma: true } : { separator: ',', decimalComma: false };
}

export function formatCell(cell: Cell, dialect: CsvDialect): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (dialect.decimalComma ? String(cell).replace('.', ',') : String(cell)) : cell;
  const needsQuotes = text.includes(dialect.separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[], dialect: CsvDialect): string {
  const line = (cells: readonly Cell[]) => cells.map((c) => formatCell(c, dialect)).join(dialect.separator);
  return BOM + [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}
