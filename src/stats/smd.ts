import { weightedMoments } from './weighted-moments.ts';

/**
 * Standardised mean difference of covariate x between treated (1) and control (0) units:
 * (mean_T - mean_C) / sqrt((s²_T + s²_C) / 2).
 * The means are weighted when `weights` is given (e.g. ATT or matching weights); the
 * denominator always uses the UNWEIGHTED sample variances (n - 1) of the treated and control
 * groups, so balance before and after weighting is measured on the same scale (as cobalt's
 * default `s.d.denom = "pooled"`). Returns 0 when both groups are constant and equal, ±Infinity
 * when constant and different, NaN when a group is empty.
 *
 * @example
 * smd(new Float64Array([1, 2, 3, 0, 1, 2]), new Uint8Array([1, 1, 1, 0, 0, 0])); // 1
 */
export function smd(x: Float64Array, treated: Uint8Array, weights?: Float64Array): number {
  return smdMany(x, treated, [weights])[0] as number;
}

/**
 * `smd(x, treated, w)` for each `w` of `weightings` (undefined = unweighted), sharing the
 * unweighted group variances and the treated/control split: one call for a covariate's
 * balance before matching, after matching and after weighting. Same numbers as `smd`.
 *
 * @example
 * smdMany(x, treated, [undefined, matchWeights, ipwWeights]); // [before, after PSM, after IPW]
 */
export function smdMany(x: Float64Array, treated: Uint8Array, weightings: readonly (Float64Array | undefined)[]): Float64Array {
  if (!(treated instanceof Uint8Array) || treated.length !== x.length) {
    throw new RangeError('smd: treated must be a Uint8Array with the length of x');
  }
  const control = new Uint8Array(treated.length);
  for (let i = 0; i < treated.length; i++) {
    const t = treated[i];
    if (t !== 0 && t !== 1) throw new RangeError(`smd: treated[${i}] must be 0 or 1, got ${t}`);
    control[i] = 1 - t;
  }
  const out = new Float64Array(weightings.length).fill(Number.NaN);
  const tU = weightedMoments(x, undefined, treated);
  const cU = weightedMoments(x, undefined, control);
  if (tU.count === 0 || cU.count === 0) return out;
  const vT = tU.count > 1 ? tU.variance : 0;
  const vC = cU.count > 1 ? cU.variance : 0;
  const sd = Math.sqrt((vT + vC) / 2);
  weightings.forEach((weights, k) => {
    const mT = weights === undefined ? tU.mean : weightedMoments(x, weights, treated).mean;
    const mC = weights === undefined ? cU.mean : weightedMoments(x, weights, control).mean;
    const diff = mT - mC;
    out[k] = sd === 0 ? (diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity) : diff / sd;
  });
  return out;
}
