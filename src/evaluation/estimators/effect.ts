// The shared last step of every estimator: regress an outcome on [1, treated] (weighted), take
// the treated coefficient as the ATT and its sandwich standard error.
import { confidenceInterval, twoGroupFit, twoGroupLsDesign, twoSidedP, type TwoGroupLsDesign } from '../../stats/index.ts';

export interface Effect {
  nTreated: number;
  nControl: number;
  treatedMean: number;
  /** Counterfactual mean for the treated: the (weighted) control mean. */
  controlMean: number;
  att: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
}

export interface EffectOptions {
  weights?: Float64Array;
  clusters?: Int32Array;
  type: 'HC1' | 'CR1';
  /** Counted units (defaults: rows with positive weight in each group). */
  nTreated?: number;
  nControl?: number;
}

/** The regressors [1, treated] and the weights/clusters of one estimator, prepared once and reused for every outcome. */
export interface TwoGroupDesign {
  ls: TwoGroupLsDesign;
  n: number;
  opts: EffectOptions;
  nTreated: number;
  nControl: number;
}

export function twoGroupDesign(treated: Uint8Array, opts: EffectOptions): TwoGroupDesign {
  const n = treated.length;
  let nT = 0;
  let nC = 0;
  for (let i = 0; i < n; i++) {
    const w = opts.weights ? (opts.weights[i] ?? 0) : 1;
    if (w > 0) {
      if (treated[i]) nT++;
      else nC++;
    }
  }
  if (nT === 0 || nC === 0) throw new RangeError('twoGroupEffect: need treated and control rows with positive weight');
  const ls = twoGroupLsDesign(treated, { type: opts.type, ...(opts.weights ? { weights: opts.weights } : {}), ...(opts.clusters ? { clusters: opts.clusters } : {}) });
  return { ls, n, opts, nTreated: opts.nTreated ?? nT, nControl: opts.nControl ?? nC };
}

/** ATT of y by WLS on [1, treated] with a robust (HC1) or cluster-robust (CR1) SE (closed form, src/stats twoGroupFit). */
export function twoGroupEffect(d: TwoGroupDesign, y: Float64Array): Effect {
  const fit = twoGroupFit(d.ls, y);
  const cov = fit.cov;
  const control = fit.coef[0] ?? Number.NaN;
  const att = fit.coef[1] ?? Number.NaN;
  const se = Math.sqrt(Math.max(0, cov[3] ?? Number.NaN));
  const [ciLow, ciHigh] = se >= 0 ? confidenceInterval(att, se) : [Number.NaN, Number.NaN];
  return {
    nTreated: d.nTreated,
    nControl: d.nControl,
    treatedMean: control + att,
    controlMean: control,
    att,
    se,
    ciLow,
    ciHigh,
    pValue: se > 0 ? twoSidedP(att / se) : Number.NaN,
  };
}
