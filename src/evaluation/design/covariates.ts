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

/** `spline`: a flexible term of a numeric covariate for the score model (design/score-terms.ts). */
export type CovariateKind = 'gender' | 'numeric' | 'category' | 'cohort' | 'spline';

export interface CovariateTable {
  names: string[];
  kinds: CovariateKind[];
  /** One column per covariate, length units.n. */
  columns: Float64Array[];
}

/** Dummy columns for a categorical variable: categories with < minCount persons pooled as `other`; the most frequent is the reference. */
function dummies(name: string, valueOfPerson: (p: number) => string, persons: Persons, units: Units, names: string[], kinds: CovariateKind[], columns: Float64Array[], alloc: (n: number) => Float64Array): void {
  const count = new Map<string, number>();
  // Each person's value as an index into `values` (one string lookup per person, none per unit).
  const valueId = new Map<string, number>();
  const values: string[] = [];
  const personValue = new Int32Array(persons.n);
  for (let p = 0; p < persons.n; p++) {
    const v = valueOfPerson(p);
    count.set(v, (count.get(v) ?? 0) + 1);
    let id = valueId.get(v);
    if (id === undefined) {
      id = values.length;
      valueId.set(v, id);
      values.push(v);
    }
    personValue[p] = id;
  }
  const level = (v: string): string => ((count.get(v) ?? 0) < MIN_CATEGORY_PERSONS ? 'other' : v);
  const pooled = new Map<string, number>();
  for (const [v, c] of count) pooled.set(level(v), (pooled.get(level(v)) ?? 0) + c);
  const levels = [...pooled.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
  const idx = new Map(levels.slice(1).map((v, i) => [v, i]));
  const cols = levels.slice(1).map(() => alloc(units.n));
  // Dummy column per distinct value (-1: the reference level), then per person.
  const colOfValue = Int32Array.from(values, (v) => idx.get(level(v)) ?? -1);
  const personCol = new Int32Array(persons.n);
  for (let p = 0; p < persons.n; p++) personCol[p] = colOfValue[personValue[p] as number] as number;
  const person = units.person;
  for (let i = 0; i < units.n; i++) {
    const k = personCol[person[i] ?? 0] ?? -1;
    if (k >= 0) (cols[k] as Float64Array)[i] = 1;
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
  const person = units.person;
  const refWeek = units.refWeek;
  const names: string[] = [];
  const kinds: CovariateKind[] = [];
  const columns: Float64Array[] = [];
  // Plain loops per column (a closure call per element was the hot spot at millions of units).
  const column = (name: string, kind: CovariateKind): Float64Array => {
    const c = alloc(n);
    names.push(name);
    kinds.push(kind);
    columns.push(c);
    return c;
  };
  const female = column('female', 'gender');
  for (let i = 0; i < n; i++) female[i] = persons.female[person[i] ?? 0] ?? 0;
  // Calendar year of each reference week's Monday: few distinct reference weeks, so one Date
  // per week in [minRef, maxRef] rather than one per unit.
  let minRef = 0;
  let maxRef = -1;
  if (n > 0) {
    minRef = maxRef = refWeek[0] ?? 0;
    for (let i = 1; i < n; i++) {
      const r = refWeek[i] ?? 0;
      if (r < minRef) minRef = r;
      else if (r > maxRef) maxRef = r;
    }
  }
  const yearOfRef = new Int32Array(maxRef - minRef + 1);
  for (let r = minRef; r <= maxRef; r++) yearOfRef[r - minRef] = new Date(mondayOfWeek(r) * 86_400_000).getUTCFullYear();
  const age = column('age', 'numeric');
  for (let i = 0; i < n; i++) age[i] = (yearOfRef[(refWeek[i] ?? 0) - minRef] as number) - (persons.birthYear[person[i] ?? 0] ?? 0);
  const years = column('years_since_arrival', 'numeric');
  for (let i = 0; i < n; i++) years[i] = (mondayOfWeek(refWeek[i] ?? 0) - (persons.arrivalDay[person[i] ?? 0] ?? 0)) / 365.25;
  dummies('origin', (p) => persons.origin[p] ?? '', persons, units, names, kinds, columns, alloc);
  const share = (name: string, counts: Uint8Array): void => {
    const c = column(name, 'numeric');
    for (let i = 0; i < n; i++) c[i] = (counts[i] ?? 0) / WINDOW_WEEKS;
  };
  share('pre_employment_share', outcomes.pre.employment);
  share('pre_placement_share', outcomes.prePlacement);
  share('pre_benefit_share', outcomes.preBenefit);
  for (const col of extra) {
    const values = persons.extra.get(col);
    if (!values) throw new RangeError(`covariate column "${col}" is not in persons.csv`);
    const numeric = values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
    if (numeric) {
      // Parsed once per person, then indexed per unit.
      const byPerson = Float64Array.from({ length: persons.n }, (_, p) => Number(values[p]));
      const c = column(col, 'numeric');
      for (let i = 0; i < n; i++) c[i] = byPerson[person[i] ?? 0] as number;
    } else dummies(col, (p) => values[p] ?? '', persons, units, names, kinds, columns, alloc);
  }
  // Cohort dummies (cohort 0 the reference) in one pass; the columns come zero-filled.
  const cohortCols: Float64Array[] = [];
  for (let k = 1; k < units.cohorts.length; k++) cohortCols.push(column(`cohort=${units.cohorts[k]}`, 'cohort'));
  const cohort = units.cohort;
  for (let i = 0; i < n; i++) {
    const k = cohort[i] ?? 0;
    if (k >= 1) (cohortCols[k - 1] as Float64Array)[i] = 1;
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
  // Column by column (each column read as one stream, not 27 interleaved ones): count each
  // row's non-zeros, then place them; columns in ascending order keep each row's indices sorted.
  const rowNnz = new Int32Array(n).fill(1); // the intercept
  for (let j = 0; j < q; j++) {
    const c = cols[j] as Float64Array;
    for (let i = 0; i < n; i++) if ((c[rows[i] as number] as number) !== 0) rowNnz[i]!++;
  }
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ptr[i + 1] = (ptr[i] as number) + (rowNnz[i] as number);
  const nnz = ptr[n] as number;
  if (nnz > maxDensity * n * p) return undefined;
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  const next = rowNnz; // reused: the next free slot of each row
  for (let i = 0; i < n; i++) {
    const at = ptr[i] as number;
    val[at] = 1; // idx[at] = 0: the intercept
    next[i] = at + 1;
  }
  for (let j = 0; j < q; j++) {
    const c = cols[j] as Float64Array;
    for (let i = 0; i < n; i++) {
      const v = c[rows[i] as number] as number;
      if (v !== 0) {
        const at = next[i] as number;
        idx[at] = j + 1;
        val[at] = v;
        next[i] = at + 1;
      }
    }
  }
  return { S: { ptr, idx, val }, n, p, names: keep.map((k) => table.names[k] ?? '') };
}
