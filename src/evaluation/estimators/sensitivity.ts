// Sensitivity to hidden bias (decision 030): for PSM's matched pairs Rosenbaum's bound (the Γ at
// which the signed-rank test of the pairs' differences stops being significant: two-sided 5 %, so
// one-sided 2.5 % on the estimate's side; the Wilcoxon form for every outcome, as each is a share
// of the window's weeks, not a 0/1 variable), and for every adjusted estimate VanderWeele & Ding's
// E-value of the point and of the CI limit nearest the null. An ATT on a share is put on the
// risk-ratio scale as the participants' mean over their counterfactual mean,
// RR = treated_mean / (treated_mean − att), and a CI limit b as treated_mean / (treated_mean − b).
import { eValue, rosenbaumGamma } from '../../stats/index.ts';
import type { Effect } from './effect.ts';
import type { MatchedSample } from './psm.ts';

/** One-sided level of the Rosenbaum bound (the two-sided 5 % of the CIs). */
export const ROSENBAUM_ALPHA = 0.025;

export interface EValues {
  /** E-value of the point estimate (null when a mean is not positive). */
  point: number | null;
  /** E-value of the CI limit nearest the null: 1 when the CI contains 0. */
  ci: number | null;
}

/** The E-values of an ATT on a share, through the ratio of the participants' mean to their counterfactual mean. */
export function attEValues(e: Pick<Effect, 'treatedMean' | 'att' | 'ciLow' | 'ciHigh'>): EValues {
  const tm = e.treatedMean;
  const cf = tm - e.att;
  if (!(tm > 0) || !(cf > 0) || !Number.isFinite(e.att)) return { point: null, ci: null };
  const point = eValue(tm / cf);
  if (Number.isNaN(e.ciLow) || Number.isNaN(e.ciHigh)) return { point, ci: null };
  if (e.ciLow <= 0 && e.ciHigh >= 0) return { point, ci: 1 };
  const b = e.att > 0 ? e.ciLow : e.ciHigh;
  const cfb = tm - b;
  return { point, ci: cfb > 0 ? eValue(tm / cfb) : null };
}

/** Rosenbaum's Γ of the matched pairs' differences in `y` (a value per subgroup unit), on the side of `att`; null when not significant at Γ = 1. */
export function matchedGamma(sample: MatchedSample, y: Float64Array, att: number): number | null {
  if (!(att !== 0) || !Number.isFinite(att)) return null;
  const pairs = sample.rows.length / 2;
  const diffs = new Float64Array(pairs);
  for (let j = 0; j < pairs; j++) diffs[j] = (y[sample.rows[2 * j] ?? 0] ?? 0) - (y[sample.rows[2 * j + 1] ?? 0] ?? 0);
  return rosenbaumGamma(diffs, att > 0 ? 1 : -1, ROSENBAUM_ALPHA);
}
