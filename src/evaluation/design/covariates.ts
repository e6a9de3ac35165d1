// Covariates measured at each unit's reference week (FORMATS.md): gender, age, years since
// arrival, origin country (< 30 persons pooled as `other`), pre-window shares of employment,
// company placement and benefit; the cohort; plus any extra persons.csv columns on request.
import type { Units } from './cohorts.ts';
import { WINDOW_WEEKS } from './cohorts.ts';
import type { OutcomeCounts } from './outcomes.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { mondayOfWeek } from '../iso-week.ts';
import type { SparseRows } from '../../stats/index.ts';

export const MIN_CATEGORY_PERSONS = 30;

export type CovariateKind = 'gender' | 'numeric' | 'category' | 'cohort';

export interface CovariateTable {
  names: string[];
  kinds: CovariateKind[];
  /** One column per covariate, length units.n. */
  columns: Float64Array[];
}

/** Dummy columns for a categorical variable: categories with < minCount persons pooled as `other`; the most frequent is the reference. */
function dummies(name: string, valueOfPerson: (p: number) => string, persons: Persons, units: Units, names: string[], kinds: CovariateKind[], columns: Float64Array[], alloc: (n: number) => Float64Array): void {
  const count = new Map<string, number>();
  for (let p = 0; p < persons.n; p++) {
    const v = valueOfPerson(p);
    count.set(v, (count.get(v) ?? 0) + 1);
  }
  const level = (v: string): string => ((count.get(v) ?? 0) < MIN_CATEGORY_PERSONS ? 'other' : v);
  const pooled = new Map<string, number>();
  for (const [v, c] of count) pooled.set(level(v), (pooled.get(level(v)) ?? 0) + c);
  const levels = [...pooled.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
  const idx = new Map(levels.slice(1).map((v, i) => [v, i]));
  const cols = levels.slice(1).map(() => alloc(units.n));
  for (let i = 0; i < units.n; i++) {
    const k = idx.get(level(valueOfPerson(units.person[i] ?? 0)));
    if (k !== undefined) (cols[k] as Float64Array)[i] = 1;
  }
  levels.slice(1).forEach((v, k) => {
    names.push(`${name}=${v}`);
    kinds.push('category');
    columns.push(cols[k] as Float64Array);
  });
}

/** `alloc` makes each column (e.g. in a SharedArrayBuffer, for a helper thread); zero-filled. */
export function buildCovariates(persons: Persons, units: Units, outcomes: OutcomeCounts, extra: string[] = [], alloc: (n: number) => Float64Array = (n) => new Float64Array(n)): CovariateTable {
  const n = units.n;
  const names: string[] = [];
  const kinds: CovariateKind[] = [];
  const columns: Float64Array[] = [];
  const add = (name: string, kind: CovariateKind, f: (i: number, p: number) => number): void => {
    const c = alloc(n);
    for (let i = 0; i < n; i++) c[i] = f(i, units.person[i] ?? 0);
    names.push(name);
    kinds.push(kind);
    columns.push(c);
  };
  const refDay = (i: number): number => mondayOfWeek(units.refWeek[i] ?? 0);
  add('female', 'gender', (_i, p) => persons.female[p] ?? 0);
  add('age', 'numeric', (i, p) => new Date(refDay(i) * 86_400_000).getUTCFullYear() - (persons.birthYear[p] ?? 0));
  add('years_since_arrival', 'numeric', (i, p) => (refDay(i) - (persons.arrivalDay[p] ?? 0)) / 365.25);
  dummies('origin', (p) => persons.origin[p] ?? '', persons, units, names, kinds, columns, alloc);
  const emp = outcomes.pre.employment;
  add('pre_employment_share', 'numeric', (i) => (emp[i] ?? 0) / WINDOW_WEEKS);
  add('pre_placement_share', 'numeric', (i) => (outcomes.prePlacement[i] ?? 0) / WINDOW_WEEKS);
  add('pre_benefit_share', 'numeric', (i) => (outcomes.preBenefit[i] ?? 0) / WINDOW_WEEKS);
  for (const col of extra) {
    const values = persons.extra.get(col);
    if (!values) throw new RangeError(`covariate column "${col}" is not in persons.csv`);
    const numeric = values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
    if (numeric) add(col, 'numeric', (_i, p) => Number(values[p]));
    else dummies(col, (p) => values[p] ?? '', persons, units, names, kinds, columns, alloc);
  }
  for (let k = 1; k < units.cohorts.length; k++) {
    add(`cohort=${units.cohorts[k]}`, 'cohort', (i) => (units.cohort[i] === k ? 1 : 0));
  }
  return { names, kinds, columns };
}

export interface DesignMatrix {
  /** Row-major n × p, first column the intercept. */
  X: Float64Array;
  n: number;
  p: number;
  /** Names of columns 1..p-1 (covariates kept: not constant on the rows). */
  names: string[];
}

/** Covariates (table column indices) not constant on the rows. */
function keptColumns(table: CovariateTable, rows: Int32Array): number[] {
  const keep: number[] = [];
  table.columns.forEach((c, k) => {
    const first = c[rows[0] ?? 0];
    for (let i = 1; i < rows.length; i++) {
      if (c[rows[i] ?? 0] !== first) {
        keep.push(k);
        return;
      }
    }
  });
  return keep;
}

/** Design matrix of the selected unit rows: intercept plus every covariate not constant on them. */
export function designMatrix(table: CovariateTable, rows: Int32Array): DesignMatrix {
  const keep = keptColumns(table, rows);
  const n = rows.length;
  const p = keep.length + 1;
  const X = new Float64Array(n * p);
  // Row by row (sequential writes into the row-major X), the kept columns gathered per row.
  const cols = keep.map((k) => table.columns[k] as Float64Array);
  const q = cols.length;
  for (let i = 0; i < n; i++) {
    const off = i * p;
    const r = rows[i] ?? 0;
    X[off] = 1;
    for (let j = 0; j < q; j++) X[off + j + 1] = (cols[j] as Float64Array)[r] ?? 0;
  }
  return { X, n, p, names: keep.map((k) => table.names[k] ?? '') };
}

export interface SparseDesign {
  /** The design matrix's non-zeros by row (CSR), exactly `sparseRows(designMatrix(...).X)`. */
  S: SparseRows;
  n: number;
  p: number;
  names: string[];
}

/**
 * The design of `designMatrix` built straight into CSR form (no dense n×p matrix), or
 * undefined when more than `maxDensity` of its entries are non-zero (then `sparseRows` would
 * keep the dense form too: use `designMatrix`). Same columns, same order, same values.
 */
export function designSparse(table: CovariateTable, rows: Int32Array, maxDensity = 0.5): SparseDesign | undefined {
  const keep = keptColumns(table, rows);
  const n = rows.length;
  const p = keep.length + 1;
  const cols = keep.map((k) => table.columns[k] as Float64Array);
  const q = cols.length;
  let nnz = n; // the intercept
  for (let j = 0; j < q; j++) {
    const c = cols[j] as Float64Array;
    for (let i = 0; i < n; i++) if ((c[rows[i] ?? 0] ?? 0) !== 0) nnz++;
  }
  if (nnz > maxDensity * n * p) return undefined;
  const ptr = new Int32Array(n + 1);
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i] ?? 0;
    idx[k] = 0;
    val[k] = 1;
    k++;
    for (let j = 0; j < q; j++) {
      const v = (cols[j] as Float64Array)[r] ?? 0;
      if (v !== 0) {
        idx[k] = j + 1;
        val[k] = v;
        k++;
      }
    }
    ptr[i + 1] = k;
  }
  return { S: { ptr, idx, val }, n, p, names: keep.map((k) => table.names[k] ?? '') };
}
