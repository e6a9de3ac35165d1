// A table of person counts as linked sums: every published number is a cell, and a constraint
// says that one cell (a total) is the sum of others. A two-way table with row and column totals,
// a quarter-by-municipality table whose year column is the sum of its quarters, or a table by
// gender whose "all" rows are the sum of the gender rows are all linked tables; a table that
// publishes the same count two ways is one linked table, so suppression sees every way to
// subtract.

export interface LinkedTable {
  /** The count of persons in each cell (non-negative integers). */
  counts: readonly number[];
  /** Each constraint: counts[total] = sum of counts[parts]. */
  sums: readonly { total: number; parts: readonly number[] }[];
}

/** A grid with rows, columns, row totals, column totals and the grand total as one linked table. */
export interface Grid {
  table: LinkedTable;
  /** The index in `table.counts` of cell (r, c); c = cols is the row total, r = rows the column total. */
  at(r: number, c: number): number;
}

export function gridTable(cells: readonly (readonly number[])[]): Grid {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const at = (r: number, c: number): number => r * (cols + 1) + c;
  const counts: number[] = new Array<number>((rows + 1) * (cols + 1)).fill(0);
  for (let r = 0; r < rows; r++) {
    const row = cells[r] ?? [];
    if (row.length !== cols) throw new RangeError(`row ${r} has ${row.length} cells, not ${cols}`);
    for (let c = 0; c < cols; c++) {
      const v = row[c] ?? 0;
      counts[at(r, c)] = v;
      counts[at(r, cols)] = (counts[at(r, cols)] ?? 0) + v;
      counts[at(rows, c)] = (counts[at(rows, c)] ?? 0) + v;
      counts[at(rows, cols)] = (counts[at(rows, cols)] ?? 0) + v;
    }
  }
  const sums: LinkedTable['sums'][number][] = [];
  for (let r = 0; r <= rows; r++) sums.push({ total: at(r, cols), parts: Array.from({ length: cols }, (_, c) => at(r, c)) });
  for (let c = 0; c <= cols; c++) sums.push({ total: at(rows, c), parts: Array.from({ length: rows }, (_, r) => at(r, c)) });
  return { table: { counts, sums }, at };
}
