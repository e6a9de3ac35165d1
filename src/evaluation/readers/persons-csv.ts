// Reader for persons.csv (FORMATS.md): streamed line by line (RFC 4180 quoting within a line;
// csv-parse proved ~20 µs a row, too slow for 1 M persons), every bad line reported with its
// line number and reason (up to 20, then a count), nothing returned unless the file is clean.
import { ProblemCollector } from '../errors.ts';
import { parseDate } from '../iso-week.ts';
import { checkFileSize } from './file-size.ts';
import { scanLines, splitQuoted } from './line-scanner.ts';

export const PERSON_COLUMNS = [
  'person_id',
  'gender',
  'birth_year',
  'origin_country',
  'arrival_date',
  'municipality_code',
  'group',
  'start_date',
] as const;

export const NO_DAY = -2_147_483_648;

export interface Persons {
  file: string;
  n: number;
  ids: string[];
  index: Map<string, number>;
  /** 1 = female (`K` or `F`), 0 = male (`M`). */
  female: Uint8Array;
  birthYear: Int16Array;
  origin: string[];
  /** Days since 1970-01-01. */
  arrivalDay: Int32Array;
  municipality: string[];
  /** 1 = participant, 0 = control pool. */
  participant: Uint8Array;
  /** Days since 1970-01-01, NO_DAY for controls. */
  startDay: Int32Array;
  /** Extra columns by name (raw strings), candidate covariates. */
  extra: Map<string, string[]>;
}

export interface ReadOptions {
  onProgress?: (fraction: number) => void;
  maxErrors?: number;
}

class HeaderAbort extends Error {}

export async function readPersonsCsv(file: string, opts: ReadOptions = {}): Promise<Persons> {
  const size = checkFileSize(file);
  const problems = new ProblemCollector(opts.maxErrors ?? 20);
  const ids: string[] = [];
  const index = new Map<string, number>();
  const female: number[] = [];
  const birthYear: number[] = [];
  const origin: string[] = [];
  const arrivalDay: number[] = [];
  const municipality: string[] = [];
  const participant: number[] = [];
  const startDay: number[] = [];
  const extra = new Map<string, string[]>();
  let col: number[] = [];
  let extraCols: [string, number][] = [];
  let header = true;

  try {
    scanLines(
      file,
      (buf, s, e, line) => {
        if (e === s) return;
        let text = buf.toString('utf8', s, e);
        if (header && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const row = text.includes('"') ? splitQuoted(text) : text.split(',');
        if (header) {
          header = false;
          const names = row.map((c) => c.trim());
          const missing = PERSON_COLUMNS.filter((c) => !names.includes(c));
          if (missing.length > 0) {
            problems.add(file, line, `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (header: ${names.join(',')})`);
            throw new HeaderAbort();
          }
          col = PERSON_COLUMNS.map((c) => names.indexOf(c));
          extraCols = names
            .map((n, i) => [n, i] as [string, number])
            .filter(([n]) => !(PERSON_COLUMNS as readonly string[]).includes(n));
          for (const [n] of extraCols) extra.set(n, []);
          return;
        }
        const get = (k: number): string => row[col[k] ?? -1] ?? '';
        const bad = (reason: string): void => problems.add(file, line, reason);
        if (row.length < col.length) {
          bad(`expected ${Math.max(...col) + 1} fields, found ${row.length}`);
          return;
        }
        const id = get(0);
        const g = get(1);
        const by = get(2);
        const oc = get(3);
        const ad = get(4);
        const mc = get(5);
        const grp = get(6);
        const sd = get(7);
        const errs: string[] = [];
        if (id.length < 1 || id.length > 64) errs.push(`person_id must be 1–64 characters`);
        else if (index.has(id)) errs.push(`duplicate person_id "${id}" (first on an earlier line)`);
        if (g !== 'K' && g !== 'F' && g !== 'M') errs.push(`gender "${g}" is not K, F or M`);
        const byn = Number(by);
        if (!/^\d{4}$/.test(by) || byn < 1900 || byn > 2100) errs.push(`birth_year "${by}" is not an integer 1900–2100`);
        if (!/^[A-Z]{2}$/.test(oc)) errs.push(`origin_country "${oc}" is not an ISO 3166-1 alpha-2 code`);
        const adn = parseDate(ad);
        if (adn === undefined) errs.push(`arrival_date "${ad}" is not a valid YYYY-MM-DD date`);
        if (!/^\d{3}$/.test(mc)) errs.push(`municipality_code "${mc}" is not 3 digits`);
        if (grp !== 'participant' && grp !== 'control') errs.push(`group "${grp}" is not participant or control`);
        let sdn: number | undefined = NO_DAY;
        if (grp === 'participant') {
          sdn = parseDate(sd);
          if (sdn === undefined) errs.push(`start_date "${sd}" is not a valid YYYY-MM-DD date (required for participants)`);
        } else if (sd !== '') errs.push(`start_date must be empty for controls, found "${sd}"`);
        if (errs.length > 0) {
          bad(errs.join('; '));
          return;
        }
        index.set(id, ids.length);
        ids.push(id);
        female.push(g === 'M' ? 0 : 1);
        birthYear.push(byn);
        origin.push(oc);
        arrivalDay.push(adn ?? 0);
        municipality.push(mc);
        participant.push(grp === 'participant' ? 1 : 0);
        startDay.push(sdn ?? NO_DAY);
        for (const [n, i] of extraCols) extra.get(n)?.push(row[i] ?? '');
            },
        (bytes) => opts.onProgress?.(size > 0 ? bytes / size : 1),
      );
    } catch (e) {
      if (!(e instanceof HeaderAbort)) throw e;
    }
    if (header) problems.add(file, 0, 'the file is empty (no header row)');
    problems.throwIfAny();
    return {
      file,
      n: ids.length,
      ids,
      index,
      female: Uint8Array.from(female),
      birthYear: Int16Array.from(birthYear),
      origin,
      arrivalDay: Int32Array.from(arrivalDay),
      municipality,
      participant: Uint8Array.from(participant),
      startDay: Int32Array.from(startDay),
      extra,
    };
  }
