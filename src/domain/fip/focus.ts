// FIP as a conversation tool: where citizen and caseworker disagree, and where the citizen scores lowest.
import type { Instrument } from './instrument.ts';
import { numericAnswer, type Answers } from './scoring.ts';

export interface FocusGap {
  citizenItem: string;
  caseworkerItem: string;
  citizen: number;
  caseworker: number;
  /** citizen − caseworker: positive when the citizen rates themself higher than the caseworker does. */
  gap: number;
}

export interface FocusLow {
  itemId: string;
  value: number;
}

export interface ConversationFocus {
  gaps: FocusGap[];
  lowest: FocusLow[];
}

export interface FocusOptions {
  /** Most gaps to return (default 3). */
  maxGaps?: number;
  /** Smallest absolute gap worth raising (default 2). */
  minGap?: number;
  /** Most low items to return (default 3). */
  maxLowest?: number;
  /** Highest citizen value counted as low (default 3). */
  lowThreshold?: number;
}

/** Mirrored pairs [citizen item id, caseworker item id] in citizen item order. */
export function mirrorPairs(instrument: Instrument): [string, string][] {
  const pairs: [string, string][] = [];
  for (const item of instrument.items) {
    if (item.respondent !== 'citizen' || item.mirror === undefined) continue;
    const other = instrument.items.find((i) => i.id === item.mirror);
    if (other?.respondent === 'caseworker') pairs.push([item.id, other.id]);
  }
  return pairs;
}

/**
 * What to talk about in a follow-up conversation.
 * gaps: mirrored items both answered with |citizen − caseworker| ≥ minGap, largest first
 * (ties in citizen item order). lowest: citizen items answered ≤ lowThreshold, lowest first
 * (ties in item order). "Ved ikke" and unanswered items are left out of both.
 * @example conversationFocus(fip, { c02: 7, c06: 2 }, { w02: 3 }).gaps // [{ citizenItem: 'c02', caseworkerItem: 'w02', citizen: 7, caseworker: 3, gap: 4 }]
 */
export function conversationFocus(
  instrument: Instrument,
  citizen: Answers,
  caseworker: Answers,
  opts: FocusOptions = {},
): ConversationFocus {
  const { maxGaps = 3, minGap = 2, maxLowest = 3, lowThreshold = 3 } = opts;
  const order = new Map(instrument.items.map((item, i) => [item.id, i]));
  const pos = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER;

  const gaps: FocusGap[] = [];
  for (const [citizenItem, caseworkerItem] of mirrorPairs(instrument)) {
    const c = numericAnswer(citizen, citizenItem);
    const w = numericAnswer(caseworker, caseworkerItem);
    if (c === undefined || w === undefined || Math.abs(c - w) < minGap) continue;
    gaps.push({ citizenItem, caseworkerItem, citizen: c, caseworker: w, gap: c - w });
  }
  gaps.sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || pos(a.citizenItem) - pos(b.citizenItem));

  const lowest: FocusLow[] = [];
  for (const item of instrument.items) {
    if (item.respondent !== 'citizen') continue;
    const value = numericAnswer(citizen, item.id);
    if (value !== undefined && value <= lowThreshold) lowest.push({ itemId: item.id, value });
  }
  lowest.sort((a, b) => a.value - b.value || pos(a.itemId) - pos(b.itemId));

  return { gaps: gaps.slice(0, maxGaps), lowest: lowest.slice(0, maxLowest) };
}
