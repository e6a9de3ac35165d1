// A table as CSV (RFC 4180: fields with a comma, quote or line break quoted, quotes doubled),
// UTF-8 with a byte-order mark so spreadsheet programs read the Danish letters. Numbers keep
// their full precision with '.' as the decimal mark: the file is for further analysis.
export type CsvCell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const field = (v: CsvCell): string => {
    if (v === null) return '';
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Starts a download of `text` as `filename` (a Blob URL, revoked after the click). */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
