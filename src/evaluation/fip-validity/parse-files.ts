// answers.csv and outcomes.csv (FORMATS.md "FIP analysis files") from their text: every bad line
// reported with its line number and reason (up to 20, then a count), and nothing returned unless
// both files are clean and agree (every person with answers has an outcome). Pure: the caller
// reads the files. CSV by csv-parse (RFC 4180: quotes, CRLF, BOM).
import { parse } from 'csv-parse/sync';
import { tryParseIsoDate } from '../../domain/dates.ts';
import type { Instrument, Respondent } from '../../domain/fip/instrument.ts';
import { InputError, ProblemCollector } from '../errors.ts';
import type { ValidityData } from './validity.ts';

export const ANSWER_COLUMNS = ['person_id', 'gender', 'round', 'respondent', 'item_id', 'value', 'answered_on'] as const;
export const OUTCOME_COLUMNS = ['person_id', 'employed_6m'] as const;

/** A file's name (for the messages) and its text. */
export interface CsvText {
  file: string;
  text: string;
}

/** A record that is an empty line. */
function isBlank(row: string[]): boolean {
  return row.length === 1 && (row[0] === '' || row[0] === '\r');
}

interface Table {
  /** The first record (the header), undefined for an empty text. */
  header: string[] | undefined;
  /**
   * Calls `onRow` for every record after the header with its fields and the line it starts on
   * (1-based), skipping blank lines. `fields` may be reused between calls: read, do not keep.
   */
  each(onRow: (fields: string[], line: number) => void): void;
}

/**
 * The records of `text`. Text without a `"` (what jobvej's own export writes) is read by a
 * line scanner: records are lines (LF or CRLF), fields are split at commas, into one reused
 * array, so 100 000 answers cost no per-row garbage. Text with quotes goes through csv-parse
 * (RFC 4180: quoted commas, quotes and line breaks), with its line count. Both give the same
 * records for quote-free text (tested), and the same line numbers.
 */
function records(src: CsvText, problems: ProblemCollector): Table | undefined {
  const text = src.text.charCodeAt(0) === 0xfeff ? src.text.slice(1) : src.text;
  if (!text.includes('"')) return scanRecords(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 0;
    problems.add(src.file, line, `not a valid CSV file: ${(e as Error).message}`);
    return undefined;
  }
  const starts: number[] = [];
  let next = 1;
  for (const r of parsed) {
    starts.push(next);
    next = r.info.lines + 1;
  }
  return {
    header: parsed[0]?.record,
    each(onRow) {
      for (let r = 1; r < parsed.length; r++) {
        const row = (parsed[r] as { record: string[] }).record;
        if (!isBlank(row)) onRow(row, starts[r] as number);
      }
    },
  };
}

/** Lines and comma-separated fields of quote-free text (see `records`). */
function scanRecords(text: string): Table {
  const n = text.length;
  const lineEnd = (from: number): [number, number] => {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = n;
    const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    return [end, nl + 1];
  };
  const split = (from: number, end: number, out: string[]): void => {
    out.length = 0;
    let a = from;
    for (;;) {
      const c = text.indexOf(',', a);
      if (c < 0 || c >= end) {
        out.push(text.slice(a, end));
        return;
      }
      out.push(text.slice(a, c));
      a = c + 1;
    }
  };
  let header: string[] | undefined;
  let bodyStart = n;
  if (n > 0) {
    const [end, next] = lineEnd(0);
    header = [];
    split(0, end, header);
    bodyStart = next;
  }
  return {
    header,
    each(onRow) {
      const fields: string[] = [];
      let pos = bodyStart;
      let line = 2;
      while (pos < n) {
        const [end, next] = lineEnd(pos);
        if (end > pos) {
          split(pos, end, fields);
          onRow(fields, line);
        }
        pos = next;
        line++;
      }
    },
  };
}

/** Column positions by name, or a problem naming the missing ones. */
function header(src: CsvText, row: string[] | undefined, wanted: readonly string[], problems: ProblemCollector): Map<string, number> | undefined {
  if (row === undefined || (row.length === 1 && row[0] === '')) {
    problems.add(src.file, 1, `empty file: expected a header with ${wanted.join(',')}`);
    return undefined;
  }
  const names = row.map((c) => c.trim());
  const missing = wanted.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    problems.add(src.file, 1, `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (header: ${names.join(',')})`);
    return undefined;
  }
  const dup = names.find((c, i) => wanted.includes(c) && names.indexOf(c) !== i);
  if (dup !== undefined) {
    problems.add(src.file, 1, `column ${dup} appears twice`);
    return undefined;
  }
  return new Map(wanted.map((c) => [c, names.indexOf(c)]));
}


/** What answers.csv holds for the models, before the outcomes are joined. */
export interface ParsedAnswers {
  /** Person ids in order of first appearance. */
  persons: string[];
  /** The line each person first appears on. */
  firstLine: number[];
  /** Round-1 values, persons × instrument items row-major; NaN = no numeric answer. */
  round1: Float64Array;
  /** Whether each person has any round-1 row (a don't-know counts). */
  hasRoundOne: Uint8Array;
  itemIds: string[];
}

/**
 * Reads answers.csv against `instrument`: person_id non-empty; gender K, F or M (K and F both
 * female, one gender per person); round an integer >= 1; respondent citizen or caseworker, the
 * item's own; item_id an item of the instrument; value empty (don't know) or a whole number on
 * the instrument's scale; answered_on a real YYYY-MM-DD date; no two rows for the same person,
 * round, respondent and item.
 */
export function parseAnswersCsv(src: CsvText, instrument: Instrument, problems: ProblemCollector): ParsedAnswers | undefined {
  const table = records(src, problems);
  if (table === undefined) return undefined;
  const col = header(src, table.header, ANSWER_COLUMNS, problems);
  if (col === undefined) return undefined;
  const cPerson = col.get('person_id') as number;
  const cGender = col.get('gender') as number;
  const cRound = col.get('round') as number;
  const cResp = col.get('respondent') as number;
  const cItem = col.get('item_id') as number;
  const cValue = col.get('value') as number;
  const cDate = col.get('answered_on') as number;
  const width = table.header?.length ?? 0;

  const itemIds = instrument.items.map((i) => i.id);
  const itemIndex = new Map(itemIds.map((id, j) => [id, j]));
  const itemRespondent = instrument.items.map((i) => i.respondent);
  const p = itemIds.length;
  const { min, max } = instrument.scale;
  const values = new Map<string, number>();
  for (let v = min; v <= max; v++) values.set(String(v), v);
  const females = new Set(['K', 'F']);

  const persons: string[] = [];
  const personIndex = new Map<string, number>();
  const firstLine: number[] = [];
  const gender: { female: boolean; text: string; line: number }[] = [];
  const hasRoundOne: number[] = [];
  // Round-1 answers as (person, item, value) triples; the matrix is filled once all persons are known.
  const r1Person: number[] = [];
  const r1Item: number[] = [];
  const r1Value: number[] = [];
  // Duplicate check: person, item (which fixes the respondent) and round → the line first seen.
  const seen = new Map<number, number>();
  const seenLarge = new Map<string, number>();
  const dateOk = new Set<string>();

  table.each((row, line) => {
    if (row.length !== width) {
      problems.add(src.file, line, `${row.length} field(s), the header has ${width}`);
      return;
    }
    const before = problems.count;
    const person = row[cPerson] as string;
    const g = row[cGender] as string;
    const roundText = row[cRound] as string;
    const resp = row[cResp] as string;
    const itemId = row[cItem] as string;
    const valueText = row[cValue] as string;
    const date = row[cDate] as string;
    if (person === '') problems.add(src.file, line, 'person_id is empty');
    if (g !== 'K' && g !== 'F' && g !== 'M') problems.add(src.file, line, `gender "${g}" is not K, F or M`);
    const round = /^[0-9]{1,9}$/.test(roundText) ? Number(roundText) : Number.NaN;
    if (!(round >= 1)) problems.add(src.file, line, `round "${roundText}" is not an integer >= 1`);
    if (resp !== 'citizen' && resp !== 'caseworker') problems.add(src.file, line, `respondent "${resp}" is not citizen or caseworker`);
    const j = itemIndex.get(itemId);
    if (j === undefined) problems.add(src.file, line, `unknown item_id "${itemId}" (not an item of ${instrument.id} v${instrument.version})`);
    else if ((resp === 'citizen' || resp === 'caseworker') && itemRespondent[j] !== (resp as Respondent)) {
      problems.add(src.file, line, `item ${itemId} is answered by the ${itemRespondent[j]}, not the ${resp}`);
    }
    let value = Number.NaN;
    if (valueText !== '') {
      const v = values.get(valueText);
      if (v === undefined) problems.add(src.file, line, `value "${valueText}" is not a whole number from ${min} to ${max} (or empty: don't know)`);
      else value = v;
    }
    if (!dateOk.has(date)) {
      if (tryParseIsoDate(date) === null) problems.add(src.file, line, `answered_on "${date}" is not a YYYY-MM-DD date`);
      else dateOk.add(date);
    }
    if (problems.count > before || person === '' || j === undefined) return;

    let pi = personIndex.get(person);
    const female = females.has(g);
    if (pi === undefined) {
      pi = persons.length;
      personIndex.set(person, pi);
      persons.push(person);
      firstLine.push(line);
      gender.push({ female, text: g, line });
      hasRoundOne.push(0);
    } else {
      const first = gender[pi] as { female: boolean; text: string; line: number };
      if (first.female !== female) {
        problems.add(src.file, line, `person ${person} has gender ${g} here but ${first.text} on line ${first.line}`);
        return;
      }
    }
    // A small-integer key (fast Map path) for the usual rounds 1-8, a string beyond.
    const slot = (pi * p + j) * 8 + (round - 1);
    const dupLine = round <= 8 && slot < 2 ** 30 ? dupCheck(seen, slot, line) : dupCheck(seenLarge, `${pi}:${j}:${round}`, line);
    if (dupLine !== undefined) {
      problems.add(src.file, line, `duplicate answer: person ${person}, round ${round}, ${resp}, item ${itemId} is also on line ${dupLine}`);
      return;
    }
    if (round === 1) {
      hasRoundOne[pi] = 1;
      if (!Number.isNaN(value)) {
        r1Person.push(pi);
        r1Item.push(j);
        r1Value.push(value);
      }
    }
  });
  const round1 = new Float64Array(persons.length * p).fill(Number.NaN);
  for (let t = 0; t < r1Person.length; t++) round1[(r1Person[t] as number) * p + (r1Item[t] as number)] = r1Value[t] as number;
  return { persons, firstLine, round1, hasRoundOne: Uint8Array.from(hasRoundOne), itemIds };
}

/** The line `key` was first seen on, or undefined (and `key` recorded at `line`) when new. */
function dupCheck<K>(seen: Map<K, number>, key: K, line: number): number | undefined {
  const first = seen.get(key);
  if (first !== undefined) return first;
  seen.set(key, line);
  return undefined;
}

/** outcomes.csv: person_id non-empty and once; employed_6m 0 or 1. */
export function parseOutcomesCsv(src: CsvText, problems: ProblemCollector): Map<string, { employed: number; line: number }> | undefined {
  const table = records(src, problems);
  if (table === undefined) return undefined;
  const col = header(src, table.header, OUTCOME_COLUMNS, problems);
  if (col === undefined) return undefined;
  const cPerson = col.get('person_id') as number;
  const cEmployed = col.get('employed_6m') as number;
  const width = table.header?.length ?? 0;
  const out = new Map<string, { employed: number; line: number }>();
  table.each((row, line) => {
    if (row.length !== width) {
      problems.add(src.file, line, `${row.length} field(s), the header has ${width}`);
      return;
    }
    const person = row[cPerson] as string;
    const e = row[cEmployed] as string;
    if (person === '') {
      problems.add(src.file, line, 'person_id is empty');
      return;
    }
    if (e !== '0' && e !== '1') {
      problems.add(src.file, line, `employed_6m "${e}" is not 0 or 1`);
      return;
    }
    const first = out.get(person);
    if (first !== undefined) {
      problems.add(src.file, line, `person ${person} has a second outcome (first on line ${first.line})`);
      return;
    }
    out.set(person, { employed: e === '1' ? 1 : 0, line });
  });
  return out;
}

/**
 * Both files read and joined into the models' input; throws InputError listing every problem
 * (of both files, up to `maxErrors`) when there is any, so nothing is computed from a bad file.
 */
export function readValidityData(answers: CsvText, outcomes: CsvText, instrument: Instrument, maxErrors = 20): ValidityData {
  const problems = new ProblemCollector(maxErrors);
  const a = parseAnswersCsv(answers, instrument, problems);
  const o = parseOutcomesCsv(outcomes, problems);
  if (a === undefined || o === undefined) {
    problems.throwIfAny();
    throw new Error('readValidityData: a file failed without a problem reported');
  }
  const employed = new Uint8Array(a.persons.length);
  for (let i = 0; i < a.persons.length; i++) {
    const person = a.persons[i] as string;
    const outcome = o.get(person);
    if (outcome === undefined) problems.add(answers.file, a.firstLine[i] as number, `person ${person} has no row in ${outcomes.file}`);
    else employed[i] = outcome.employed;
  }
  problems.throwIfAny();
  // Persons without a round-1 row take part in no model: keep them out of the rows.
  const keep: number[] = [];
  for (let i = 0; i < a.persons.length; i++) if (a.hasRoundOne[i] === 1) keep.push(i);
  const p = a.itemIds.length;
  const round1 = new Float64Array(keep.length * p);
  keep.forEach((i, r) => round1.set(a.round1.subarray(i * p, (i + 1) * p), r * p));
  return {
    persons: keep.map((i) => a.persons[i] as string),
    itemIds: a.itemIds,
    round1,
    employed: Uint8Array.from(keep, (i) => employed[i] as number),
    withoutRoundOne: a.persons.length - keep.length,
  };
}

export { InputError };
