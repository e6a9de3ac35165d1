// The score model's flexible terms (decision 017): each continuous covariate of the table (kind
// `numeric`: age, years since arrival, the pre-window shares, numeric extra columns) also enters
// the propensity score model as a natural cubic spline (src/stats natural-spline.ts, Harrell's
// rcs basis), so the model is not forced to be linear in the logit. Knot rule: SPLINE_KNOTS knots
// at Harrell's quantile positions of the covariate over the design's units (every unit up to
// KNOT_SAMPLE units, else an evenly spaced sample of that many), ties merged; a covariate with
// fewer than 3 distinct knots stays linear. The spline columns are table columns of kind `spline`
// named `<covariate>'1`, `<covariate>'2`, …, after all others.
import { naturalSplineColumns, splineKnots } from '../../stats/index.ts';
import type { CovariateTable } from './covariates.ts';

/** Knots per continuous covariate (Harrell's default for large samples). */
export const SPLINE_KNOTS = 4;
/** At most this many units' values decide the knots (quantiles of an evenly spaced sample beyond it). */
export const KNOT_SAMPLE = 200_000;

export type ScoreTerms = 'flexible' | 'linear';

/** The default (decision 017: the flexible terms did not reduce the bias in the simulation study, and cost time at scale). */
export const DEFAULT_SCORE_TERMS: ScoreTerms = 'linear';

/** Knots of each covariate that got spline terms, in table order. */
export type SplineKnots = Record<string, number[]>;

/** A spline term's name from its covariate's name and its index (1-based). */
export const splineName = (covariate: string, j: number): string => `${covariate}'${j}`;

/** Append the spline columns of every continuous covariate to the table; returns the knots used. */
export function addSplineTerms(table: CovariateTable, alloc: (n: number) => Float64Array = (n) => new Float64Array(n), k = SPLINE_KNOTS): SplineKnots {
  const knotsOf: SplineKnots = {};
  const numeric = table.kinds.flatMap((kind, i) => (kind === 'numeric' ? [i] : []));
  for (const i of numeric) {
    const col = table.columns[i] as Float64Array;
    const name = table.names[i] as string;
    const n = col.length;
    if (n === 0) continue;
    let values = col;
    if (n > KNOT_SAMPLE) {
      values = new Float64Array(KNOT_SAMPLE);
      for (let s = 0; s < KNOT_SAMPLE; s++) values[s] = col[Math.floor((s * n) / KNOT_SAMPLE)] as number;
    }
    const knots = splineKnots(values, k);
    if (knots.length < 3) continue;
    const out = Array.from({ length: knots.length - 2 }, () => alloc(n));
    naturalSplineColumns(col, knots, out);
    knotsOf[name] = knots;
    out.forEach((c, j) => {
      table.names.push(splineName(name, j + 1));
      table.kinds.push('spline');
      table.columns.push(c);
    });
  }
  return knotsOf;
}
