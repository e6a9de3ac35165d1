import { assertF64, assertWeights } from './assert.ts';

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
  const n = treated.length;
  for (let i = 0; i < n; i++) {
    const t = treated[i];
    if (t !== 0 && t !== 1) throw new RangeError(`smd: treated[${i}] must be 0 or 1, got ${t}`);
  }
  if (!(x instanceof Float64Array)) throw new TypeError('weightedMoments: x must be a Float64Array');
  // The sums of weightedMoments (same order, same operations), both groups in each pass:
  // counts and sums, then the unweighted sums of squares, then each weighting's sums.
  let nT = 0;
  let nC = 0;
  let sxT = 0;
  let sxC = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    if (treated[i] === 1) {
      nT++;
      sxT += xi;
    } else {
      nC++;
      sxC += xi;
    }
  }
  const out = new Float64Array(weightings.length).fill(Number.NaN);
  if (nT === 0 || nC === 0) return out;
  const meanT = sxT / nT;
  const meanC = sxC / nC;
  let ssT = 0;
  let ssC = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    if (treated[i] === 1) ssT += (xi - meanT) ** 2;
    else ssC += (xi - meanC) ** 2;
  }
  // weightedMoments' sample variance: ss / (V1 - V2 / V1) with V1 = V2 = count.
  const vT = nT > 1 && nT - nT / nT > 0 ? ssT / (nT - nT / nT) : 0;
  const vC = nC > 1 && nC - nC / nC > 0 ? ssC / (nC - nC / nC) : 0;
  const sd = Math.sqrt((vT + vC) / 2);
  weightings.forEach((weights, k) => {
    let mT = meanT;
    let mC = meanC;
    if (weights !== undefined) {
      assertF64('weightedMoments', 'weights', weights, n);
      assertWeights('weightedMoments', weights);
      let v1T = 0;
      let v1C = 0;
      let swT = 0;
      let swC = 0;
      for (let i = 0; i < n; i++) {
        const wi = weights[i] as number;
        if (wi === 0) continue;
        if (treated[i] === 1) {
          v1T += wi;
          swT += wi * (x[i] as number);
        } else {
          v1C += wi;
          swC += wi * (x[i] as number);
        }
      }
      mT = v1T > 0 ? swT / v1T : Number.NaN;
      mC = v1C > 0 ? swC / v1C : Number.NaN;
    }
    const diff = mT - mC;
    out[k] = sd === 0 ? (diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity) : diff / sd;
  });
  return out;
}
