// Small-cell suppression: primary (1–4 hidden, 0 shown), secondary until no hidden cell can be
// recovered by subtraction — within a table, across periods (quarters and their year), across
// selections (all = women + men) — checked by the audit and, independently, by enumerating every
// non-negative integer completion of small tables.
import { describe, expect, it } from 'vitest';
import { gridTable, type LinkedTable } from './linked-table.ts';
import { recoverable, suppress } from './suppress.ts';

/** A seeded generator (mulberry32), so failures repeat. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every value each hidden cell can take in a non-negative integer completion of the published table. */
function feasibleValues(table: LinkedTable, values: readonly (number | null)[], cap: number): Map<number, Set<number>> {
  const hidden = values.flatMap((v, i) => (v === null ? [i] : []));
  const seen = new Map<number, Set<number>>(hidden.map((i) => [i, new Set<number>()]));
  const assign = [...values] as (number | null)[];
  const consistent = (): boolean =>
    table.sums.every((s) => {
      const parts = s.parts.map((p) => assign[p]);
      const total = assign[s.total];
      if (total === null || total === undefined || parts.some((p) => p === null || p === undefined)) return true;
      return (parts as number[]).reduce((a, b) => a + b, 0) === total;
    });
  const walk = (k: number): void => {
    if (k === hidden.length) {
      hidden.forEach((i) => seen.get(i)?.add(assign[i] as number));
      return;
    }
    const i = hidden[k] as number;
    for (let v = 0; v <= cap; v++) {
      assign[i] = v;
      if (consistent()) walk(k + 1);
    }
    assign[i] = null;
  };
  walk(0);
  return seen;
}

describe('small-cell suppression', () => {
  it('hides 1–4, shows 0 and 5+, and hides complements so a row or column total does not give the cell away', () => {
    const { table, at } = gridTable([
      [3, 10, 0],
      [12, 20, 7],
    ]);
    const { values, reasons } = suppress(table);
    expect(reasons[at(0, 0)]).toBe('primary');
    expect(values[at(0, 2)]).toBe(0);
    // Row 0 (3 + 10 + 0 = 13) and column 0 (3 + 12 = 15) each need a second hidden cell.
    const hiddenInRow0 = [0, 1, 2, 3].filter((c) => values[at(0, c)] === null);
    const hiddenInCol0 = [0, 1, 2].filter((r) => values[at(r, 0)] === null);
    expect(hiddenInRow0.length).toBeGreaterThanOrEqual(2);
    expect(hiddenInCol0.length).toBeGreaterThanOrEqual(2);
    expect(reasons.filter((r) => r === 'secondary').length).toBeGreaterThan(0);
    expect(recoverable(table, reasons)).toEqual([]);
    // The zero cell is never a complement: 3 + 0 would give the 3 away.
    expect(reasons[at(0, 2)]).toBeNull();
  });

  it('the checks are not vacuous: with primary suppression alone the audit and the enumeration both find the hidden cell', () => {
    const { table, at } = gridTable([
      [3, 10],
      [12, 20],
    ]);
    const primaryOnly = table.counts.map((n) => (n > 0 && n < 5 ? ('primary' as const) : null));
    expect(recoverable(table, primaryOnly)).toEqual([at(0, 0)]);
    const values = table.counts.map((n, i) => (primaryOnly[i] ? null : n));
    expect([...(feasibleValues(table, values, 40).get(at(0, 0)) ?? [])]).toEqual([3]);
  });

  it('publishes every value it does not suppress unchanged', () => {
    const { table } = gridTable([
      [30, 10],
      [12, 20],
    ]);
    expect(suppress(table).values).toEqual(table.counts);
  });

  it('on random tables: every 1–4 hidden, no hidden cell recoverable, and no completion pins a hidden cell to one value', () => {
    const next = rng(20261204);
    for (let t = 0; t < 40; t++) {
      const rows = 2 + Math.floor(next() * 2);
      const cols = 2 + Math.floor(next() * 2);
      const cells = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(next() * next() * 14)));
      const { table } = gridTable(cells);
      const { values, reasons } = suppress(table);
      table.counts.forEach((n, i) => {
        if (n > 0 && n < 5) expect(values[i], `table ${t} cell ${i}`).toBeNull();
        if (values[i] !== null) expect(values[i]).toBe(n);
      });
      expect(recoverable(table, reasons), `table ${t}`).toEqual([]);
      if (values.filter((v) => v === null).length <= 5) {
        const cap = Math.max(...table.counts);
        for (const [cell, possible] of feasibleValues(table, values, cap)) {
          expect(possible.has(table.counts[cell] as number), `table ${t}: the true value is a completion`).toBe(true);
          expect(possible.size, `table ${t} cell ${cell}: ${JSON.stringify(cells)}`).toBeGreaterThan(1);
        }
      }
    }
  });

  it('across two periods: a quarter cannot be recovered from its year minus the other quarters', () => {
    // Rows: municipalities; columns: Q1..Q4; the row total is the year.
    const { table, at } = gridTable([
      [40, 35, 38, 2],
      [60, 55, 50, 48],
      [3, 0, 9, 11],
    ]);
    const { values, reasons } = suppress(table);
    expect(values[at(0, 3)]).toBeNull();
    // The year and the other quarters do not give Q4 of municipality 0 away.
    const year = values[at(0, 4)];
    const others = [0, 1, 2].map((c) => values[at(0, c)]);
    expect(year === null || others.some((v) => v === null)).toBe(true);
    expect(recoverable(table, reasons)).toEqual([]);
  });

  it('across two selections: women cannot be recovered as all minus men, nor a country total minus the other municipalities', () => {
    // Cells per municipality m: women, men, all (= women + men); then the country's women, men, all.
    const women = [3, 22, 30];
    const men = [40, 18, 4];
    const m = women.length;
    const counts: number[] = [];
    const F = (i: number) => i * 3;
    const M = (i: number) => i * 3 + 1;
    const A = (i: number) => i * 3 + 2;
    for (let i = 0; i < m; i++) counts.push(women[i] as number, men[i] as number, (women[i] as number) + (men[i] as number));
    counts.push(women.reduce((a, b) => a + b), men.reduce((a, b) => a + b), women.reduce((a, b) => a + b) + men.reduce((a, b) => a + b));
    const sums = [
      ...Array.from({ length: m }, (_, i) => ({ total: A(i), parts: [F(i), M(i)] })),
      { total: F(m), parts: Array.from({ length: m }, (_, i) => F(i)) },
      { total: M(m), parts: Array.from({ length: m }, (_, i) => M(i)) },
      { total: A(m), parts: Array.from({ length: m }, (_, i) => A(i)) },
      { total: A(m), parts: [F(m), M(m)] },
    ];
    const table = { counts, sums };
    const { values, reasons } = suppress(table);
    expect(values[F(0)]).toBeNull();
    expect(values[M(2)]).toBeNull();
    expect(values[A(0)] === null || values[M(0)] === null).toBe(true);
    expect(recoverable(table, reasons)).toEqual([]);
    const possible = feasibleValues(table, values, 80);
    expect(possible.get(F(0))?.size).toBeGreaterThan(1);
    expect(possible.get(M(2))?.size).toBeGreaterThan(1);
  });

  it('a table with nothing under 5 publishes everything; an empty table is empty', () => {
    expect(suppress(gridTable([[5, 6], [7, 8]]).table).reasons.every((r) => r === null)).toBe(true);
    expect(suppress({ counts: [], sums: [] })).toEqual({ values: [], reasons: [] });
  });
});
