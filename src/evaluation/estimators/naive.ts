// Naive difference of means between participants and (stacked) controls. SE: CR1 clustered on
// the person when `person` is given (a control person is a unit in every cohort they are
// eligible for, with overlapping outcome windows), else HC1.
import { twoGroupDesign, twoGroupEffect, type Effect, type TwoGroupDesign } from './effect.ts';

export function naiveDesign(treated: Uint8Array, person?: Int32Array): TwoGroupDesign {
  return twoGroupDesign(treated, person ? { type: 'CR1', clusters: person } : { type: 'HC1' });
}

export function naiveEffect(d: TwoGroupDesign, y: Float64Array): Effect {
  return twoGroupEffect(d, y);
}
