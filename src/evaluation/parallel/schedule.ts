// Which thread runs what (docs/decisions/009-parallel-evaluation.md, 015-evaluation-by-stage.md):
// the one place that places work. The stages (src/evaluation/stages/) are pure functions of
// their inputs and do not know about threads; tasks.ts runs any of them on either thread.
//
// - Threads: the `threads` option (CLI --threads), else JOBVEJ_THREADS, else 2 when the machine
//   has 2+ cores and the input is large enough to gain (PARALLEL_MIN_BYTES).
// - weeks.csv: the helper reads the part after a split point while this thread reads persons.csv
//   and then the part before it (weeksSplitFraction; read-weeks.ts does the reading).
// - Outcome counts: the second half of the units on the helper.
// - Per subgroup, score model, matching, estimates and balance: a share of the subgroups (about
//   half the rows: F and M against `all`) on the helper, the rest here; the pooled score model
//   here; subgroup `all`'s balance table split in two when `all` stays here.
// - IPW weights, cohorts, covariates, subgroups and the output: here.
// Results do not depend on the placement: each task runs the same code on the same inputs.
import { availableParallelism } from 'node:os';
import type { Units } from '../design/cohorts.ts';
import { allocateOutcomes, computeOutcomes, type OutcomeCounts } from '../design/outcomes.ts';
import type { Panel } from '../panel.ts';
import type { Helper } from './helper.ts';
import { runTask, unwrap, type BalanceTask, type Task, type TaskResult } from './tasks.ts';

/**
 * Inputs smaller than this (weeks.csv bytes) run on one thread unless threads are asked for:
 * measured interleaved on this 2-core machine (load ~2.5-3), 10 k persons (68 MB) took
 * 1.61-1.76 s on one thread and 2.00-2.41 s with the helper (its start-up and cold JIT outweigh
 * the split), 100 k (704 MB) 11.6-13.3 s against 8.0-11.4 s.
 */
export const PARALLEL_MIN_BYTES = 256 << 20;

/** Number of threads to use (1 or 2): explicit request, then JOBVEJ_THREADS, then automatic. */
export function threadCount(requested: number | undefined, inputBytes: number): number {
  let want = requested;
  if (want === undefined && process.env.JOBVEJ_THREADS !== undefined && process.env.JOBVEJ_THREADS !== '') {
    want = Number(process.env.JOBVEJ_THREADS);
    if (!Number.isInteger(want) || want < 1) throw new RangeError(`JOBVEJ_THREADS must be a positive integer, got "${process.env.JOBVEJ_THREADS}"`);
  }
  if (want !== undefined) return want >= 2 ? 2 : 1;
  return availableParallelism() >= 2 && inputBytes >= PARALLEL_MIN_BYTES ? 2 : 1;
}

/**
 * Reading persons.csv costs about this many times as much per byte as reading weeks.csv, the
 * helper's id numbering included. Timelines of both threads at 1 M persons (CPU profiles,
 * after the weeks.csv run loop of 29df0be): persons.csv ~4 s for 44 MB on the main thread,
 * weeks.csv ~2.6 s per GB on the helper and ~3.4 s per GB here (the panel builder's growth
 * included); at 11 the helper finished ~5 s early, so the balance is at ~50.
 */
export const PERSONS_COST_PER_BYTE = 45;

/**
 * Where weeks.csv is split (a fraction of its `size`): the main thread reads persons.csv
 * (`personsBytes`) first, so it takes that much less of weeks.csv and both threads finish
 * together; between 0.1 and 0.5.
 */
export function weeksSplitFraction(size: number, personsBytes: number): number {
  return size > 0 ? Math.min(0.5, Math.max(0.1, (size - PERSONS_COST_PER_BYTE * personsBytes) / 2 / size)) : 0.5;
}

/** A task and whether it goes to the helper. */
export interface Placed<T extends Task> {
  task: T;
  helper: boolean;
}

/**
 * Run tasks where they are placed: the helper's are posted first (so it starts at once), then
 * this thread's run one after the other; the results in the order of `jobs`.
 */
export function runPlaced<T extends Task>(helper: Helper | undefined, jobs: readonly Placed<T>[]): Promise<TaskResult<T>>[] {
  const out: Promise<TaskResult<T>>[] = new Array(jobs.length);
  jobs.forEach((j, i) => {
    if (helper && j.helper) out[i] = helper.run(j.task, []);
  });
  jobs.forEach((j, i) => {
    if (!(helper && j.helper)) out[i] = Promise.resolve(runTask(j.task));
  });
  return out;
}

const sharedFloat64 = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(n * 8));

/** One evaluation's placement of work, with or without a helper thread. */
export class Schedule {
  private readonly there = new Set<object>();

  constructor(readonly helper: Helper | undefined) {}

  /** Allocator for arrays the helper reads without a copy (the covariate columns): shared memory with a helper; undefined without. */
  get float64(): ((n: number) => Float64Array) | undefined {
    return this.helper ? sharedFloat64 : undefined;
  }

  /** The units' outcome counts; with a helper it fills the second half of the units (panel and counts in shared memory). */
  async outcomes(units: Units, panel: Panel): Promise<OutcomeCounts> {
    if (!this.helper) return computeOutcomes(units, panel);
    let shared = panel;
    if (!(panel.status.buffer instanceof SharedArrayBuffer)) {
      const status = new Uint8Array(new SharedArrayBuffer(panel.status.length));
      status.set(panel.status);
      shared = { ...panel, status };
    }
    const out = allocateOutcomes(units.n, (bytes) => new Uint8Array(new SharedArrayBuffer(bytes)));
    const mid = Math.floor(units.n / 2);
    const part = (from: number, to: number) => ({ kind: 'outcomes' as const, person: units.person, refWeek: units.refWeek, panel: shared, out, from, to });
    for (const r of runPlaced(this.helper, [{ task: part(mid, units.n), helper: true }, { task: part(0, mid), helper: false }])) unwrap(await r);
    return out;
  }

  /** Give the helper its share of the subgroups: greedily by size, so both threads get about as many rows (ties stay here). */
  assign(groups: readonly { rows: Int32Array }[]): void {
    this.there.clear();
    if (!this.helper) return;
    let here = 0;
    let there = 0;
    for (const g of [...groups].sort((a, b) => b.rows.length - a.rows.length)) {
      if (there < here) {
        this.there.add(g);
        there += g.rows.length;
      } else here += g.rows.length;
    }
  }

  /** Whether the group's score model, matching, estimates and balance run on the helper. */
  onHelper(group: object): boolean {
    return this.there.has(group);
  }

  /**
   * A task per group (none where `task` gives none) on the group's thread, or all here
   * (`here`: the pooled score model); by group.
   */
  perGroup<G extends object, T extends Task>(groups: readonly G[], task: (g: G) => T | undefined, opts: { here?: boolean } = {}): Map<G, Promise<TaskResult<T>>> {
    const jobs: (Placed<T> & { group: G })[] = [];
    for (const g of groups) {
      const t = task(g);
      if (t !== undefined) jobs.push({ group: g, task: t, helper: !opts.here && this.onHelper(g) });
    }
    const results = runPlaced(this.helper, jobs);
    return new Map(jobs.map((j, i) => [j.group, results[i] as Promise<TaskResult<T>>]));
  }

  /**
   * Each group's balance table in parts of its covariate columns (in order): subgroup `all`, when
   * it stays here, in two with a helper (its first half of the columns there, queued after the
   * helper's estimates); every other group's on the thread that holds its estimates.
   */
  balance<G extends { label: string }>(groups: readonly G[], columns: number[], task: (g: G, columns: number[]) => BalanceTask): Map<G, Promise<TaskResult<BalanceTask>>[]> {
    const jobs: (Placed<BalanceTask> & { group: G })[] = [];
    for (const g of groups) {
      if (g.label === 'all' && this.helper && !this.onHelper(g)) {
        const half = Math.floor(columns.length / 2);
        jobs.push({ group: g, task: task(g, columns.slice(0, half)), helper: true }, { group: g, task: task(g, columns.slice(half)), helper: false });
      } else jobs.push({ group: g, task: task(g, columns), helper: this.onHelper(g) });
    }
    const results = runPlaced(this.helper, jobs);
    const out = new Map<G, Promise<TaskResult<BalanceTask>>[]>(groups.map((g) => [g, []]));
    jobs.forEach((j, i) => out.get(j.group)?.push(results[i] as Promise<TaskResult<BalanceTask>>));
    return out;
  }
}
