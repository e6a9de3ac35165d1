// The evaluation output (model.ts: FORMATS.md's JSON and jobvej's additions) from what the
// stages produced.
import { WINDOW_WEEKS, type CohortPeriod, type CohortReport, type ControlPool } from '../design/cohorts.ts';
import type { HazardFit } from '../design/censoring.ts';
import type { CovariateTable } from '../design/covariates.ts';
import { isAdjusted } from '../../domain/evaluation-methods.ts';
import { CALIPER_SD } from '../estimators/psm.ts';
import { attEValues } from '../estimators/sensitivity.ts';
import type { Method } from '../estimators/registry.ts';
import type { Persons } from '../readers/persons-csv.ts';
import type { ScoreTerms, SplineKnots } from '../design/score-terms.ts';
import type { TermBalance } from '../stages/balance.ts';
import type { RosenbaumRow } from '../stages/estimate.ts';
import type { RunWarning } from '../warnings.ts';
import { finiteOrNull, type BalanceRow, type EvaluationOutput, type PeriodRow, type ResultRow, type SensitivityRow } from './model.ts';

export interface OutputParts {
  version: string;
  persons: Persons;
  personWeeks: number;
  cohorts: CohortReport;
  /** Participant units. */
  nTreated: number;
  table: CovariateTable;
  /** Covariate columns of the score models fitted (empty: none was). */
  scoreNames: ReadonlySet<string>;
  scoreModel: 'separate' | 'pooled';
  scoreTerms: ScoreTerms;
  controlPool: ControlPool;
  cohortPeriod: CohortPeriod;
  /** Spline knots per covariate (flexible terms). */
  knots: SplineKnots;
  /** The `censored` design's hazard model of starting and how many control rows it censored. */
  censoring?: { hazard: HazardFit; censoredControlRows: number };
  methods: readonly Method[];
  results: ResultRow[];
  byPeriod: PeriodRow[];
  /** Balance table per subgroup, in subgroup order. */
  balance: ReadonlyMap<string, BalanceRow[]>;
  /** Balance on the flexible terms per subgroup (subgroups with an adjusted estimate). */
  balanceTerms: ReadonlyMap<string, TermBalance[]>;
  warnings: RunWarning[];
  /** PSM's Rosenbaum Γ per outcome and subgroup (the estimate stage's). */
  rosenbaum?: readonly RosenbaumRow[];
}

/** An output number that may be null as NaN. */
const num = (x: number | null): number => x ?? Number.NaN;

/** Every adjusted estimate's E-values, with Rosenbaum's Γ where the method has one (decision 030). */
export function sensitivityRows(results: readonly ResultRow[], rosenbaum: readonly RosenbaumRow[]): SensitivityRow[] {
  const key = (r: { outcome: string; subgroup: string; method: string }): string => `${r.outcome}\u0000${r.subgroup}\u0000${r.method}`;
  const gamma = new Map(rosenbaum.map((r) => [key(r), r.gamma]));
  return results
    .filter((r) => isAdjusted(r.method))
    .map((r) => {
      const e = attEValues({ treatedMean: num(r.treated_mean), att: num(r.att), ciLow: num(r.ci_low), ciHigh: num(r.ci_high) });
      const g = gamma.get(key(r));
      return { outcome: r.outcome, subgroup: r.subgroup, method: r.method, e_value: e.point === null ? null : finiteOrNull(e.point), e_value_ci: e.ci === null ? null : finiteOrNull(e.ci), ...(g !== undefined ? { rosenbaum_gamma: g === null ? null : finiteOrNull(g) } : {}) };
    });
}

export function buildOutput(p: OutputParts): EvaluationOutput {
  const { table, cohorts } = p;
  const units = cohorts.units;
  const covariates = table.names.filter((n, k) => table.kinds[k] !== 'cohort' && table.kinds[k] !== 'spline' && (p.scoreNames.size === 0 || p.scoreNames.has(n)));
  if (units.cohorts.length > 1) covariates.push('cohort');
  const balanceBySubgroup: Record<string, BalanceRow[]> = {};
  for (const [label, rows] of p.balance) if (label !== 'all') balanceBySubgroup[label] = rows;
  const sensitivity = sensitivityRows(p.results, p.rosenbaum ?? []);
  return {
    jobvej_version: p.version,
    input: { persons: p.persons.n, person_weeks: p.personWeeks, participants: cohorts.participants, control_pool: cohorts.controlPool },
    design: {
      window_weeks: WINDOW_WEEKS,
      cohort: p.cohortPeriod,
      covariates,
      cohorts: units.cohorts,
      units: { participants: p.nTreated, control_rows: units.n - p.nTreated },
      caliper_sd: CALIPER_SD,
      score_model: p.scoreModel,
      methods: [...p.methods],
      score_terms: p.scoreTerms,
      controls: p.controlPool,
      ...(Object.keys(p.knots).length > 0 ? { spline_knots: p.knots } : {}),
      ...(p.censoring
        ? {
            censoring: {
              hazard_terms: p.censoring.hazard.names,
              hazard_coef: p.censoring.hazard.coef,
              hazard_knots: p.censoring.hazard.knots,
              starts: p.censoring.hazard.events,
              person_weeks: p.censoring.hazard.nonEvents,
              person_week_stride: p.censoring.hazard.stride,
              converged: p.censoring.hazard.converged,
              censored_control_rows: p.censoring.censoredControlRows,
            },
          }
        : {}),
    },
    results: p.results,
    by_period: p.byPeriod,
    balance: p.balance.get('all') ?? [],
    warnings: p.warnings.map((w) => w.text),
    // Optional additions after FORMATS.md's keys.
    ...(Object.keys(balanceBySubgroup).length > 0 ? { balance_by_subgroup: balanceBySubgroup } : {}),
    warning_details: p.warnings.map(({ code, params }) => ({ code, params })),
    ...(p.balanceTerms.size > 0 ? { balance_terms: Object.fromEntries(p.balanceTerms) } : {}),
    ...(sensitivity.length > 0 ? { sensitivity } : {}),
  };
}
