import { describe, expect, it } from 'vitest';
import { LANGS, RTL_LANGS, findItem, isRtl, itemsFor, textOf } from './instrument.ts';
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
