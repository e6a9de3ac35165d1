import { describe, expect, it } from 'vitest';
import { LANGS, RTL_LANGS, asksItem, findItem, isRtl, itemsAcross, itemsFor, textOf, type Instrument } from './instrument.ts';
import { testInstrument } from './test-fixture.ts';

describe('instrument', () => {
  it('lists the six languages, Arabic and Farsi right-to-left', () => {
    expect(LANGS).toEqual(['da', 'en', 'ar', 'fa', 'so', 'ti']);
    expect(RTL_LANGS).toEqual(['ar', 'fa']);
    expect(isRtl('fa')).toBe(true);
    expect(isRtl('ti')).toBe(false);
  });

  it('selects the items of one respondent in order', () => {
    expect(itemsFor(testInstrument, 'citizen').map((i) => i.id)).toEqual(['c01', 'c02', 'c03', 'c04']);
    expect(itemsFor(testInstrument, 'caseworker').map((i) => i.id)).toEqual(['w01', 'w02', 'w03', 'w04']);
  });

  it('returns the text in a language and falls back to Danish', () => {
    const text = { da: { text: 'Hvor godt taler du dansk?', reviewed: true }, en: { text: 'How well do you speak Danish?', reviewed: false } };
    expect(textOf(text, 'en')).toBe('How well do you speak Danish?');
    expect(textOf(text, 'ti')).toBe('Hvor godt taler du dansk?');
    expect(textOf(text, 'da')).toBe('Hvor godt taler du dansk?');
  });

  it('finds an item by id', () => {
    expect(findItem(testInstrument, 'w04')?.index).toBe('confidence');
    expect(findItem(testInstrument, 'x99')).toBeUndefined();
  });
});

describe('itemsAcross', () => {
  const v2: Instrument = { ...testInstrument, items: [...testInstrument.items.filter((i) => i.id !== 'c02'), { id: 'c09', respondent: 'citizen', index: 'job', text: { da: { text: 'ny', reviewed: false } } }] };
  it('gives the first version\'s items, then the others\' missing ones, once each', () => {
    expect(itemsAcross([v2, testInstrument], 'citizen').map((i) => i.id)).toEqual(['c01', 'c03', 'c04', 'c09', 'c02']);
    expect(itemsAcross([testInstrument, testInstrument]).map((i) => i.id)).toEqual(testInstrument.items.map((i) => i.id));
  });
  it('asksItem is true only where the version has the item for that respondent', () => {
    expect(asksItem(v2, { id: 'c09', respondent: 'citizen' })).toBe(true);
    expect(asksItem(testInstrument, { id: 'c09', respondent: 'citizen' })).toBe(false);
    expect(asksItem(testInstrument, { id: 'c01', respondent: 'caseworker' })).toBe(false);
  });
});
