// Naive difference of means between participants and (stacked) controls, HC1 SE.
import { twoGroupEffect, type Effect } from './effect.ts';

export function naiveEffect(y: Float64Array, treated: Uint8Array): Effect {
  return twoGroupEffect(y, treated, { type: 'HC1' });
}
