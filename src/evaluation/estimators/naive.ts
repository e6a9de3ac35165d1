// Naive difference of means between participants and (stacked) controls, HC1 SE.
import { twoGroupDesign, twoGroupEffect, type Effect, type TwoGroupDesign } from './effect.ts';

export function naiveDesign(treated: Uint8Array): TwoGroupDesign {
  return twoGroupDesign(treated, { type: 'HC1' });
}

export function naiveEffect(d: TwoGroupDesign, y: Float64Array): Effect {
  return twoGroupEffect(d, y);
}
