// weeks.csv on two threads: the helper reads the second part of the file (from the first line
// start after a split point) while this thread reads persons.csv and then the first part; the
// two partial panels are then merged. The helper starts before persons.csv is read, so it
// numbers person ids as it meets them (interning-index.ts) and they are mapped to persons.csv's
// index here. All or nothing as on one thread: when either part finds any problem (or an id
// that is not in persons.csv, or a person-week appears in both parts, or the helper fails), the
// whole file is read again on this thread, which reports the problems with their exact line
// numbers (readWeeksCsv). Only files whose header is exactly person_id,week,status are split;
// others are read on one thread.
import { ProblemCollector } from '../errors.ts';
import { PanelBuilder } from '../panel.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { checkFileSize } from '../readers/file-size.ts';
import { splitPoints } from '../readers/weeks-split.ts';
import { finishPanel, readWeeksCsv, readWeeksRange, type WeeksChunk, type WeeksReadOptions, type WeeksResult } from '../readers/weeks-csv.ts';
import type { Helper } from './helper.ts';
import { weeksSplitFraction } from './schedule.ts';
import type { TaskResult, WeeksTask } from './tasks.ts';
import type { WeeksPart } from './weeks-part.ts';

/** The helper's part of weeks.csv, started before persons.csv is read. */
export interface RemotePart {
  headerEnd: number;
  mid: number;
  size: number;
  result: Promise<TaskResult<WeeksTask>>;
}

/**
 * Start reading the second part of weeks.csv on the helper, split where the schedule says
 * (weeksSplitFraction: this thread reads persons.csv, `personsBytes`, first). Undefined
 * (read on one thread later) when the file cannot be split or not be read now: its errors
 * are then reported in the usual order, after persons.csv's.
 */
export function startRemotePart(file: string, helper: Helper, personsBytes: number): RemotePart | undefined {
  let size: number;
  try {
    size = checkFileSize(file);
  } catch {
    return undefined;
  }
  const fraction = weeksSplitFraction(size, personsBytes);
  let split: { headerEnd: number; mid: number } | undefined;
  try {
    split = splitPoints(file, size, fraction);
  } catch {
    return undefined;
  }
  if (!split) return undefined;
  const task: WeeksTask = { kind: 'weeks', file, size, start: split.mid, end: size };
  const result = helper.run(task, []).catch((e: unknown) => ({ ok: false as const, message: String(e) }));
  return { ...split, size, result };
}

/**
 * The second part's cells merged into the first's builder (widened to both week ranges when
 * needed); `personOf[i]` is the persons.csv index of the part's person i. Undefined when a
 * person-week is in both parts (a duplicate row: re-read to report it).
 */
export function mergeParts(a: WeeksChunk, b: WeeksPart, nPersons: number, personOf: Int32Array): PanelBuilder | undefined {
  const nLocal = b.ids.length;
  if (b.nWeeks === 0 || nLocal === 0) return a.builder;
  const A = a.builder;
  let target: PanelBuilder;
  if (A.nWeeks === 0) {
    target = new PanelBuilder(nPersons);
    target.weekStart = b.weekStart;
    target.nWeeks = b.nWeeks;
    target.status = new Uint8Array(nPersons * b.nWeeks);
  } else {
    const start = Math.min(A.weekStart, b.weekStart);
    const end = Math.max(A.weekStart + A.nWeeks, b.weekStart + b.nWeeks);
    const nw = end - start;
    if (start === A.weekStart && nw === A.nWeeks) target = A;
    else {
      target = new PanelBuilder(nPersons);
      target.weekStart = start;
      target.nWeeks = nw;
      target.status = new Uint8Array(nPersons * nw);
      const off = A.weekStart - start;
      if (a.minPerson >= 0) {
        for (let p = a.minPerson; p <= a.maxPerson; p++) target.status.set(A.status.subarray(p * A.nWeeks, (p + 1) * A.nWeeks), p * nw + off);
      }
    }
  }
  const nw = target.nWeeks;
  const st = target.status;
  const bw = b.nWeeks;
  const off = b.weekStart - target.weekStart;
  const aHas = a.minPerson >= 0 && A.nWeeks > 0;
  for (let i = 0; i < nLocal; i++) {
    const p = personOf[i] as number;
    const src = b.status.subarray(i * bw, (i + 1) * bw);
    const row = p * nw + off;
    if (!aHas || p < a.minPerson || p > a.maxPerson) {
      st.set(src, row); // the first part has nothing for this person
      continue;
    }
    for (let c = 0; c < bw; c++) {
      const v = src[c] as number;
      if (v === 0) continue;
      if (st[row + c] !== 0) return undefined;
      st[row + c] = v;
    }
  }
  return target;
}

/**
 * readWeeksCsv, on two threads when a helper is given (evaluateFiles starts one for large
 * inputs, and the helper's part with startRemotePart before reading persons.csv); same result,
 * same errors.
 */
export async function readWeeksParallel(file: string, persons: Persons, opts: WeeksReadOptions, helper: Helper | undefined, remote?: RemotePart): Promise<WeeksResult> {
  const part = remote ?? (helper ? startRemotePart(file, helper, 0) : undefined);
  if (!part) return readWeeksCsv(file, persons, opts);
  let local: WeeksChunk | undefined;
  try {
    const share = part.mid / part.size;
    local = readWeeksRange(file, persons, part.size, { onProgress: (f) => opts.onProgress?.(Math.min(f * share, 0.999)), maxErrors: 1 }, { start: part.headerEnd, end: part.mid });
  } catch {
    local = undefined; // e.g. an over-long line: the one-thread read reports it
  }
  const far = await part.result;
  if (local === undefined || local.problems.count > 0 || !far.ok || far.value.problems > 0) return readWeeksCsv(file, persons, opts);
  // The helper's person numbers → persons.csv's index (an id not in persons.csv: re-read to report it).
  const ids = far.value.ids;
  const personOf = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const p = persons.index.get(ids[i] as string);
    if (p === undefined) return readWeeksCsv(file, persons, opts);
    personOf[i] = p;
  }
  const merged = mergeParts(local, far.value, persons.n, personOf);
  if (merged === undefined) return readWeeksCsv(file, persons, opts);
  opts.onProgress?.(1);
  return finishPanel(file, new ProblemCollector(), merged, persons, local.rows + far.value.rows, false, opts.onPanel);
}
