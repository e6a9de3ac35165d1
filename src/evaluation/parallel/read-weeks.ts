// weeks.csv on two threads: the helper reads the second half of the file (from the first line
// start after the middle) while this thread reads the first; the two partial panels are then
// merged. All or nothing as on one thread: when either half finds any problem (or a person-week
// appears in both halves, or the helper fails), the whole file is read again on this thread,
// which reports the problems with their exact line numbers (readWeeksCsv). Only files whose
// header is exactly person_id,week,status are split; others are read on one thread.
import { ProblemCollector } from '../errors.ts';
import { PanelBuilder } from '../panel.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { checkFileSize } from '../readers/file-size.ts';
import { splitPoints } from '../readers/weeks-split.ts';
import { finishPanel, readWeeksCsv, readWeeksRange, type WeeksChunk, type WeeksReadOptions, type WeeksResult } from '../readers/weeks-csv.ts';
import type { Helper } from './helper.ts';
import type { WeeksPart, WeeksTask } from './tasks.ts';

/**
 * The second half's cells merged into the first's builder (widened to both week ranges when
 * needed); undefined when a person-week is in both halves (a duplicate row: re-read to report it).
 */
export function mergeParts(a: WeeksChunk, b: WeeksPart, nPersons: number): PanelBuilder | undefined {
  if (b.nWeeks === 0 || b.minPerson < 0) return a.builder;
  const A = a.builder;
  let target: PanelBuilder;
  if (A.nWeeks === 0) {
    target = new PanelBuilder(nPersons);
    target.weekStart = b.weekStart;
    target.nWeeks = b.nWeeks;
    target.status = b.status;
    return target;
  }
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
  const st = target.status;
  const bw = b.nWeeks;
  const off = b.weekStart - start;
  let from = b.minPerson;
  if (bw === nw && a.minPerson >= 0 && b.minPerson > a.maxPerson) {
    // Same week range and the halves' persons do not overlap (rows grouped by person): one copy.
    st.set(b.status.subarray(b.minPerson * bw, (b.maxPerson + 1) * bw), b.minPerson * nw);
    from = b.maxPerson + 1;
  }
  for (let p = from; p <= b.maxPerson; p++) {
    const src = b.status.subarray(p * bw, (p + 1) * bw);
    const row = p * nw + off;
    if (a.minPerson < 0 || p < a.minPerson || p > a.maxPerson) {
      st.set(src, row); // the first half has nothing for this person
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

/** readWeeksCsv, on two threads when a helper is given (evaluateFiles starts one for large inputs); same result, same errors. */
export async function readWeeksParallel(file: string, persons: Persons, opts: WeeksReadOptions, helper: Helper | undefined): Promise<WeeksResult> {
  const size = checkFileSize(file);
  const split = helper ? splitPoints(file, size) : undefined;
  if (!helper || !split) return readWeeksCsv(file, persons, opts);
  const task: WeeksTask = { kind: 'weeks', file, size, start: split.mid, end: size, ids: persons.ids };
  const remote = helper.run(task, []).catch((e: unknown) => ({ ok: false as const, message: String(e) }));
  let local: WeeksChunk | undefined;
  try {
    const share = split.mid / size;
    local = readWeeksRange(file, persons, size, { onProgress: (f) => opts.onProgress?.(Math.min(f * share, 0.999)), maxErrors: 1 }, { start: split.headerEnd, end: split.mid });
  } catch {
    local = undefined; // e.g. an over-long line: the one-thread read reports it
  }
  const far = await remote;
  if (local === undefined || local.problems.count > 0 || !far.ok || far.value.problems > 0) return readWeeksCsv(file, persons, opts);
  const merged = mergeParts(local, far.value, persons.n);
  if (merged === undefined) return readWeeksCsv(file, persons, opts);
  opts.onProgress?.(1);
  return finishPanel(file, new ProblemCollector(), merged, persons, local.rows + far.value.rows, false, opts.onPanel);
}
