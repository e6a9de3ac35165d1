// Subgroups: "all" plus one per level of each requested categorical column (gender, a persons.csv
// column, or an extra column). Gender K (kvinde) and F are both reported as gender=F.
import type { Units } from './design/cohorts.ts';
import type { Persons } from './readers/persons-csv.ts';

export interface Subgroup {
  label: string;
  /** Unit rows in the subgroup. */
  rows: Int32Array;
}

function valueGetter(persons: Persons, column: string): (p: number) => string {
  switch (column) {
    case 'gender':
      return (p) => (persons.female[p] ? 'F' : 'M');
    case 'origin_country':
      return (p) => persons.origin[p] ?? '';
    case 'municipality_code':
      return (p) => persons.municipality[p] ?? '';
    case 'birth_year':
      return (p) => String(persons.birthYear[p] ?? '');
    default: {
      const values = persons.extra.get(column);
      if (!values) throw new RangeError(`--by ${column}: no such column in persons.csv`);
      return (p) => values[p] ?? '';
    }
  }
}

export function buildSubgroups(persons: Persons, units: Units, by: string[]): Subgroup[] {
  const all = new Int32Array(units.n);
  for (let i = 0; i < units.n; i++) all[i] = i;
  const out: Subgroup[] = [{ label: 'all', rows: all }];
  for (const column of by) {
    const get = valueGetter(persons, column);
    const groups = new Map<string, number[]>();
    for (let i = 0; i < units.n; i++) {
      const v = get(units.person[i] ?? 0);
      let g = groups.get(v);
      if (!g) groups.set(v, (g = []));
      g.push(i);
    }
    for (const v of [...groups.keys()].sort()) out.push({ label: `${column}=${v}`, rows: Int32Array.from(groups.get(v) ?? []) });
  }
  return out;
}
