// Analysis of a loaded panel: design (cohorts, outcomes, covariates), then per subgroup the
// score model, matching, weighting and the estimators, and the report model with warnings.
import { buildCohorts, WINDOW_WEEKS, type Units } from './design/cohorts.ts';
import { buildCovariates, designMatrix } from './design/covariates.ts';
import { allocateOutcomes, computeOutcomes, fillOutcomes, OUTCOMES, type OutcomeCounts, type OutcomeName } from './design/outcomes.ts';
import { ipwWeights, type IpwWeights } from './estimators/ipw.ts';
import { CALIPER_SD, type MatchedSample } from './estimators/psm.ts';
import type { ScoreModel } from './estimators/score-model.ts';
import { runOn, type Helper } from './parallel/helper.ts';
import { runTask, unwrap, type BalanceTask, type EstimatesTask, type MatchTask, type OutcomesTask, type ScoreTask, type TaskResult } from './parallel/tasks.ts';
import { balanceColumns } from './estimators/balance.ts';
import { emptyCategories } from './estimators/empty-categories.ts';
import type { Panel } from './panel.ts';
import type { Persons } from './readers/persons-csv.ts';
import type { BalanceRow, EvaluationOutput, PeriodRow, ResultRow } from './report/model.ts';
import { buildSubgroups } from './subgroups.ts';
import { collectRunWarnings, runWarning, SMALL_SUBGROUP, type RunWarning } from './warnings.ts';

export const METHODS = ['naive', 'psm', 'ipw', 'did'] as const;
export type Method = (typeof METHODS)[number];

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
   * Threads: 1 = everything on this thread; 2 = a helper thread too (evaluateFiles starts it;
   * see parallel/helper.ts for the default). Results are identical either way.
   */
  threads?: number;
  /** Data rows read from weeks.csv / person-weeks from DREAM. */
  personWeeks: number;
  onProgress?: ProgressFn;
  /** Warnings from reading (e.g. rows before arrival). */
  warnings?: RunWarning[];
}

/** A subgroup's state through the stages. */
interface GroupState {
  label: string;
  rows: Int32Array;
  treated: Uint8Array;
  cohort: Int32Array;
  model?: ScoreModel;
  sample?: MatchedSample;
  ipw?: IpwWeights;
}

/** The subgroups to fit on the helper thread: greedily by size, so both threads get about as many rows (ties stay here). */
function helperShare(groups: GroupState[]): Set<GroupState> {
  const out = new Set<GroupState>();
  let here = 0;
  let there = 0;
  for (const g of [...groups].sort((a, b) => b.rows.length - a.rows.length)) {
    if (there < here) {
      out.add(g);
      there += g.rows.length;
    } else here += g.rows.length;
  }
  return out;
}

const tick = (opts: AnalyseOptions, stage: Stage, f: number): void => opts.onProgress?.(stage, f);

/** computeOutcomes with the second half of the units on the helper (panel and results in shared memory). */
async function outcomesOnTwo(units: Units, panel: Panel, helper: Helper): Promise<OutcomeCounts> {
  let shared = panel;
  if (!(panel.status.buffer instanceof SharedArrayBuffer)) {
    const status = new Uint8Array(new SharedArrayBuffer(panel.status.length));
    status.set(panel.status);
    shared = { ...panel, status };
  }
  const out = allocateOutcomes(units.n, (bytes) => new Uint8Array(new SharedArrayBuffer(bytes)));
  const mid = Math.floor(units.n / 2);
  const task: OutcomesTask = { kind: 'outcomes', person: units.person, refWeek: units.refWeek, panel: shared, out, from: mid, to: units.n };
  const remote = helper.run(task, []);
  fillOutcomes(units, shared, out, 0, mid);
  unwrap(await remote);
  return out;
}

const sharedFloat64 = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(n * 8));

/**
 * Analyse a loaded panel. With a helper thread (parallel/helper.ts) part of the work runs
 * there; the result is the same as without.
 */
export async function analyse(persons: Persons, panel: Panel, opts: AnalyseOptions, helper?: Helper): Promise<EvaluationOutput> {
  const methods = opts.methods ?? ['naive', 'psm', 'ipw', 'did'];
  const outcomes = opts.outcomes ?? [...OUTCOMES];
  const warnings: RunWarning[] = [...(opts.warnings ?? [])];
  tick(opts, 'design', 0);
  const cohorts = buildCohorts(persons, panel);
  const units = cohorts.units;
  const counts = helper ? await outcomesOnTwo(units, panel, helper) : computeOutcomes(units, panel);
  // With a helper thread the covariate columns live in shared memory: it builds its subgroups' designs from them.
  const table = buildCovariates(persons, units, counts, opts.covariates, helper ? sharedFloat64 : undefined);
  const subgroups = buildSubgroups(persons, units, opts.by ?? ['gender']);
  tick(opts, 'design', 1);
  if (cohorts.ineligibleParticipants > 0) {
    warnings.push(runWarning('ineligible_participants', { count: cohorts.ineligibleParticipants }, `${cohorts.ineligibleParticipants} participant(s) were not eligible at their start week (not yet arrived, or employed, in IGU or in education) and are left out.`));
  }
  if (cohorts.truncatedParticipants > 0) {
    const cohortList = cohorts.truncatedCohorts.join(', ');
    warnings.push(
      runWarning(
        cohortList ? 'truncated_cohorts' : 'truncated_participants',
        { count: cohorts.truncatedParticipants, weeks: WINDOW_WEEKS, cohorts: cohortList },
        `${cohorts.truncatedParticipants} participant(s) started less than ${WINDOW_WEEKS} weeks before the last week in the data${cohortList ? ` (cohorts ${cohortList})` : ''}; their outcome window is incomplete and they are left out.`,
      ),
    );
  }
  let nT = 0;
  for (let i = 0; i < units.n; i++) nT += units.treated[i] ?? 0;

  const results: ResultRow[] = [];
  const byPeriod: PeriodRow[] = [];
  const balance: BalanceRow[] = [];
  const scoreNames = new Set<string>();
  // Stage by stage over all subgroups, so progress and timings read per stage.
  const groups: GroupState[] = [];
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
      warnings.push(runWarning('subgroup_insufficient', { subgroup: g.label, treated: gT, controls: gC }, `Subgroup ${g.label}: ${gT} participant(s) and ${gC} control row(s) — too few to estimate anything; skipped.`));
      continue;
    }
    if (g.label !== 'all' && gT < SMALL_SUBGROUP) {
      warnings.push(runWarning('small_subgroup', { subgroup: g.label, treated: gT }, `Subgroup ${g.label} has only ${gT} participants: its estimates are uncertain (wide confidence intervals); the booklet called its result for 195 men uncertain for the same reason.`));
    }
    groups.push({ label: g.label, rows, treated, cohort });
  }
  // With a helper thread: its share of the subgroups (about half the rows) for the model, matching and estimates.
  const remoteGroups = helper ? helperShare(groups) : new Set<GroupState>();
  const wantModel = methods.includes('psm') || methods.includes('ipw');
  const nG = groups.length;
  if (wantModel) {
    tick(opts, 'score model', 0);
    const pooled = opts.scoreModel === 'pooled' ? groups.find((g) => g.label === 'all') : undefined;
    // Fit each subgroup's model ('all' only when pooled): a share of the subgroups (about half
    // the rows) on the helper thread, the rest here meanwhile; then read them in subgroup order.
    const toFit = pooled ? [pooled] : groups;
    const remote = pooled ? new Set<GroupState>() : remoteGroups;
    const fits = new Map<GroupState, Promise<TaskResult<ScoreTask>>>();
    const scoreTask = (g: GroupState): ScoreTask => ({ kind: 'score', table, rows: g.rows, treated: g.treated });
    for (const g of toFit) if (remote.has(g)) fits.set(g, runOn(helper, scoreTask(g), []));
    for (const g of toFit) if (!remote.has(g)) fits.set(g, Promise.resolve(runTask(scoreTask(g))));
    for (const [gi, g] of groups.entries()) {
      const f = fits.get(g);
      if (f === undefined) {
        // Pooled: the subgroup takes its rows' scores from the model fitted on all units
        // ('all' is fitted first; its rows are the unit indices).
        const m = pooled?.model;
        if (m) {
          const score = new Float64Array(g.rows.length);
          const logit = new Float64Array(g.rows.length);
          g.rows.forEach((r, i) => {
            score[i] = m.score[r] ?? 0;
            logit[i] = m.logit[r] ?? 0;
          });
          g.model = { score, logit, fit: m.fit };
        }
        tick(opts, 'score model', (gi + 1) / nG);
        continue;
      }
      const { names, fit } = unwrap(await f);
      names.forEach((n) => scoreNames.add(n));
      if (!('error' in fit)) {
        const model: ScoreModel = { score: fit.fitted, logit: fit.eta, fit };
        if (model.fit.separation) warnings.push(separationWarning(g.label, designMatrix(table, g.rows), g.treated, model.fit.message));
        else if (!model.fit.converged) warnings.push(runWarning('not_converged', { subgroup: g.label, iterations: model.fit.iterations }, `Subgroup ${g.label}: the propensity score model did not converge in ${model.fit.iterations} iterations.`));
        g.model = model;
      } else {
        warnings.push(runWarning('model_failed', { subgroup: g.label, error: fit.error }, `Subgroup ${g.label}: the propensity score model could not be fitted (${fit.error}); PSM and IPW are skipped.`));
      }
      tick(opts, 'score model', (gi + 1) / nG);
    }
  }
  if (methods.includes('psm')) {
    tick(opts, 'matching', 0);
    // The helper's subgroups matched there, the others here meanwhile.
    const matchTask = (g: GroupState, m: ScoreModel): MatchTask => ({ kind: 'match', logit: m.logit, treated: g.treated, cohort: g.cohort });
    const matches = new Map<GroupState, Promise<TaskResult<MatchTask>>>();
    for (const g of groups) if (g.model && remoteGroups.has(g)) matches.set(g, runOn(helper, matchTask(g, g.model), []));
    for (const g of groups) if (g.model && !remoteGroups.has(g)) matches.set(g, Promise.resolve(runTask(matchTask(g, g.model))));
    for (const [gi, g] of groups.entries()) {
      const m = matches.get(g);
      if (m) {
        const sample = unwrap(await m);
        const lost = sample.nTreated - sample.nTreatedMatched;
        if (lost > 0 && lost / sample.nTreated > 0.05) {
          const percent = ((100 * lost) / sample.nTreated).toFixed(1);
          warnings.push(
            runWarning(
              'psm_support',
              { subgroup: g.label, lost, treated: sample.nTreated, percent: Number(percent), caliper: CALIPER_SD },
              `Subgroup ${g.label}: ${lost} of ${sample.nTreated} participants (${percent} %) found no control within the caliper (${CALIPER_SD} SD of the logit score, same cohort): common support is poor and PSM estimates the effect for the matched participants only.`,
            ),
          );
        }
        if (sample.nTreatedMatched >= 2) g.sample = sample;
      }
      tick(opts, 'matching', (gi + 1) / nG);
    }
  }
  if (methods.includes('ipw')) {
    tick(opts, 'weighting', 0);
    groups.forEach((g, gi) => {
      if (g.model) {
        const ipw = ipwWeights(g.treated, g.model.score);
        let gT = 0;
        for (const t of g.treated) gT += t;
        if (ipw.controlEss < Math.min(0.1 * ipw.nControl, gT) || ipw.maxControlShare > 0.05) {
          const share = (100 * ipw.maxControlShare).toFixed(1);
          warnings.push(
            runWarning(
              'ipw_concentrated',
              { subgroup: g.label, ess: Math.round(ipw.controlEss), controls: ipw.nControl, share: Number(share) },
              `Subgroup ${g.label}: IPW control weights are concentrated (effective sample size ${ipw.controlEss.toFixed(0)} of ${ipw.nControl} control rows; the largest weight carries ${share} % of the total): common support is poor.`,
            ),
          );
        }
        g.ipw = ipw;
      }
      tick(opts, 'weighting', (gi + 1) / nG);
    });
  }
  tick(opts, 'estimates', 0);
  // Each subgroup's estimates from its own rows' outcome counts: the helper's subgroups there.
  const estimatesTask = (g: GroupState): EstimatesTask => ({
    kind: 'estimates',
    label: g.label,
    methods,
    outcomes,
    treated: g.treated,
    ...(g.sample ? { sample: g.sample } : {}),
    ...(g.ipw ? { ipw: { weights: g.ipw.weights } } : {}),
    counts,
    rows: g.rows,
    unitPerson: units.person,
    pre: methods.includes('did'),
    periods: outcomes.includes('employment'),
  });
  const estimates = new Map<GroupState, Promise<TaskResult<EstimatesTask>>>();
  for (const g of groups) if (remoteGroups.has(g)) estimates.set(g, runOn(helper, estimatesTask(g), []));
  for (const g of groups) if (!remoteGroups.has(g)) estimates.set(g, Promise.resolve(runTask(estimatesTask(g))));
  // Balance tables: subgroup 'all' split in two with a helper (its first covariates there,
  // queued after the helper's estimates, the rest here); every other subgroup's on the thread
  // that holds its estimates.
  const balanceTask = (g: GroupState, covariates: number[]): BalanceTask => ({
    kind: 'balance',
    table,
    rows: g.rows,
    treated: g.treated,
    ...(g.sample ? { matchWeight: g.sample.unitWeight } : {}),
    ...(g.ipw ? { ipwWeight: g.ipw.weights } : {}),
    covariates,
  });
  const cols = balanceColumns(table);
  const balanceParts = new Map<GroupState, Promise<TaskResult<BalanceTask>>[]>();
  for (const g of groups) {
    const parts: Promise<TaskResult<BalanceTask>>[] = [];
    if (g.label === 'all' && helper && !remoteGroups.has(g)) {
      const there = Math.floor(cols.length / 2);
      parts.push(runOn(helper, balanceTask(g, cols.slice(0, there)), []));
      parts.push(Promise.resolve(runTask(balanceTask(g, cols.slice(there)))));
    } else if (remoteGroups.has(g)) parts.push(runOn(helper, balanceTask(g, cols), []));
    else parts.push(Promise.resolve(runTask(balanceTask(g, cols))));
    balanceParts.set(g, parts);
  }
  for (const [gi, g] of groups.entries()) {
    const e = unwrap(await (estimates.get(g) as Promise<TaskResult<EstimatesTask>>));
    results.push(...e.results);
    byPeriod.push(...e.byPeriod);
    tick(opts, 'estimates', (gi + 1) / nG);
  }
  const balanceBySubgroup: Record<string, BalanceRow[]> = {};
  for (const g of groups) {
    const rows: BalanceRow[] = [];
    for (const p of balanceParts.get(g) ?? []) rows.push(...unwrap(await p));
    if (g.label === 'all') balance.push(...rows);
    else balanceBySubgroup[g.label] = rows;
  }

  warnings.push(...collectRunWarnings(results));
  const covariates = table.names.filter((n, k) => table.kinds[k] !== 'cohort' && (scoreNames.size === 0 || scoreNames.has(n)));
  if (units.cohorts.length > 1) covariates.push('cohort');
  const out: EvaluationOutput = {
    jobvej_version: opts.version,
    input: { persons: persons.n, person_weeks: opts.personWeeks, participants: cohorts.participants, control_pool: cohorts.controlPool },
    design: {
      window_weeks: WINDOW_WEEKS,
      cohort: 'quarter',
      covariates,
      cohorts: units.cohorts,
      units: { participants: nT, control_rows: units.n - nT },
      caliper_sd: CALIPER_SD,
      score_model: opts.scoreModel ?? 'separate',
      methods,
    },
    results,
    by_period: byPeriod,
    balance,
    warnings: warnings.map((w) => w.text),
    // Optional additions after FORMATS.md's keys.
    ...(Object.keys(balanceBySubgroup).length > 0 ? { balance_by_subgroup: balanceBySubgroup } : {}),
    warning_details: warnings.map(({ code, params }) => ({ code, params })),
  };
  return out;
}

/** Explain separation in the evaluator's terms: name the categories that only one group has. */
function separationWarning(label: string, dm: { X: Float64Array; n: number; p: number; names: string[] }, treated: Uint8Array, message: string | undefined): RunWarning {
  const empty = emptyCategories(dm.X, dm.n, dm.p, ['(intercept)', ...dm.names], treated);
  if (empty.length === 0) {
    return runWarning('separation', { subgroup: label }, `Subgroup ${label}: the propensity score model shows (quasi-)separation — some covariate pattern predicts participation perfectly; common support is poor. ${message ?? ''}`.trim());
  }
  const parts = empty.map((e) => (e.treatedRows === 0 ? `no participant has ${e.name} (${e.controlRows} control rows do)` : `no control has ${e.name} (${e.treatedRows} participants do)`));
  return runWarning(
    'separation_categories',
    { subgroup: label, categories: empty.map((e) => e.name).join(', ') },
    `Subgroup ${label}: ${parts.join('; ')}. These rows are outside common support: their propensity scores go to 0 or 1, so they take no part in PSM or IPW; consider pooling the categories (e.g. origin countries) or restricting the population.`,
  );
}
