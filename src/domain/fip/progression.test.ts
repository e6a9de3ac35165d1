import { describe, expect, it } from 'vitest';
import { progression, type FipRound } from './progression.ts';
import { testInstrument } from './test-fixture.ts';

describe('progression', () => {
  const rounds: FipRound[] = [
    { roundNo: 2, citizen: { c01: 5, c02: 4, c03: 3 }, caseworker: { w01: 4, w04: 2 } },
    { roundNo: 1, citizen: { c01: 3, c02: null, c03: 2 }, caseworker: { w01: 3 } },
    { roundNo: 3, citizen: { c01: 6, c02: 6 }, caseworker: { w01: 6, w04: 5 } },
  ];
  const p = progression(testInstrument, rounds);

  it('orders rounds by number', () => {
    expect(p.rounds).toEqual([1, 2, 3]);
  });

  it('gives per item the value per round and the changes', () => {
    const c01 = p.items.find((r) => r.id === 'c01');
    expect(c01).toEqual({
      kind: 'item', id: 'c01', respondent: 'citizen',
      values: [3, 5, 6], changeFromFirst: [0, 2, 3], changeFromPrevious: [null, 2, 1],
    });
  });

  it('leaves changes null where a value is missing or "ved ikke"', () => {
    const c02 = p.items.find((r) => r.id === 'c02');
    expect(c02?.values).toEqual([null, 4, 6]);
    expect(c02?.changeFromFirst).toEqual([null, null, null]);
    expect(c02?.changeFromPrevious).toEqual([null, null, 2]);
    const c03 = p.items.find((r) => r.id === 'c03');
    expect(c03?.values).toEqual([2, 3, null]);
    expect(c03?.changeFromPrevious).toEqual([null, 1, null]);
  });

  it('has a row for every item in instrument order', () => {
    expect(p.items.map((r) => r.id)).toEqual(testInstrument.items.map((i) => i.id));
  });

  it('gives index rows per respondent, only where the respondent has items', () => {
    expect(p.indices.map((r) => `${r.respondent}:${r.id}`)).toEqual([
      'citizen:job', 'citizen:danish', 'caseworker:job', 'caseworker:danish', 'caseworker:confidence',
    ]);
    const job = p.indices.find((r) => r.id === 'job' && r.respondent === 'citizen');
    expect(job?.values).toEqual([3, 4.5, 6]);
    expect(job?.changeFromFirst).toEqual([0, 1.5, 3]);
    expect(job?.changeFromPrevious).toEqual([null, 1.5, 1.5]);
    const conf = p.indices.find((r) => r.id === 'confidence');
    expect(conf?.values).toEqual([null, 2, 5]);
    expect(conf?.changeFromPrevious).toEqual([null, null, 3]);
  });

  it('handles no rounds and a single round', () => {
    expect(progression(testInstrument, []).items[0]?.values).toEqual([]);
    const one = progression(testInstrument, [{ roundNo: 1, citizen: { c01: 4 }, caseworker: {} }]);
    expect(one.items[0]).toMatchObject({ values: [4], changeFromFirst: [0], changeFromPrevious: [null] });
  });

  it('rejects a repeated round number', () => {
    const r = { roundNo: 1, citizen: {}, caseworker: {} };
    expect(() => progression(testInstrument, [r, { ...r }])).toThrow(/more than once/);
  });
});

describe('progression across instrument versions', () => {
  // v2 drops c04 and adds c05 to danish; round 1 was answered on the test instrument (v1).
  const v2 = {
    ...testInstrument,
    version: 'test-2',
    items: [
      ...testInstrument.items.filter((i) => i.id !== 'c04'),
      { id: 'c05', respondent: 'citizen' as const, index: 'danish', text: { da: { text: 'nyt spørgsmål', reviewed: false } } },
    ],
  };
  const p = progression(v2, [
    { roundNo: 1, citizen: { c03: 2, c04: 6, c05: 1 }, caseworker: {}, instrument: testInstrument },
    { roundNo: 2, citizen: { c03: 4, c05: 6 }, caseworker: {} },
  ]);

  it("scores each round against its own version: v1's c05 answer is no answer, v2 has no c04", () => {
    expect(p.indices.find((r) => r.id === 'danish' && r.respondent === 'citizen')?.values).toEqual([4, 5]);
    expect(p.items.find((r) => r.id === 'c05')?.values).toEqual([null, 6]);
    expect(p.items.find((r) => r.id === 'c04')?.values).toEqual([6, null]);
  });

  it("has the given version's rows first, then items only an older version has", () => {
    expect(p.items.map((r) => r.id)).toEqual([...v2.items.map((i) => i.id), 'c04']);
  });
});
