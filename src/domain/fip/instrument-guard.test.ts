import { describe, expect, it } from 'vitest';
import { asInstrument, instrumentProblems } from './instrument-guard.ts';
import type { Instrument } from './instrument.ts';
import { testInstrument } from './test-fixture.ts';

const clone = (): Instrument => structuredClone(testInstrument);

describe('instrument guard', () => {
  it('accepts a consistent instrument', () => {
    expect(instrumentProblems(testInstrument)).toEqual([]);
    expect(asInstrument(JSON.parse(JSON.stringify(testInstrument)))).toEqual(testInstrument);
  });

  it('rejects data of the wrong shape', () => {
    expect(() => asInstrument(null)).toThrow(TypeError);
    expect(() => asInstrument({ ...testInstrument, items: [{ id: 'c01', respondent: 'borger', index: 'job', text: { da: { text: 'x', reviewed: true } } }] })).toThrow(/items: malformed/);
    expect(() => asInstrument({ ...testInstrument, title: { en: { text: 'no Danish', reviewed: false } } })).toThrow(/title/);
  });

  it('finds duplicate ids, unknown and empty indices', () => {
    const i = clone();
    i.items.push({ ...i.items[0]!, mirror: undefined });
    i.items.push({ id: 'c09', respondent: 'citizen', index: 'nope', text: { da: { text: 'x', reviewed: true } } });
    i.indices.push({ id: 'empty', label: { da: { text: 'Tom', reviewed: false } }, description: '' });
    expect(instrumentProblems(i)).toEqual(['items: c01 appears twice', 'c09: unknown index nope', 'indices: empty has no items']);
  });

  it('finds one-sided, missing and same-respondent mirrors', () => {
    const i = clone();
    i.items[0]!.mirror = 'w02';
    i.items[2]!.mirror = 'x99';
    i.items[3]!.mirror = 'c01';
    const problems = instrumentProblems(i);
    expect(problems).toContain('c01: mirror w02 does not point back');
    expect(problems).toContain('w01: mirror c01 does not point back');
    expect(problems).toContain('c03: mirror x99 does not exist');
    expect(problems).toContain('c04: mirror c01 has the same respondent');
  });

  it('finds anchors off the scale', () => {
    const i = clone();
    i.scale.anchors['9'] = { da: { text: 'ni', reviewed: false } };
    expect(instrumentProblems(i)).toEqual(['scale.anchors.9: not on the scale']);
  });
});
