// Stacked quarterly cohorts (FORMATS.md design defaults): each participant is a unit at their
// start week; for every start quarter with participants, each eligible person of the control
// pool becomes a unit with that quarter's first week as reference week.
import { firstDayOfMonth, firstDayOfQuarter, monthLabel, monthOfDay, quarterLabel, quarterOfDay, weekOfDay } from '../iso-week.ts';
import type { Panel } from '../panel.ts';
import { statusAt } from '../panel.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { S } from '../statuses.ts';

export const WINDOW_WEEKS = 52;

export interface Units {
  n: number;
  person: Int32Array;
  refWeek: Int32Array;
  /** Index into `cohorts`. */
  cohort: Int32Array;
  treated: Uint8Array;
  cohorts: string[];
}

export interface CohortReport {
  units: Units;
  participants: number;
  controlPool: number;
  /** Participants not eligible at their start week (not arrived, or employed / IGU / in education). */
  ineligibleParticipants: number;
  /** Participants whose 52-week outcome window runs past the last week of the data. */
  truncatedParticipants: number;
  /** Cohorts dropped because their window runs past the data. */
  truncatedCohorts: string[];
  /**
   * Participants of later cohorts who were eligible at an earlier cohort's reference week and
   * start within its outcome window, counted once per such cohort: with the `never` pool they
   * are in none of those cohorts' controls (decision 017), with `clean` neither; `not-yet` has them.
   */
  laterParticipantRows: number;
  /** Control rows (units with treated 0). */
  controlRows: number;
  /** Per cohort the first week of the period after it (controls of `censored` are at risk of starting from there). */
  cohortNextWeek: Int32Array;
}

/** Eligible in the reference week: arrived before it and not employed, in IGU or in education. */
export function eligible(panel: Panel, persons: Persons, person: number, refWeek: number): boolean {
  if (weekOfDay(persons.arrivalDay[person] ?? 0) >= refWeek) return false;
  const s = statusAt(panel, person, refWeek);
  return s !== S.employment && s !== S.igu && s !== S.education;
}

/** The quarter's first ISO week: the first week whose Thursday falls in the quarter. */
export function quarterFirstWeek(q: number): number {
  return weekOfDay(firstDayOfQuarter(q) + 3);
}

/**
 * Who is a control unit of a cohort: `never` (FORMATS.md's default) the control pool (group =
 * control) only; `not-yet`: also every participant who starts in a later quarter (their outcomes
 * as observed, so the later programme counts in their window); `clean`: also every participant
 * who starts 52 weeks or more after the cohort's reference week (a window before their start);
 * `other-quarters` (a diagnostic of the bias study, meaningful only without an effect): every
 * participant in every cohort but their own, before or after their start; `censored` (decision
 * 018/024): the control pool and every participant who starts after the cohort's period (any
 * participant: also those whose own cohort is not estimated), each followed only until its own
 * start — the estimators censor it there and weight by the inverse probability of not having
 * started yet (design/censoring.ts, estimators/censored.ts).
 */
export type ControlPool = 'never' | 'not-yet' | 'clean' | 'other-quarters' | 'censored';

/**
 * The cohorts' calendar period (FORMATS.md: `quarter`); `month` is the bias study's variant of
 * the reference-week rule (controls at the month's first week: at most 4 weeks from their
 * participants' start instead of 13). Pools and warnings say "quarter" for either.
 */
export type CohortPeriod = 'quarter' | 'month';
const PERIODS: Record<CohortPeriod, { of: (day: number) => number; firstDay: (k: number) => number; label: (k: number) => string }> = {
  quarter: { of: quarterOfDay, firstDay: firstDayOfQuarter, label: quarterLabel },
  month: { of: monthOfDay, firstDay: firstDayOfMonth, label: monthLabel },
};

export function buildCohorts(persons: Persons, panel: Panel, pool: ControlPool = 'never', period: CohortPeriod = 'quarter'): CohortReport {
  const P = PERIODS[period];
  const lastWeek = panel.weekStart + panel.nWeeks - 1;
  const fits = (ref: number): boolean => ref + WINDOW_WEEKS - 1 <= lastWeek;
  // Each person's arrival week once (eligible() would recompute it for every person and cohort).
  const nP = persons.n;
  const arrivalWeek = new Int32Array(nP);
  for (let p = 0; p < nP; p++) arrivalWeek[p] = weekOfDay(persons.arrivalDay[p] ?? 0);
  // Statuses that make a person ineligible in the reference week (see eligible()).
  const blocked = new Uint8Array(256);
  blocked[S.employment] = 1;
  blocked[S.igu] = 1;
  blocked[S.education] = 1;
  const nw = panel.nWeeks;
  const st = panel.status;
  const isEligible = (p: number, ref: number): boolean => {
    if ((arrivalWeek[p] as number) >= ref) return false;
    const c = ref - panel.weekStart;
    return c < 0 || c >= nw || blocked[st[p * nw + c] ?? 0] === 0;
  };
  const quarterOf = new Map<number, number[]>();
  let participants = 0;
  let ineligible = 0;
  let truncated = 0;
  let nControls = 0;
  for (let p = 0; p < nP; p++) {
    if (!persons.participant[p]) {
      nControls++;
      continue;
    }
    participants++;
    const day = persons.startDay[p] ?? 0;
    const ref = weekOfDay(day);
    if (!isEligible(p, ref)) {
      ineligible++;
      continue;
    }
    if (!fits(ref)) {
      truncated++;
      continue;
    }
    const q = P.of(day);
    let list = quarterOf.get(q);
    if (!list) quarterOf.set(q, (list = []));
    list.push(p);
  }
  const quarters = [...quarterOf.keys()].sort((a, b) => a - b);
  const controls = new Int32Array(nControls);
  for (let p = 0, k = 0; p < nP; p++) if (!persons.participant[p]) controls[k++] = p;
  // Per kept cohort its participants and eligible controls (exact-size typed arrays), so the
  // unit arrays are allocated once at their final size and filled by set/fill.
  const cohorts: string[] = [];
  const cohortRef: number[] = [];
  const cohortNext: number[] = [];
  const cohortParticipants: number[][] = [];
  const cohortControls: Int32Array[] = [];
  const truncatedCohorts: string[] = [];
  const scratch = new Int32Array(pool === 'never' ? nControls : nP);
  const allParticipants = new Int32Array(pool === 'censored' ? participants : 0);
  const allStarts = new Int32Array(allParticipants.length);
  if (pool === 'censored') {
    for (let p = 0, j = 0; p < nP; p++) {
      if (!persons.participant[p]) continue;
      allParticipants[j] = p;
      allStarts[j++] = weekOfDay(persons.startDay[p] ?? 0);
    }
  }
  let n = 0;
  let laterRows = 0;
  let controlRows = 0;
  for (const q of quarters) {
    const cRef = weekOfDay(P.firstDay(q) + 3);
    const list = quarterOf.get(q) ?? [];
    if (!fits(cRef)) {
      truncatedCohorts.push(P.label(q));
      truncated += list.length;
      continue;
    }
    cohorts.push(P.label(q));
    cohortRef.push(cRef);
    cohortNext.push(weekOfDay(P.firstDay(q + 1) + 3));
    cohortParticipants.push(list);
    let k = 0;
    for (let j = 0; j < nControls; j++) {
      const p = controls[j] as number;
      if (isEligible(p, cRef)) scratch[k++] = p;
    }
    for (const q2 of quarters) {
      if (q2 <= q) continue;
      for (const p of quarterOf.get(q2) ?? []) if (weekOfDay(persons.startDay[p] ?? 0) < cRef + WINDOW_WEEKS && isEligible(p, cRef)) laterRows++;
    }
    if (pool === 'censored') {
      // Every participant starting after this cohort's period (the week its successor begins).
      const next = weekOfDay(P.firstDay(q + 1) + 3);
      for (let j = 0; j < allParticipants.length; j++) {
        const p = allParticipants[j] as number;
        if ((allStarts[j] as number) >= next && isEligible(p, cRef)) scratch[k++] = p;
      }
    } else if (pool !== 'never') {
      for (const q2 of quarters) {
        if (q2 === q || (q2 < q && pool !== 'other-quarters')) continue;
        for (const p of quarterOf.get(q2) ?? []) {
          const start = weekOfDay(persons.startDay[p] ?? 0);
          if ((pool !== 'clean' || start >= cRef + WINDOW_WEEKS) && isEligible(p, cRef)) scratch[k++] = p;
        }
      }
    }
    cohortControls.push(scratch.slice(0, k));
    n += list.length + k;
    controlRows += k;
  }
  const person = new Int32Array(n);
  const refWeek = new Int32Array(n);
  const cohort = new Int32Array(n);
  const treated = new Uint8Array(n);
  let at = 0;
  for (let ci = 0; ci < cohorts.length; ci++) {
    const list = cohortParticipants[ci] as number[];
    for (let j = 0; j < list.length; j++) {
      const p = list[j] as number;
      person[at + j] = p;
      refWeek[at + j] = weekOfDay(persons.startDay[p] ?? 0);
    }
    treated.fill(1, at, at + list.length);
    cohort.fill(ci, at, at + list.length);
    at += list.length;
    const ctl = cohortControls[ci] as Int32Array;
    person.set(ctl, at);
    refWeek.fill(cohortRef[ci] as number, at, at + ctl.length);
    cohort.fill(ci, at, at + ctl.length);
    at += ctl.length;
  }
  return {
    units: { n, person, refWeek, cohort, treated, cohorts },
    participants,
    controlPool: nControls,
    ineligibleParticipants: ineligible,
    truncatedParticipants: truncated,
    truncatedCohorts,
    laterParticipantRows: laterRows,
    controlRows,
    cohortNextWeek: Int32Array.from(cohortNext),
  };
}
