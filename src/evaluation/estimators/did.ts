// Difference in differences on the 52-week windows before and after the reference week:
// the change (post share − pre share) of participants against that of the controls; SE as the
// naive design's (CR1 on the person).
// treated_mean is the participants' post-window mean; control_mean is their counterfactual
// (treated_mean − DiD), so relative_effect = att / control_mean reads as for the other methods.
import { twoGroupEffect, type Effect, type TwoGroupDesign } from './effect.ts';

/** `d` is the naive design ([1, treated]) of the same rows. */
export function didEffect(d: TwoGroupDesign, post: Float64Array, pre: Float64Array, treated: Uint8Array): Effect {
  const n = post.length;
  const diff = new Float64Array(n);
  let sumT = 0;
  let nT = 0;
  for (let i = 0; i < n; i++) {
    diff[i] = (post[i] ?? 0) - (pre[i] ?? 0);
    if (treated[i]) {
      sumT += post[i] ?? 0;
      nT++;
    }
  }
  const e = twoGroupEffect(d, diff);
  const treatedMean = nT > 0 ? sumT / nT : Number.NaN;
  return { ...e, treatedMean, controlMean: treatedMean - e.att };
}
