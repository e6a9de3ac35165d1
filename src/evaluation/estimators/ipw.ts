// Inverse probability weighting for the ATT: treated weight 1, control weight p/(1−p)
// (normalised to mean 1 within each group), WLS of the outcome on [1, treated]; SE CR1 on the
// person (HC1 without person ids).
import { attWeights } from '../../stats/index.ts';
import { twoGroupDesign, twoGroupEffect, type Effect, type TwoGroupDesign } from './effect.ts';

export interface IpwWeights {
  weights: Float64Array;
  /** Kish effective sample size of the weighted controls. */
  controlEss: number;
  nControl: number;
  /** Largest share of the total control weight carried by one control. */
  maxControlShare: number;
}

export function ipwWeights(treated: Uint8Array, score: Float64Array): IpwWeights {
  // Keep controls' scores strictly below 1 (a control with p = 1 would get infinite weight).
  const p = new Float64Array(score.length);
  for (let i = 0; i < p.length; i++) p[i] = Math.min(score[i] ?? 0, 1 - 1e-12);
  const weights = attWeights(treated, p, true);
  let s = 0;
  let s2 = 0;
  let max = 0;
  let nC = 0;
  for (let i = 0; i < weights.length; i++) {
    if (treated[i]) continue;
    const w = weights[i] ?? 0;
    s += w;
    s2 += w * w;
    if (w > max) max = w;
    nC++;
  }
  return { weights, controlEss: s2 > 0 ? (s * s) / s2 : 0, nControl: nC, maxControlShare: s > 0 ? max / s : 0 };
}

/** SE: CR1 clustered on the person when `person` is given (stacked cohorts repeat control persons), else HC1. */
export function ipwDesign(treated: Uint8Array, w: IpwWeights, person?: Int32Array): TwoGroupDesign {
  return twoGroupDesign(treated, person ? { weights: w.weights, type: 'CR1', clusters: person } : { weights: w.weights, type: 'HC1' });
}

export function ipwEffect(d: TwoGroupDesign, y: Float64Array): Effect {
  return twoGroupEffect(d, y);
}
