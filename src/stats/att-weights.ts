import { assertF64 } from './assert.ts';

/**
 * Inverse-probability weights for the average treatment effect on the treated (ATT):
 * treated 1, control p/(1-p) (the odds of the propensity score p).
 * With `normalize` each group's weights are rescaled to mean 1 (sum = group size), which
 * leaves weighted means unchanged but makes the weights comparable across analyses.
 * Throws RangeError when a control's p is not in [0, 1) or a treated p is outside [0, 1]
 * (p = 1 for a control would give an infinite weight: the overlap assumption fails).
 *
 * @example
 * attWeights(new Uint8Array([1, 0, 0]), new Float64Array([0.6, 0.5, 0.2])); // [1, 1, 0.25]
 */
export function attWeights(treated: Uint8Array, p: Float64Array, normalize = false): Float64Array {
  if (!(treated instanceof Uint8Array)) throw new TypeError('attWeights: treated must be a Uint8Array of 0/1');
  const n = treated.length;
  assertF64('attWeights', 'p', p, n);
  const w = new Float64Array(n);
  let sumT = 0;
  let sumC = 0;
  let nT = 0;
  let nC = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i] as number;
    const t = treated[i];
    if (t === 1) {
      if (!(pi >= 0 && pi <= 1)) throw new RangeError(`attWeights: p[${i}] = ${pi} is not a probability`);
      w[i] = 1;
      sumT += 1;
      nT++;
    } else if (t === 0) {
      if (!(pi >= 0 && pi < 1)) throw new RangeError(`attWeights: control p[${i}] = ${pi} must be in [0, 1) (no overlap at p = 1)`);
      const wi = pi / (1 - pi);
      w[i] = wi;
      sumC += wi;
      nC++;
    } else {
      throw new RangeError(`attWeights: treated[${i}] must be 0 or 1, got ${t}`);
    }
  }
  if (normalize) {
    const fT = sumT > 0 ? nT / sumT : 1;
    const fC = sumC > 0 ? nC / sumC : 1;
    for (let i = 0; i < n; i++) w[i] = (w[i] as number) * (treated[i] === 1 ? fT : fC);
  }
  return w;
}
