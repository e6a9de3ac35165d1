// The helper thread's part of weeks.csv (read-weeks.ts): the lines in bytes [start, end), read
// before or while this thread reads persons.csv, so person ids are numbered as they are met
// (interning-index.ts) and mapped to persons.csv's index afterwards.
import { readWeeksRange } from '../readers/weeks-csv.ts';
import { InterningIndex } from './interning-index.ts';

/** The lines of weeks.csv in bytes [start, end) (canonical header; see readWeeksRange). */
export interface WeeksRange {
  file: string;
  size: number;
  start: number;
  end: number;
}

export interface WeeksPart {
  weekStart: number;
  nWeeks: number;
  status: Uint8Array;
  rows: number;
  /** Problems found (any: the caller then reads the whole file on one thread for the report). */
  problems: number;
  minPerson: number;
  maxPerson: number;
  /**
   * The person ids in the order the part first met them: its person index i is ids[i] (the
   * part is read before or while persons.csv is, so ids are numbered as they come; the
   * caller maps them to persons.csv's index).
   */
  ids: string[];
}

export function readWeeksPart(t: WeeksRange): WeeksPart {
  const local = new InterningIndex();
  const c = readWeeksRange(t.file, local.persons, t.size, {}, { start: t.start, end: t.end });
  const b = c.builder;
  return { weekStart: b.weekStart, nWeeks: b.nWeeks, status: b.status, rows: c.rows, problems: c.problems.count, minPerson: c.minPerson, maxPerson: c.maxPerson, ids: local.ids };
}
