// Analysis of a loaded panel, stage by stage (src/evaluation/stages/): design, then over all
// subgroups the score model, matching, weighting, estimates and balance, then the output.
// Which stages run comes from the methods' needs (estimators/registry.ts); which thread runs
// each piece, from the schedule (parallel/schedule.ts); the warnings are the stages' own.
import { methodsNeed } from '../domain/evaluation-methods.ts';
import { buildCohorts, type CohortPeriod, type ControlPool } from './design/cohorts.ts';
import { DEFAULT_SCORE_TERMS } from './design/score-terms.ts';
import { OUTCOMES, type OutcomeName } from './design/outcomes.ts';
import type { IpwWeights } from './estimators/ipw.ts';
import type { MatchedSample } from './estimators/psm.ts';
import { METHODS, type Method } from './estimators/registry.ts';
import type { ScoreModel } from './estimators/score-model.ts';
import type { Helper } from './parallel/helper.ts';
import { Schedule } from './parallel/schedule.ts';
import { unwrap } from './parallel/tasks.ts';
import type { Panel } from './panel.ts';
import type { Persons } from './readers/persons-csv.ts';
import { buildOutput } from './report/build.ts';
import type { BalanceRow, EvaluationOutput, PeriodRow, ResultRow } from './report/model.ts';
import { balanceColumns, balanceInput, POOR_SMD, POOR_VARIANCE_RATIO, termBalance, type TermBalance } from './stages/balance.ts';
import { design, type Group } from './stages/design.ts';
import { censoredEstimates } from './stages/censored.ts';
import { estimateInput, type RosenbaumRow } from './stages/estimate.ts';
import { matchedSample } from './stages/match.ts';
import { pooledScores, scoreModel } from './stages/score.ts';
import { weight } from './stages/weight.ts';
import { balanceWarnings, collectRunWarnings, type RunWarning } from './warnings.ts';

export { METHODS, type Method };

export type Stage = 'read' | 'panel' | 'design' | 'score model' | 'matching' | 'weighting' | 'estimates' | 'report';

export type ProgressFn = (stage: Stage, fraction: number) => void;

export interface AnalyseOptions {
  version: string;
  methods?: Method[];
  by?: string[];
  outcomes?: OutcomeName[];
  covariates?: string[];
  /**
   * `separate` (default): a score model per subgroup (balance within each subgroup);
   * `pooled`: one model on all units, subgroups use its scores (about half the fitting time).
   */
  scoreModel?: 'separate' | 'pooled';
  /**
   * The score model's terms: `linear` (default, DEFAULT_SCORE_TERMS): each covariate as it is;
   * `flexible`: also a natural cubic spline of each continuous covariate (design/score-terms.ts,
   * decision 017).
   */
  scoreTerms?: 'flexible' | 'linear';
  /** The cohorts' period (design/cohorts.ts CohortPeriod; default `quarter`, FORMATS.md's). */
  cohort?: CohortPeriod;
  /** Who the control units are (design/cohorts.ts ControlPool; default `never`, FORMATS.md's). */
  controlPool?: ControlPool;
  /**
   * Threads: 1 = everything on this thread; 2 = a helper thread too (evaluateFiles starts it;
   * see parallel/schedule.ts for the default). Results are identical either way.
   */
  threads?: number;
  /** Data rows read from weeks.csv / person-weeks from DREAM. */
  personWeeks: number;
  onProgress?: ProgressFn;
  /** Warnings from reading (e.g. rows before arrival). */
  warnings?: RunWarning[];
}

/** A subgroup's state through the stages. */
interface GroupState extends Group {
  model?: ScoreModel;
  sample?: MatchedSample;
  ipw?: IpwWeights;
}

/**
 * Analyse a loaded panel. With a helper thread (parallel/helper.ts) part of the work runs
 * there; the result is the same as without.
 */
export async function analyse(persons: Persons, panel: Panel, opts: AnalyseOptions, helper?: Helper): Promise<EvaluationOutput> {
  const methods = opts.methods ?? [...METHODS];
  const outcomes = opts.outcomes ?? [...OUTCOMES];
  const warnings: RunWarning[] = [...(opts.warnings ?? [])];
  const plan = new Schedule(helper);
  const tick = (stage: Stage, f: number): void => opts.onProgress?.(stage, f);
  // Stage by stage over all subgroups (each stage's tasks started first, then read in subgroup
  // order), so progress and timings read per stage and warnings come in subgroup order.
  const each = async (stage: Stage, groups: GroupState[], step: (g: GroupState) => Promise<void> | void): Promise<void> => {
    for (const [gi, g] of groups.entries()) {
      await step(g);
      tick(stage, (gi + 1) / groups.length);
    }
  };

  tick('design', 0);
  const cohorts = buildCohorts(persons, panel, opts.controlPool ?? 'never', opts.cohort ?? 'quarter');
  const counts = await plan.outcomes(cohorts.units, panel);
  const d = design(persons, cohorts, counts, { by: opts.by ?? ['gender'], covariates: opts.covariates, controlPool: opts.controlPool ?? 'never', scoreTerms: opts.scoreTerms ?? DEFAULT_SCORE_TERMS, float64: plan.float64 });
  const { table } = d;
  const groups: GroupState[] = d.groups;
  warnings.push(...d.warnings);
  plan.assign(groups);
  tick('design', 1);

  const scoreNames = new Set<string>();
  if (methodsNeed(methods, 'score')) {
    tick('score model', 0);
    const pooled = opts.scoreModel === 'pooled' ? groups.find((g) => g.label === 'all') : undefined;
    // Pooled: 'all' fitted (first: its rows are the unit indices), the others take its scores.
    const fits = plan.perGroup(pooled ? [pooled] : groups, (g) => ({ kind: 'score', table, rows: g.rows, treated: g.treated }), { here: pooled !== undefined });
    await each('score model', groups, async (g) => {
      const f = fits.get(g);
      if (f === undefined) {
        if (pooled?.model) g.model = pooledScores(pooled.model, g.rows);
        return;
      }
      const fit = unwrap(await f);
      fit.names.forEach((n) => scoreNames.add(n));
      const s = scoreModel(g.label, fit, { table, rows: g.rows, treated: g.treated });
      warnings.push(...s.warnings);
      if (s.model) g.model = s.model;
    });
  }
  if (methodsNeed(methods, 'match')) {
    tick('matching', 0);
    const matches = plan.perGroup(groups, (g) => g.model && { kind: 'match', logit: g.model.logit, treated: g.treated, cohort: g.cohort });
    await each('matching', groups, async (g) => {
      const m = matches.get(g);
      if (!m) return;
      const s = matchedSample(g.label, unwrap(await m));
      warnings.push(...s.warnings);
      if (s.sample) g.sample = s.sample;
    });
  }
  if (methodsNeed(methods, 'weight')) {
    tick('weighting', 0);
    await each('weighting', groups, (g) => {
      if (!g.model) return;
      const w = weight(g.label, g.treated, g.model.score);
      warnings.push(...w.warnings);
      g.ipw = w.ipw;
    });
  }

  // Each subgroup's estimates from its own rows' outcome counts, and its balance table.
  tick('estimates', 0);
  const run = { methods, outcomes, counts, unitPerson: cohorts.units.person, table };
  const censored = opts.controlPool === 'censored' ? censoredEstimates(persons, panel, cohorts, counts, groups, methods, outcomes, table, opts.scoreModel !== 'pooled') : undefined;
  const estimates = plan.perGroup(censored ? [] : groups, (g) => ({ kind: 'estimates', ...estimateInput(g, run) }));
  const balanceParts = plan.balance(groups, balanceColumns(table), (g, columns) => ({ kind: 'balance', ...balanceInput(g, table, columns) }));
  const results: ResultRow[] = censored ? censored.results : [];
  const byPeriod: PeriodRow[] = censored ? censored.byPeriod : [];
  const rosenbaum: RosenbaumRow[] = [];
  await each('estimates', groups, async (g) => {
    const e = estimates.get(g);
    if (!e) return;
    const { results: r, byPeriod: p, rosenbaum: gammas } = unwrap(await e);
    results.push(...r);
    byPeriod.push(...p);
    rosenbaum.push(...gammas);
  });
  const balance = new Map<string, BalanceRow[]>();
  const terms = new Map<string, TermBalance[]>();
  for (const g of groups) {
    const rows: BalanceRow[] = [];
    for (const p of balanceParts.get(g) ?? []) rows.push(...unwrap(await p));
    balance.set(g.label, rows);
    // Balance on the flexible terms (squares, splines, variance ratios) and its warnings.
    const t = termBalance(balanceInput(g, table, []));
    if (t.length > 0) terms.set(g.label, t);
    warnings.push(...balanceWarnings(g.label, rows, t, { smd: POOR_SMD, varianceRatio: POOR_VARIANCE_RATIO }));
  }
  warnings.push(...collectRunWarnings(results));
  return buildOutput({
    version: opts.version,
    persons,
    personWeeks: opts.personWeeks,
    cohorts,
    nTreated: d.nTreated,
    table,
    scoreNames,
    scoreModel: opts.scoreModel ?? 'separate',
    scoreTerms: opts.scoreTerms ?? DEFAULT_SCORE_TERMS,
    controlPool: opts.controlPool ?? 'never',
    cohortPeriod: opts.cohort ?? 'quarter',
    knots: d.knots,
    ...(censored ? { censoring: { hazard: censored.hazard, censoredControlRows: censored.censoredControlRows } } : {}),
    methods,
    results,
    byPeriod,
    balance,
    balanceTerms: terms,
    warnings,
    rosenbaum,
  });
}
