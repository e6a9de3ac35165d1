/**
 * DB07 industry codes (Danmarks Statistik's Danish NACE Rev. 2) as jobvej uses them: a section
 * letter A–U, or a dotted code of the form `47`, `47.1`, `47.11`, `47.11.10` (division, group,
 * class, subclass), the form of `content/reference/db07.json` and the package templates.
 *
 * @example parseDb07('4711') // { ok: true, code: '47.11' }
 * @example db07Covers('Q', '87') // true (division 87 lies in section Q)
 */
import type { LocalName } from '../content-names.ts';

export type Db07Result = { readonly ok: true; readonly code: string } | { readonly ok: false };

const DOTTED = /^\d{2}(\.\d{1,2}(\.\d{2})?)?$/;

/**
 * Normalise a DB07 code: a section letter (any case), a dotted code, or the same code written
 * without dots (2, 3, 4 or 6 digits: `4711` → `47.11`, `471110` → `47.11.10`).
 */
export function parseDb07(input: string): Db07Result {
  const value = input.trim();
  if (/^[A-Ua-u]$/.test(value)) return { ok: true, code: value.toUpperCase() };
  if (DOTTED.test(value)) return { ok: true, code: value };
  if (/^\d{2}$/.test(value)) return { ok: true, code: value };
  if (/^\d{3}$/.test(value)) return { ok: true, code: `${value.slice(0, 2)}.${value.slice(2)}` };
  if (/^\d{4}$/.test(value)) return { ok: true, code: `${value.slice(0, 2)}.${value.slice(2)}` };
  if (/^\d{6}$/.test(value)) return { ok: true, code: `${value.slice(0, 2)}.${value.slice(2, 4)}.${value.slice(4)}` };
  return { ok: false };
}

/** NACE Rev. 2 divisions (first two digits) per section. */
const SECTION_DIVISIONS: ReadonlyArray<readonly [string, number, number]> = [
  ['A', 1, 3], ['B', 5, 9], ['C', 10, 33], ['D', 35, 35], ['E', 36, 39], ['F', 41, 43], ['G', 45, 47],
  ['H', 49, 53], ['I', 55, 56], ['J', 58, 63], ['K', 64, 66], ['L', 68, 68], ['M', 69, 75], ['N', 77, 82],
  ['O', 84, 84], ['P', 85, 85], ['Q', 86, 88], ['R', 90, 93], ['S', 94, 96], ['T', 97, 98], ['U', 99, 99],
];

/** The section letter of a (normalised) code; null for a division no section holds (e.g. `04`). */
export function db07Section(code: string): string | null {
  if (/^[A-U]$/.test(code)) return code;
  const division = Number(code.slice(0, 2));
  for (const [section, lo, hi] of SECTION_DIVISIONS) if (division >= lo && division <= hi) return section;
  return null;
}

const digits = (code: string): string => code.replace(/\./g, '');

/** True when `outer` (a section or a code) contains `inner`: the same code, a finer code below it, or a code in the section. */
export function db07Covers(outer: string, inner: string): boolean {
  if (/^[A-U]$/.test(outer)) return db07Section(inner) === outer;
  if (/^[A-U]$/.test(inner)) return false;
  return digits(inner).startsWith(digits(outer));
}

/** How specific a code is: 0 for a section, else its number of digits. */
export function db07Depth(code: string): number {
  return /^[A-U]$/.test(code) ? 0 : digits(code).length;
}

/** Order codes by section, then sections before codes, then by digits (`G` < `47` < `47.11` < `H`). */
export function compareDb07(a: string, b: string): number {
  const sa = db07Section(a) ?? '~';
  const sb = db07Section(b) ?? '~';
  if (sa !== sb) return sa < sb ? -1 : 1;
  const da = /^[A-U]$/.test(a) ? '' : digits(a);
  const db = /^[A-U]$/.test(b) ? '' : digits(b);
  return da < db ? -1 : da > db ? 1 : 0;
}

/** The reference data's shape (`content/reference/db07.json`): each entry its name in the UI languages (LocalName). */
export interface Db07Reference {
  readonly sections: readonly (LocalName & { readonly code: string })[];
  readonly industries: readonly (LocalName & { readonly code: string; readonly section: string })[];
}

/** Only the name fields of a reference entry. */
export function nameOf(entry: LocalName): LocalName {
  const { da, en, ar, fa, so, ti, unreviewed } = entry;
  return { da, en, ...(ar ? { ar } : {}), ...(fa ? { fa } : {}), ...(so ? { so } : {}), ...(ti ? { ti } : {}), ...(unreviewed ? { unreviewed } : {}) };
}

/**
 * The reference name of a code: its own entry, else the most specific reference industry or
 * section that covers it (`47.11` → the name of `47`); null when nothing covers it.
 */
export function db07Name(reference: Db07Reference, code: string): LocalName | null {
  const covering = reference.industries.filter((i) => db07Covers(i.code, code)).sort((a, b) => db07Depth(b.code) - db07Depth(a.code));
  const best = covering[0];
  if (best) return nameOf(best);
  const section = reference.sections.find((s) => s.code === db07Section(code));
  return section ? nameOf(section) : null;
}
