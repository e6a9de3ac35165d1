// The spoken questions (decision 023): which texts of an instrument version can have a recorded
// clip per language — each citizen item, each scale anchor and "don't know" — and how a clip names
// the text it reads (its target). Content of the instrument version, like the texts themselves:
// a clip belongs to the version whose wording it speaks.
import type { Instrument, LocalizedText } from './instrument.ts';
import { itemsFor } from './instrument.ts';

/** `item:<item id>`, `anchor:<scale value>` or `dontKnow`. */
export type AudioTarget = `item:${string}` | `anchor:${string}` | 'dontKnow';

export interface AudioTargetText {
  target: AudioTarget;
  kind: 'item' | 'anchor' | 'dontKnow';
  /** The item's id, or the anchor's scale value. */
  key: string;
  text: LocalizedText;
}

export const itemTarget = (itemId: string): AudioTarget => `item:${itemId}`;
export const anchorTarget = (value: string | number): AudioTarget => `anchor:${value}`;
export const DONT_KNOW_TARGET: AudioTarget = 'dontKnow';

/** Every text of the version a clip can read, in the order the citizen meets them: the items, the anchors (1 → 7), "don't know". */
export function audioTargets(instrument: Instrument): AudioTargetText[] {
  const items = itemsFor(instrument, 'citizen').map((item) => ({ target: itemTarget(item.id), kind: 'item' as const, key: item.id, text: item.text }));
  const anchors = Object.keys(instrument.scale.anchors)
    .sort((a, b) => Number(a) - Number(b))
    .map((value) => ({ target: anchorTarget(value), kind: 'anchor' as const, key: value, text: instrument.scale.anchors[value] as LocalizedText }));
  return [...items, ...anchors, { target: DONT_KNOW_TARGET, kind: 'dontKnow', key: 'dontKnow', text: instrument.scale.dontKnow }];
}

/** The text a target reads in this version, or undefined when the version has no such text. */
export function audioTargetText(instrument: Instrument, target: string): AudioTargetText | undefined {
  return audioTargets(instrument).find((t) => t.target === target);
}
