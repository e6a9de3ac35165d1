// Stage "design": the stacked cohorts' units (design/cohorts.ts), their outcome counts
// (design/outcomes.ts; a part of the units at a time, so two threads can share them), the
// covariate table and the subgroups that have enough participants and controls to estimate.
// Pure functions of their inputs; parallel/schedule.ts decides where the outcome parts run.
import { WINDOW_WEEKS, type CohortReport, type ControlPool, type Units } from '../design/cohorts.ts';
import { buildCovariates, type CovariateTable } from '../design/covariates.ts';
import { fillOutcomes, type OutcomeCounts } from '../design/outcomes.ts';
import { addSplineTerms, DEFAULT_SCORE_TERMS, type ScoreTerms, type SplineKnots } from '../design/score-terms.ts';
import type { Panel } from '../panel.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { buildSubgroups } from '../subgroups.ts';
import { oneDecimal, SMALL_SUBGROUP, warn, type RunWarning } from '../warnings.ts';

/** A subgroup that goes on to the score model and the estimates: its unit rows and their treatment and cohort. */
export interface Group {
  label: string;
  /** Unit rows (indices into the units and the covariate table's columns). */
  rows: Int32Array;
  treated: Uint8Array;
  cohort: Int32Array;
}

/** Outcome counts of units [from, to) into `out` (arrays in shared memory when the helper fills a part; the panel's status too). */
export interface OutcomesPart {
  person: Int32Array;
  refWeek: Int32Array;
  panel: Panel;
  out: OutcomeCounts;
  from: number;
  to: number;
}

/** Fill one part of the units' outcome counts; returns the number of units filled. */
export function outcomesPart(t: OutcomesPart): number {
  fillOutcomes(t, t.panel, t.out, t.from, t.to);
  return t.to - t.from;
}

export interface DesignOptions {
  by: string[];
  covariates?: string[];
  /** Who the control units are (the cohorts were built with it; for the warning). */
  controlPool?: ControlPool;
  /** The score model's terms (default DEFAULT_SCORE_TERMS; `flexible`: splines of the continuous covariates too). */
  scoreTerms?: ScoreTerms;
  /** Allocator of the covariate columns (shared memory when a helper thread reads them). */
  float64?: (n: number) => Float64Array;
}

export interface Design {
  table: CovariateTable;
  groups: Group[];
  /** Participant units. */
  nTreated: number;
  /** The spline knots of each covariate with flexible terms (empty with `linear` terms). */
  knots: SplineKnots;
  warnings: RunWarning[];
}

/** Share of the control rows that later participants would add, above which the design warns (decision 017). */
export const LATER_PARTICIPANTS_SHARE = 0.01;

/** Participants left out by the cohort design (not eligible at their start, outcome window past the data), and later participants missing from earlier cohorts' controls. */
function cohortWarnings(c: CohortReport, pool: ControlPool): RunWarning[] {
  const out: RunWarning[] = [];
  if (pool !== 'not-yet' && pool !== 'censored' && c.controlRows > 0 && c.laterParticipantRows > LATER_PARTICIPANTS_SHARE * c.controlRows) {
    out.push(warn('later_participants', { rows: c.laterParticipantRows, percent: oneDecimal((100 * c.laterParticipantRows) / c.controlRows), controls: pool }));
  }
  if (c.ineligibleParticipants > 0) out.push(warn('ineligible_participants', { count: c.ineligibleParticipants }));
  if (c.truncatedParticipants > 0) {
    const cohorts = c.truncatedCohorts.join(', ');
    out.push(warn(cohorts ? 'truncated_cohorts' : 'truncated_participants', { count: c.truncatedParticipants, weeks: WINDOW_WEEKS, cohorts }));
  }
  return out;
}

/** The covariate table, the subgroups to estimate (with a warning for each one skipped or small) and the cohort design's warnings. */
export function design(persons: Persons, cohorts: CohortReport, counts: OutcomeCounts, opts: DesignOptions): Design {
  const units: Units = cohorts.units;
  const table = buildCovariates(persons, units, counts, opts.covariates, opts.float64);
  const knots = (opts.scoreTerms ?? DEFAULT_SCORE_TERMS) === 'flexible' ? addSplineTerms(table, opts.float64) : {};
  const subgroups = buildSubgroups(persons, units, opts.by);
  const warnings = cohortWarnings(cohorts, opts.controlPool ?? 'never');
  let nTreated = 0;
  for (let i = 0; i < units.n; i++) nTreated += units.treated[i] ?? 0;
  const groups: Group[] = [];
  for (const g of subgroups) {
    const rows = g.rows;
    const treated = new Uint8Array(rows.length);
    const cohort = new Int32Array(rows.length);
    let gT = 0;
    for (let i = 0; i < rows.length; i++) {
      treated[i] = units.treated[rows[i] ?? 0] ?? 0;
      cohort[i] = units.cohort[rows[i] ?? 0] ?? 0;
      gT += treated[i] ?? 0;
    }
    const gC = rows.length - gT;
    if (gT < 2 || gC < 2) {
      warnings.push(warn('subgroup_insufficient', { subgroup: g.label, treated: gT, controls: gC }));
      continue;
    }
    if (g.label !== 'all' && gT < SMALL_SUBGROUP) warnings.push(warn('small_subgroup', { subgroup: g.label, treated: gT }));
    groups.push({ label: g.label, rows, treated, cohort });
  }
  return { table, groups, nTreated, knots, warnings };
}
