// Small-cell suppression for every aggregate the national role (and any aggregate export) can
// reach — one implementation (docs/suppression.md has the rule in prose):
//
// 1. Primary: a count of 1–4 persons is not published ("<5"). A 0 is published: it says that no
//    one is in the cell, which is about no person.
// 2. Secondary: the table is linked (linked-table.ts: totals are sums of parts), so a hidden cell
//    could be recovered by subtraction — from one row total, or from a combination of rows,
//    columns, periods and selections. After the primary step the audit solves the table's sums
//    for the hidden cells exactly (Gaussian elimination over the rationals, here on integers with
//    a tolerance); every hidden cell the published cells determine gets a complement hidden with
//    it: the smallest non-zero published cell that shares a sum with it (parts before totals).
//    Repeat until no hidden cell is determined. (A zero complement would not protect: the sum of
//    the two would be the hidden value itself.)
// The audit covers linear recovery, which is how a reader subtracts; bounds (a hidden cell is
// ≥ 0) can narrow a hidden value but not below what "<5" already says, since every hidden cell
// is either under 5 or shares its sums with one that is.
import type { LinkedTable } from './linked-table.ts';

export const MIN_PERSONS = 5;

export type Suppression = 'primary' | 'secondary';

export interface Suppressed {
  /** The published value of each cell, or null where it is suppressed. */
  values: (number | null)[];
  /** Why a cell is suppressed (null where published). */
  reasons: (Suppression | null)[];
}

export function suppress(table: LinkedTable, min = MIN_PERSONS): Suppressed {
  const { counts } = table;
  const reasons: (Suppression | null)[] = counts.map((n) => (n > 0 && n < min ? 'primary' : null));
  const membership = sumsOf(table);
  const totals = new Set(table.sums.map((sum) => sum.total));
  for (let guard = 0; guard <= counts.length; guard++) {
    const exposed = recoverable(table, reasons);
    if (exposed.length === 0) break;
    let added = 0;
    const touched = new Set<number>();
    for (const k of exposed) {
      // One complement per round for cells that share a sum: the next audit shows whether more are needed.
      if ((membership[k] ?? []).some((si) => touched.has(si))) continue;
      const j = complementFor(table, membership, totals, reasons, k);
      if (j === null) continue;
      reasons[j] = 'secondary';
      for (const si of membership[j] ?? []) touched.add(si);
      added += 1;
    }
    if (added === 0) {
      // No complement next to the exposed cells: hide the smallest published cell linked to any hidden one.
      const j = anyComplement(table, membership, reasons);
      if (j === null) break;
      reasons[j] = 'secondary';
    }
  }
  return { values: counts.map((n, i) => (reasons[i] ? null : n)), reasons };
}

/** For each cell, the sums it takes part in (as total or part). */
function sumsOf(table: LinkedTable): number[][] {
  const out: number[][] = table.counts.map(() => []);
  table.sums.forEach((s, i) => {
    out[s.total]?.push(i);
    for (const p of s.parts) out[p]?.push(i);
  });
  return out;
}

function complementFor(table: LinkedTable, membership: number[][], totals: ReadonlySet<number>, reasons: (Suppression | null)[], k: number): number | null {
  let best: { j: number; isTotal: boolean; n: number } | null = null;
  for (const si of membership[k] ?? []) {
    const s = table.sums[si];
    if (!s) continue;
    for (const j of [s.total, ...s.parts]) {
      const n = table.counts[j] ?? 0;
      if (j === k || reasons[j] || n <= 0) continue;
      const isTotal = totals.has(j);
      if (!best || (best.isTotal && !isTotal) || (best.isTotal === isTotal && (n < best.n || (n === best.n && j < best.j)))) best = { j, isTotal, n };
    }
  }
  return best?.j ?? null;
}

function anyComplement(table: LinkedTable, membership: number[][], reasons: (Suppression | null)[]): number | null {
  let best: { j: number; n: number } | null = null;
  table.counts.forEach((n, j) => {
    if (reasons[j] || n <= 0) return;
    const linked = (membership[j] ?? []).some((si) => {
      const s = table.sums[si];
      return s !== undefined && [s.total, ...s.parts].some((i) => reasons[i]);
    });
    if (linked && (!best || n < best.n)) best = { j, n };
  });
  return (best as { j: number } | null)?.j ?? null;
}

const EPS = 1e-9;

/**
 * The hidden cells whose value the published cells and the table's sums determine. A hidden cell x_k is determined exactly when the unit vector e_k lies
 * in the row space of the sums' coefficients on the hidden cells: in reduced row echelon form,
 * when some row is e_k. Hidden cells that share no sum, directly or through other hidden cells,
 * are independent, so each such component is solved on its own (small, in a real table).
 */
export function recoverable(table: LinkedTable, reasons: readonly (Suppression | null)[]): number[] {
  const hidden = reasons.flatMap((r, i) => (r ? [i] : []));
  if (hidden.length === 0) return [];
  // Components of hidden cells linked by a sum (union-find).
  const parent = new Map<number, number>(hidden.map((i) => [i, i]));
  const find = (i: number): number => {
    let r = i;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    let c = i;
    while (c !== r) {
      const n = parent.get(c) as number;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const hiddenOf = (sum: LinkedTable['sums'][number]): number[] => [sum.total, ...sum.parts].filter((i) => parent.has(i));
  for (const sum of table.sums) {
    const h = hiddenOf(sum);
    for (let k = 1; k < h.length; k++) parent.set(find(h[k] as number), find(h[0] as number));
  }
  const components = new Map<number, { cells: number[]; sums: LinkedTable['sums'][number][] }>();
  for (const i of hidden) {
    const root = find(i);
    if (!components.has(root)) components.set(root, { cells: [], sums: [] });
    components.get(root)?.cells.push(i);
  }
  for (const sum of table.sums) {
    const h = hiddenOf(sum);
    if (h.length > 0) components.get(find(h[0] as number))?.sums.push(sum);
  }
  const out: number[] = [];
  for (const { cells, sums } of components.values()) out.push(...determined(cells, sums));
  return out.sort((a, b) => a - b);
}

/** The cells of one component that its sums determine (reduced row echelon form). */
function determined(cells: readonly number[], sums: readonly LinkedTable['sums'][number][]): number[] {
  const col = new Map<number, number>(cells.map((c, k) => [c, k]));
  const rows: Float64Array[] = sums.map((s) => {
    const row = new Float64Array(cells.length);
    const add = (i: number, c: number) => {
      const h = col.get(i);
      if (h !== undefined) row[h] = (row[h] ?? 0) + c;
    };
    add(s.total, 1);
    for (const p of s.parts) add(p, -1);
    return row;
  });
  const pivots: { row: Float64Array; col: number }[] = [];
  let r = 0;
  for (let c = 0; c < cells.length && r < rows.length; c++) {
    let p = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]?.[c] ?? 0) > EPS) { p = i; break; }
    if (p < 0) continue;
    const pr = rows[p] as Float64Array;
    rows[p] = rows[r] as Float64Array;
    rows[r] = pr;
    const lead = pr[c] ?? 1;
    for (let j = 0; j < pr.length; j++) pr[j] = (pr[j] ?? 0) / lead;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const ri = rows[i] as Float64Array;
      const f = ri[c] ?? 0;
      if (Math.abs(f) <= EPS) continue;
      for (let j = c; j < ri.length; j++) ri[j] = (ri[j] ?? 0) - f * (pr[j] ?? 0);
    }
    pivots.push({ row: pr, col: c });
    r += 1;
  }
  const out: number[] = [];
  for (const { row, col: c } of pivots) {
    let alone = true;
    for (let j = 0; j < row.length; j++) if (j !== c && Math.abs(row[j] ?? 0) > EPS) { alone = false; break; }
    if (alone) out.push(cells[c] as number);
  }
  return out;
}
