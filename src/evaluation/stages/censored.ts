// Stage "estimates" under the `censored` design (decisions 018 and 024): the hazard of starting
// fitted once (design/censoring.ts), then per subgroup every method's estimates with the controls
// censored at their own start (estimators/censored.ts), on this thread. Same rows and order as
// stages/estimate.ts (per outcome the methods; per period the methods with periods).
import type { CohortReport } from '../design/cohorts.ts';
import { fitSurvival, type HazardFit } from '../design/censoring.ts';
import type { OutcomeCounts, OutcomeName } from '../design/outcomes.ts';
import { censoredEffects, type CensoredRun } from '../estimators/censored.ts';
import type { Effect } from '../estimators/effect.ts';
import type { IpwWeights } from '../estimators/ipw.ts';
import type { MatchedSample } from '../estimators/psm.ts';
import { REGISTRY, type Method } from '../estimators/registry.ts';
import type { ScoreModel } from '../estimators/score-model.ts';
import { designSparse, type CovariateTable } from '../design/covariates.ts';
import type { Panel } from '../panel.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { finiteOrNull, type PeriodRow, type ResultRow } from '../report/model.ts';
import { row } from './estimate.ts';

export interface CensoredGroup {
  label: string;
  rows: Int32Array;
  treated: Uint8Array;
  sample?: MatchedSample;
  ipw?: Pick<IpwWeights, 'weights'>;
  model?: ScoreModel;
}

/** A method's base weights on the subgroup's rows (undefined: nothing to estimate on). */
function baseWeights(m: Method, g: CensoredGroup): { base: Float64Array; nControl?: number } | undefined {
  if (m === 'naive' || m === 'did') return { base: new Float64Array(g.rows.length).fill(1) };
  if (m === 'ipw') return g.ipw ? { base: g.ipw.weights } : undefined;
  if (m === 'psm') return g.sample && g.sample.nTreatedMatched > 0 ? { base: g.sample.unitWeight, nControl: g.sample.nControlsUsed } : undefined;
  return undefined;
}

export interface CensoredEstimates {
  results: ResultRow[];
  byPeriod: PeriodRow[];
  hazard: HazardFit;
  /** Control rows of subgroup `all` followed less than the whole window (censored at their start). */
  censoredControlRows: number;
}

/**
 * `table` and `separateScores`: IPW's SE accounts for the score model's estimation when each
 * subgroup has its own model (with `--score-model pooled` the subgroups' scores come from the
 * model of all, and the score model is taken as fixed).
 */
export function censoredEstimates(persons: Persons, panel: Panel, cohorts: CohortReport, counts: OutcomeCounts, groups: CensoredGroup[], methods: readonly Method[], outcomes: OutcomeName[], table: CovariateTable, separateScores: boolean): CensoredEstimates {
  const survival = fitSurvival(persons, panel, cohorts.units);
  const run: CensoredRun = { cohorts, panel, counts, survival };
  const results: ResultRow[] = [];
  const byPeriod: PeriodRow[] = [];
  let censoredControlRows = 0;
  for (const g of groups) {
    const effects = new Map<Method, { outcomes: Effect[]; periods: Effect[] }>();
    for (const m of methods) {
      if (effects.has(m)) continue;
      const b = baseWeights(m, g);
      if (!b) continue;
      const sd = m === 'ipw' && separateScores && g.model ? designSparse(table, g.rows, 1) : undefined;
      const score = sd && g.model ? { X: sd.S, p: sd.p, fitted: g.model.score } : undefined;
      const e = censoredEffects(run, { rows: g.rows, treated: g.treated, base: b.base, outcomes, periods: REGISTRY[m].byPeriod && outcomes.includes('employment'), did: m === 'did', ...(b.nControl !== undefined ? { nControl: b.nControl } : {}), ...(score ? { score } : {}) });
      if (g.label === 'all' && m === 'naive') censoredControlRows = e.censoredControls;
      effects.set(m, e);
    }
    outcomes.forEach((o, k) => {
      for (const m of methods) {
        const e = effects.get(m)?.outcomes[k];
        if (e) results.push(row(o, g.label, m, e));
      }
    });
    for (let q = 0; q < 13; q++) {
      for (const m of methods) {
        const e = effects.get(m)?.periods[q];
        if (!e) continue;
        byPeriod.push({ outcome: 'employment', subgroup: g.label, method: m, period: q + 1, att: finiteOrNull(e.att), se: finiteOrNull(e.se), ci_low: finiteOrNull(e.ciLow), ci_high: finiteOrNull(e.ciHigh), treated_mean: finiteOrNull(e.treatedMean), control_mean: finiteOrNull(e.controlMean) });
      }
    }
  }
  return { results, byPeriod, hazard: survival.hazard, censoredControlRows };
}
