// A table over several dimensions (municipality × quarter × gender) as one linked table: each
// additive dimension gets a total position (the country, the year, all genders) that is the sum of
// its parts, for every combination of the other dimensions' positions, totals included. A
// dimension that does not add up (persons in the programme per quarter: one person is in several
// quarters, so the year is not their sum) gets no total.
import type { LinkedTable } from './linked-table.ts';

export interface CubeDimension {
  size: number;
  additive: boolean;
}

export interface Cube {
  table: LinkedTable;
  /** The index in `table.counts` of a position per dimension (position = size is the dimension's total). */
  at(position: readonly number[]): number;
  /** The positions of each dimension, totals included. */
  extents: readonly number[];
}

export function cubeTable(dims: readonly CubeDimension[], count: (position: readonly number[]) => number): Cube {
  const extents = dims.map((d) => d.size + (d.additive ? 1 : 0));
  const strides = extents.map((_, i) => extents.slice(i + 1).reduce((a, b) => a * b, 1));
  const at = (p: readonly number[]): number => p.reduce((sum, v, i) => sum + v * (strides[i] ?? 0), 0);
  const n = extents.reduce((a, b) => a * b, 1);
  const positions: number[][] = [];
  for (let i = 0; i < n; i++) positions.push(extents.map((e, d) => Math.floor(i / (strides[d] ?? 1)) % e));
  const isTotal = (p: readonly number[], d: number) => (dims[d]?.additive ?? false) && p[d] === dims[d]?.size;
  // Leaf counts first, then totals as sums (so every total is consistent with its parts).
  const counts = new Array<number>(n).fill(0);
  for (const p of positions) if (p.every((_, d) => !isTotal(p, d))) counts[at(p)] = count(p);
  const sums: { total: number; parts: number[] }[] = [];
  for (const p of positions) {
    const totalDims = p.flatMap((_, d) => (isTotal(p, d) ? [d] : []));
    if (totalDims.length === 0) continue;
    // Its value: the sum over the leaves under it.
    let value = 0;
    for (const q of positions) if (q.every((v, d) => (isTotal(p, d) ? !isTotal(q, d) : v === p[d]))) value += counts[at(q)] ?? 0;
    counts[at(p)] = value;
    // One sum per total dimension: this cell = the sum over that dimension's parts.
    for (const d of totalDims) {
      const size = dims[d]?.size ?? 0;
      sums.push({ total: at(p), parts: Array.from({ length: size }, (_, k) => at(p.map((v, i) => (i === d ? k : v)))) });
    }
  }
  return { table: { counts, sums }, at, extents };
}
