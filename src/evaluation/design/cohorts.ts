// Stacked quarterly cohorts (FORMATS.md design defaults): each participant is a unit at their
// start week; for every start quarter with participants, each eligible person of the control
// pool becomes a unit with that quarter's first week as reference week.
import { firstDayOfQuarter, quarterLabel, quarterOfDay, weekOfDay } from '../iso-week.ts';
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

export function buildCohorts(persons: Persons, panel: Panel): CohortReport {
  const lastWeek = panel.weekStart + panel.nWeeks - 1;
  const fits = (ref: number): boolean => ref + WINDOW_WEEKS - 1 <= lastWeek;
  const quarterOf = new Map<number, number[]>();
  let participants = 0;
  let ineligible = 0;
  let truncated = 0;
  for (let p = 0; p < persons.n; p++) {
    if (!persons.participant[p]) continue;
    participants++;
    const day = persons.startDay[p] ?? 0;
    const ref = weekOfDay(day);
    if (!eligible(panel, persons, p, ref)) {
      ineligible++;
      continue;
    }
    if (!fits(ref)) {
      truncated++;
      continue;
    }
    const q = quarterOfDay(day);
    let list = quarterOf.get(q);
    if (!list) quarterOf.set(q, (list = []));
    list.push(p);
  }
  const quarters = [...quarterOf.keys()].sort((a, b) => a - b);
  const controls: number[] = [];
  for (let p = 0; p < persons.n; p++) if (!persons.participant[p]) controls.push(p);
  const person: number[] = [];
  const refWeek: number[] = [];
  const cohort: number[] = [];
  const treated: number[] = [];
  const cohorts: string[] = [];
  const truncatedCohorts: string[] = [];
  for (const q of quarters) {
    const cRef = quarterFirstWeek(q);
    if (!fits(cRef)) {
      truncatedCohorts.push(quarterLabel(q));
      truncated += quarterOf.get(q)?.length ?? 0;
      continue;
    }
    const ci = cohorts.length;
    cohorts.push(quarterLabel(q));
    for (const p of quarterOf.get(q) ?? []) {
      person.push(p);
      refWeek.push(weekOfDay(persons.startDay[p] ?? 0));
      cohort.push(ci);
      treated.push(1);
    }
    for (const p of controls) {
      if (!eligible(panel, persons, p, cRef)) continue;
      person.push(p);
      refWeek.push(cRef);
      cohort.push(ci);
      treated.push(0);
    }
  }
  return {
    units: {
      n: person.length,
      person: Int32Array.from(person),
      refWeek: Int32Array.from(refWeek),
      cohort: Int32Array.from(cohort),
      treated: Uint8Array.from(treated),
      cohorts,
    },
    participants,
    controlPool: controls.length,
    ineligibleParticipants: ineligible,
    truncatedParticipants: truncated,
    truncatedCohorts,
  };
}
