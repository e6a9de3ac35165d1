import { describe, expect, it } from 'vitest';
import { conversationFocus, mirrorPairs } from './focus.ts';
import type { Instrument } from './instrument.ts';
import { testInstrument } from './test-fixture.ts';

describe('mirrorPairs', () => {
  it('pairs citizen items with their caseworker mirror', () => {
    expect(mirrorPairs(testInstrument)).toEqual([['c01', 'w01'], ['c02', 'w02'], ['c03', 'w03']]);
  });
});

describe('conversationFocus', () => {
  it('finds gaps of at least 2, largest first, with the sign citizen − caseworker', () => {
    const focus = conversationFocus(testInstrument, { c01: 7, c02: 2, c03: 4 }, { w01: 4, w02: 6, w03: 5 });
    expect(focus.gaps).toEqual([
      { citizenItem: 'c02', caseworkerItem: 'w02', citizen: 2, caseworker: 6, gap: -4 },
      { citizenItem: 'c01', caseworkerItem: 'w01', citizen: 7, caseworker: 4, gap: 3 },
    ]);
  });

  it('orders equal gaps by item order and keeps the top 3', () => {
    const instrument: Instrument = {
      ...testInstrument,
      items: [
        ...testInstrument.items,
        { id: 'c05', respondent: 'citizen', index: 'job', mirror: 'w05', text: { da: { text: 'x', reviewed: true } } },
        { id: 'w05', respondent: 'caseworker', index: 'job', mirror: 'c05', text: { da: { text: 'x', reviewed: true } } },
      ],
    };
    const focus = conversationFocus(instrument, { c01: 1, c02: 7, c03: 1, c05: 1 }, { w01: 3, w02: 5, w03: 3, w05: 3 });
    expect(focus.gaps.map((g) => g.citizenItem)).toEqual(['c01', 'c02', 'c03']);
  });

  it('leaves out "ved ikke", unanswered and small gaps', () => {
    const focus = conversationFocus(testInstrument, { c01: null, c02: 5 }, { w01: 7, w02: 4 });
    expect(focus.gaps).toEqual([]);
  });

  it('lists the lowest citizen scores ≤ 3, lowest first, ties in item order, top 3', () => {
    const focus = conversationFocus(testInstrument, { c01: 3, c02: 1, c03: 3, c04: 2 }, {});
    expect(focus.lowest).toEqual([
      { itemId: 'c02', value: 1 },
      { itemId: 'c04', value: 2 },
      { itemId: 'c01', value: 3 },
    ]);
  });

  it('ignores caseworker answers and values above 3 for lowest', () => {
    const focus = conversationFocus(testInstrument, { c01: 4, c02: null }, { w01: 1 });
    expect(focus.lowest).toEqual([]);
  });

  it('accepts other thresholds', () => {
    const focus = conversationFocus(testInstrument, { c01: 5, c02: 6 }, { w01: 4, w02: 4 }, { minGap: 1, maxGaps: 1, lowThreshold: 5 });
    expect(focus.gaps).toEqual([{ citizenItem: 'c02', caseworkerItem: 'w02', citizen: 6, caseworker: 4, gap: 2 }]);
    expect(focus.lowest).toEqual([{ itemId: 'c01', value: 5 }]);
  });

  it('is deterministic whatever the key order of the answers', () => {
    const a = conversationFocus(testInstrument, { c03: 1, c01: 1, c02: 1 }, { w03: 4, w02: 4, w01: 4 });
    const b = conversationFocus(testInstrument, { c01: 1, c02: 1, c03: 1 }, { w01: 4, w02: 4, w03: 4 });
    expect(a).toEqual(b);
    expect(a.gaps.map((g) => g.citizenItem)).toEqual(['c01', 'c02', 'c03']);
  });
});
