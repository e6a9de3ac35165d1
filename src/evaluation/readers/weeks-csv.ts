// Hand-written reader for weeks.csv (person_id,week,status): byte-level scanning of Buffers,
// status bytes mapped to codes, person ids interned through persons.index, cells written
// straight into the one-byte-per-person-week panel. See
// docs/decisions/004-hand-written-register-reader.md for why this is not csv-parse.
import { ProblemCollector } from '../errors.ts';
import { isoWeekIndex, formatIsoWeek, weekOfDay } from '../iso-week.ts';
import { STATUS_NAMES } from '../statuses.ts';
import { PanelBuilder, clearBeforeArrival, type Panel } from '../panel.ts';
import type { Persons } from './persons-csv.ts';
import { checkFileSize } from './file-size.ts';
import { scanLines, splitQuoted, type FastLines } from './line-scanner.ts';
import { fastLines, statusBytes, type FastState } from './weeks-fast-path.ts';

export interface WeeksResult {
  panel: Panel;
  /** Data rows read. */
  rows: number;
  /** Rows for weeks before the person's arrival (ignored). */
  beforeArrival: number;
}

// (length, first byte) → status code; unique among the listed statuses.
const statusKey = new Int8Array(64 * 256).fill(-1);
for (let c = 1; c < STATUS_NAMES.length; c++) {
  const b = statusBytes[c] as Buffer;
  statusKey[b.length * 256 + (b[0] ?? 0)] = c;
}

function statusOf(buf: Buffer, s: number, e: number): number {
  const len = e - s;
  if (len <= 0 || len >= 64) return -1;
  const c = statusKey[len * 256 + (buf[s] ?? 0)] ?? -1;
  if (c < 0) return -1;
  const ref = statusBytes[c] as Buffer;
  for (let i = 1; i < len; i++) if (buf[s + i] !== ref[i]) return -1;
  return c;
}

function countCommas(buf: Buffer, s: number, e: number): number {
  let k = 0;
  for (let i = s; i < e; i++) if (buf[i] === 44) k++;
  return k;
}

function hasQuote(buf: Buffer, s: number, e: number): boolean {
  const q = buf.indexOf(34, s);
  return q >= 0 && q < e;
}

function weekOf(buf: Buffer, s: number, e: number): number {
  if (e - s !== 8 || buf[s + 4] !== 45 || buf[s + 5] !== 87) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = (buf[s + i] ?? 0) - 48;
    if (d < 0 || d > 9) return -1;
    y = y * 10 + d;
  }
  const d1 = (buf[s + 6] ?? 0) - 48;
  const d2 = (buf[s + 7] ?? 0) - 48;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  return isoWeekIndex(y, d1 * 10 + d2);
}

export interface WeeksReadOptions {
  onProgress?: (fraction: number) => void;
  /** Called with 0 and 1 around the panel's finishing step (trim, clear weeks before arrival). */
  onPanel?: (fraction: number) => void;
  maxErrors?: number;
}

export function readWeeksCsv(file: string, persons: Persons, opts: WeeksReadOptions = {}): WeeksResult {
  const size = checkFileSize(file);
  const c = readWeeksRange(file, persons, size, opts);
  return finishPanel(file, c.problems, c.builder, persons, c.rows, c.noHeader, opts.onPanel);
}

/** What the reader needs of persons.csv: the ids and their index. */
export type PersonIndex = Pick<Persons, 'n' | 'ids' | 'index'>;

/** A read (part of a) weeks.csv, before the panel is finished. */
export interface WeeksChunk {
  builder: PanelBuilder;
  problems: ProblemCollector;
  rows: number;
  /** True when no header row was found (an empty file). */
  noHeader: boolean;
  /** Lowest and highest person index with a row (-1 when none). */
  minPerson: number;
  maxPerson: number;
}

/**
 * Read weeks.csv, or with `range` the lines in its bytes [start, end) of a file whose header is
 * exactly person_id,week,status (the range must start at a line start after the header; its
 * line numbers count from 1 at the start of the range, so problems are only good for deciding
 * to read the whole file again).
 */
export function readWeeksRange(file: string, persons: PersonIndex, size: number, opts: WeeksReadOptions = {}, range?: { start: number; end: number }): WeeksChunk {
  const problems = new ProblemCollector(opts.maxErrors ?? 20);
  const builder = new PanelBuilder(persons.n);
  let header = range === undefined;
  let iId = 0;
  let iWeek = 1;
  let iStatus = 2;
  let nCols = 3;
  let canonical = range !== undefined;
  let rows = 0;
  let minPerson = -1;
  let maxPerson = -1;
  const seen = (p: number): void => {
    if (minPerson < 0 || p < minPerson) minPerson = p;
    if (p > maxPerson) maxPerson = p;
  };
  // Last person id seen (rows usually come grouped by person): compare bytes, skip the decode.
  let lastId = Buffer.alloc(256);
  let lastLen = -1;
  let lastPerson = -1;
  const fieldStart = new Int32Array(64);
  const fieldEnd = new Int32Array(64);

  const lookup = (key: string, line: number): number => {
    const p = persons.index.get(key);
    if (p === undefined) problems.add(file, line, `unknown person_id "${key.slice(0, 70)}" (not in persons.csv)`);
    return p ?? -1;
  };
  const store = (line: number, person: number, week: number, code: number, weekText: () => string, statusText: () => string): void => {
    if (week < 0 || code < 0) {
      const why: string[] = [];
      if (week < 0) why.push(`week "${weekText().slice(0, 40)}" is not a valid ISO week YYYY-Www`);
      if (code < 0) why.push(`unknown status "${statusText().slice(0, 40)}"`);
      problems.add(file, line, why.join('; '));
      return;
    }
    if (!builder.set(person, week, code)) {
      problems.add(file, line, `duplicate row for person "${persons.ids[person]}" in week ${formatIsoWeek(week)}`);
      return;
    }
    rows++;
  };
  const storeFailed = (buf: Buffer, line: number, person: number, week: number, code: number, ws: number, we: number, ss: number, se: number): void =>
    store(line, person, week, code, () => buf.toString('utf8', ws, we), () => buf.toString('utf8', ss, se));
  /** Slow path: a line with quotes. */
  const quotedLine = (text: string, line: number): void => {
    const fields = splitQuoted(text);
    if (fields.length !== nCols) {
      problems.add(file, line, `expected ${nCols} fields, found ${fields.length}`);
      return;
    }
    lastLen = -1;
    const person = lookup(fields[iId] ?? '', line);
    if (person < 0) return;
    seen(person);
    const wb = Buffer.from(fields[iWeek] ?? '', 'utf8');
    const sb = Buffer.from(fields[iStatus] ?? '', 'utf8');
    store(line, person, weekOf(wb, 0, wb.length), statusOf(sb, 0, sb.length), () => fields[iWeek] ?? '', () => fields[iStatus] ?? '');
  };

  // Canonical files (header exactly person_id,week,status): runs of lines handled in one
  // loop with its state in locals (fastLines). Any irregular line (quotes, other lengths,
  // unknown id/week/status, duplicates, a line near the end of the buffer) stops the run
  // before it and goes to the general per-line path below, which reports it.
  const fast: FastLines = {
    lines: 0,
    run: (buf, s, len) => {
      if (!canonical) return s;
      const r = fastLines(buf, s, len, state);
      fast.lines = r.lines;
      rows += r.lines;
      return r.next;
    },
  };
  const state: FastState = {
    builder,
    index: persons.index,
    lastId: Buffer.alloc(256),
    lastLen: -1,
    lastPerson: -1,
    seen,
    yearWord: -1,
    yearBase: 0,
    yearWeeks: 0,
    view: undefined,
    viewOf: undefined,
  };

  try {
  scanLines(
    file,
    (buf, s, e, line) => {
      if (header) {
        let h = buf.toString('utf8', s, e);
        if (h.charCodeAt(0) === 0xfeff) h = h.slice(1);
        header = false;
        const names = splitQuoted(h).map((x) => x.trim());
        const missing = ['person_id', 'week', 'status'].filter((c) => !names.includes(c));
        if (missing.length > 0) {
          problems.add(file, line, `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (header: ${names.join(',')})`);
          throw new HeaderAbort();
        }
        iId = names.indexOf('person_id');
        iWeek = names.indexOf('week');
        iStatus = names.indexOf('status');
        nCols = names.length;
        canonical = nCols === 3 && iId === 0 && iWeek === 1 && iStatus === 2;
        if (nCols > 64) {
          problems.add(file, line, 'more than 64 columns');
          throw new HeaderAbort();
        }
        return;
      }
      if (e === s) return; // blank line
      let idS: number;
      let idE: number;
      let ws: number;
      let we: number;
      let ss: number;
      let se: number;
      // Fastest path (header exactly person_id,week,status): scan only the id for its comma;
      // the week is the next 8 bytes and a comma, the status the rest. Anything unexpected
      // (quotes, other lengths, extra commas) takes the general path below.
      let c1 = -1;
      if (canonical) {
        for (let i = s; i < e; i++) {
          const b = buf[i];
          if (b === 44) {
            c1 = i;
            break;
          }
          if (b === 34) break;
        }
      }
      if (c1 > s && c1 + 10 < e && buf[c1 + 9] === 44) {
        idS = s;
        idE = c1;
        ws = c1 + 1;
        we = c1 + 9;
        ss = c1 + 10;
        se = e;
      } else {
        // General path: find every comma; fall back when a quote is present.
        let k = 0;
        let f = s;
        let quoted = false;
        for (let i = s; i < e; i++) {
          const b = buf[i];
          if (b === 44) {
            if (k < 64) {
              fieldStart[k] = f;
              fieldEnd[k] = i;
            }
            k++;
            f = i + 1;
          } else if (b === 34) {
            quoted = true;
            break;
          }
        }
        if (quoted) {
          quotedLine(buf.toString('utf8', s, e), line);
          return;
        }
        if (k < 64) {
          fieldStart[k] = f;
          fieldEnd[k] = e;
        }
        k++;
        if (k !== nCols) {
          problems.add(file, line, `expected ${nCols} fields, found ${k}`);
          return;
        }
        idS = fieldStart[iId] as number;
        idE = fieldEnd[iId] as number;
        ws = fieldStart[iWeek] as number;
        we = fieldEnd[iWeek] as number;
        ss = fieldStart[iStatus] as number;
        se = fieldEnd[iStatus] as number;
      }
      // Person: reuse the last id when the bytes are equal (rows come grouped by person).
      const len = idE - idS;
      let person = -1;
      if (len === lastLen) {
        let same = true;
        for (let j = 0; j < len; j++) {
          if (buf[idS + j] !== lastId[j]) {
            same = false;
            break;
          }
        }
        if (same) person = lastPerson;
      }
      if (person < 0) {
        person = lookup(buf.toString('utf8', idS, idE), line);
        if (person < 0) {
          lastLen = -1;
          return;
        }
        if (len > lastId.length) lastId = Buffer.alloc(len * 2);
        buf.copy(lastId, 0, idS, idE);
        lastLen = len;
        lastPerson = person;
        seen(person);
      }
      const week = weekOf(buf, ws, we);
      const code = statusOf(buf, ss, se);
      if (week >= 0 && code >= 0 && builder.set(person, week, code)) rows++;
      else if (canonical && (week < 0 || code < 0) && hasQuote(buf, s, e)) quotedLine(buf.toString('utf8', s, e), line);
      else if (canonical && (week < 0 || code < 0) && countCommas(buf, s, e) !== 2) problems.add(file, line, `expected ${nCols} fields, found ${countCommas(buf, s, e) + 1}`);
      else storeFailed(buf, line, person, week, code, ws, we, ss, se);
    },
    (bytes) => opts.onProgress?.(size > 0 ? bytes / (range ? range.end - range.start : size) : 1),
    undefined,
    undefined,
    fast,
    range,
  );
  } catch (e) {
    if (!(e instanceof HeaderAbort)) throw e;
  }
  return { builder, problems, rows, noHeader: header, minPerson, maxPerson };
}

class HeaderAbort extends Error {}

export function finishPanel(file: string, problems: ProblemCollector, builder: PanelBuilder, persons: Pick<Persons, 'arrivalDay'>, rows: number, noHeader: boolean, onPanel?: (fraction: number) => void): WeeksResult {
  if (noHeader) problems.add(file, 0, 'the file is empty (no header row)');
  problems.throwIfAny();
  onPanel?.(0);
  const panel = builder.finish();
  const beforeArrival = clearBeforeArrival(panel, (p) => weekOfDay(persons.arrivalDay[p] ?? 0));
  onPanel?.(1);
  return { panel, rows, beforeArrival };
}

