// The schedule places work, it does not change it: the helper's share of the subgroups, the
// order tasks start in, the split of subgroup all's balance table and of the outcome counts.
import { describe, expect, it } from 'vitest';
import { computeOutcomes } from '../design/outcomes.ts';
import type { Units } from '../design/cohorts.ts';
import type { Panel } from '../panel.ts';
import type { Helper } from './helper.ts';
import { runPlaced, Schedule, weeksSplitFraction } from './schedule.ts';
import { runTask, type BalanceTask, type OutcomesTask, type Task, type TaskResult } from './tasks.ts';

/** A helper that runs its tasks here, in the order posted, and logs them. */
function fakeHelper(log: string[]): Helper {
  return {
    run<T extends Task>(task: T) {
      log.push(`helper ${task.kind}`);
      return Promise.resolve(runTask(task) as TaskResult<T>);
    },
    close: () => Promise.resolve(),
  };
}

const group = (label: string, n: number) => ({ label, rows: new Int32Array(n) });

/** An outcomes task over no units that logs when it is run (the first time its input is read). */
function loggedOutcomes(log: string[], name: string): OutcomesTask {
  const units: Units = { n: 0, person: new Int32Array(0), refWeek: new Int32Array(0), cohort: new Int32Array(0), treated: new Uint8Array(0), cohorts: [] };
  const panel: Panel = { nPersons: 0, weekStart: 0, nWeeks: 0, status: new Uint8Array(0) };
  const out = computeOutcomes(units, panel);
  let ran = false;
  return {
    kind: 'outcomes',
    person: units.person,
    refWeek: units.refWeek,
    panel,
    out,
    get from() {
      if (!ran) log.push(`here ${name}`);
      ran = true;
      return 0;
    },
    to: 0,
  };
}

describe('schedule', () => {
  it('gives the helper about half the subgroups’ rows, greedily by size (F and M against all); none without a helper', () => {
    const groups = [group('all', 1000), group('gender=F', 480), group('gender=M', 520)];
    const two = new Schedule(fakeHelper([]));
    two.assign(groups);
    expect(groups.map((g) => two.onHelper(g))).toEqual([false, true, true]);
    const one = new Schedule(undefined);
    one.assign(groups);
    expect(groups.map((g) => one.onHelper(g))).toEqual([false, false, false]);
    expect(one.float64).toBeUndefined();
    expect(two.float64?.(3).buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('posts the helper’s tasks before running this thread’s, and gives results in the jobs’ order', async () => {
    const log: string[] = [];
    const results = runPlaced(fakeHelper(log), [
      { task: loggedOutcomes(log, 'a'), helper: false },
      { task: loggedOutcomes(log, 'b'), helper: true },
      { task: loggedOutcomes(log, 'c'), helper: false },
    ]);
    expect(log.slice(0, 2)).toEqual(['helper outcomes', 'here b']); // the fake helper runs b at once
    expect(log.slice(2)).toEqual(['here a', 'here c']);
    expect((await Promise.all(results)).map((r) => r.ok)).toEqual([true, true, true]);
  });

  it('splits subgroup all’s balance columns in two with a helper (first half there), keeping the column order', async () => {
    const log: string[] = [];
    const s = new Schedule(fakeHelper(log));
    const groups = [group('all', 10), group('gender=F', 5), group('gender=M', 5)];
    s.assign(groups);
    const seen: [string, number[]][] = [];
    const task = (g: { label: string }, covariates: number[]): BalanceTask => {
      seen.push([g.label, covariates]);
      return { kind: 'balance', table: { names: [], kinds: [], columns: [] }, rows: new Int32Array(0), treated: new Uint8Array(0), covariates: [] };
    };
    const parts = s.balance(groups, [0, 1, 2, 3, 4], task);
    expect(seen).toEqual([['all', [0, 1]], ['all', [2, 3, 4]], ['gender=F', [0, 1, 2, 3, 4]], ['gender=M', [0, 1, 2, 3, 4]]]);
    expect(groups.map((g) => parts.get(g)?.length)).toEqual([2, 1, 1]);
    expect(log).toEqual(['helper balance', 'helper balance', 'helper balance']);
    const alone = new Schedule(undefined);
    alone.assign(groups);
    expect(groups.map((g) => alone.balance(groups, [0, 1], task).get(g)?.length)).toEqual([1, 1, 1]);
  });

  it('fills the outcome counts in two halves with a helper, the same as in one go', async () => {
    const nPersons = 40;
    const nWeeks = 160;
    const status = Uint8Array.from({ length: nPersons * nWeeks }, (_, i) => (i * 7919) % 11);
    const panel: Panel = { nPersons, weekStart: 2400, nWeeks, status };
    const n = 75;
    const units: Units = {
      n,
      person: Int32Array.from({ length: n }, (_, i) => i % nPersons),
      refWeek: Int32Array.from({ length: n }, (_, i) => 2400 + 40 + (i % 60)),
      cohort: new Int32Array(n),
      treated: Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0)),
      cohorts: ['2016Q1'],
    };
    const log: string[] = [];
    const two = await new Schedule(fakeHelper(log)).outcomes(units, panel);
    expect(log).toEqual(['helper outcomes']);
    expect(two).toEqual(computeOutcomes(units, panel));
  });

  it('splits weeks.csv so that this thread, reading persons.csv first, takes that much less (between 0.1 and 0.5)', () => {
    expect(weeksSplitFraction(1000, 0)).toBe(0.5);
    expect(weeksSplitFraction(1000, 10)).toBeCloseTo((1000 - 450) / 2000, 12);
    expect(weeksSplitFraction(1000, 100)).toBe(0.1);
    expect(weeksSplitFraction(0, 10)).toBe(0.5);
  });
});
