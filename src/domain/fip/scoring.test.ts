import { describe, expect, it } from 'vitest';
import { answerProblems, groupIndexScores, indexScores, isScaleValue, itemMean } from './scoring.ts';
import { testInstrument } from './test-fixture.ts';

describe('itemMean', () => {
  it('averages numeric answers only, counting every answer set in total', () => {
    expect(itemMean([{ c01: 6 }, { c01: null }, { c01: 4 }, {}], 'c01')).toEqual({ mean: 5, answered: 2, total: 4 });
  });
  it('is null when nobody gave a number', () => {
    expect(itemMean([{ c01: null }, {}], 'c01')).toEqual({ mean: null, answered: 0, total: 2 });
    expect(itemMean([], 'c01')).toEqual({ mean: null, answered: 0, total: 0 });
  });
});

describe('indexScores', () => {
  it('means over answered items per index for one respondent', () => {
    const scores = indexScores(testInstrument, { c01: 7, c02: 4, c03: 2, c04: null }, 'citizen');
    expect(scores).toEqual({
      job: { mean: 5.5, answered: 2, total: 2 },
      danish: { mean: 2, answered: 1, total: 2 },
      confidence: { mean: null, answered: 0, total: 0 },
    });
  });

  it('treats "ved ikke" (null) and missing answers alike: not counted', () => {
    const scores = indexScores(testInstrument, { c01: null }, 'citizen');
    expect(scores.job).toEqual({ mean: null, answered: 0, total: 2 });
  });

  it('without a respondent counts all items of the index', () => {
    const scores = indexScores(testInstrument, { c01: 2, w01: 6, w02: 7 });
    expect(scores.job).toEqual({ mean: 5, answered: 3, total: 4 });
    expect(scores.confidence).toEqual({ mean: null, answered: 0, total: 1 });
  });

  it('ignores answers to the other respondent\'s items', () => {
    expect(indexScores(testInstrument, { w01: 7 }, 'citizen').job?.mean).toBeNull();
  });

  it('rejects numbers off the scale', () => {
    expect(() => indexScores(testInstrument, { c01: 8 }, 'citizen')).toThrow(RangeError);
    expect(() => indexScores(testInstrument, { c01: 0 }, 'citizen')).toThrow(RangeError);
    expect(() => indexScores(testInstrument, { c01: 3.5 }, 'citizen')).toThrow(RangeError);
  });
});

describe('answer validation', () => {
  it('accepts whole numbers on the scale only', () => {
    expect(isScaleValue(testInstrument.scale, 1)).toBe(true);
    expect(isScaleValue(testInstrument.scale, 7)).toBe(true);
    expect(isScaleValue(testInstrument.scale, 7.5)).toBe(false);
    expect(isScaleValue(testInstrument.scale, '4')).toBe(false);
    expect(isScaleValue(testInstrument.scale, Number.NaN)).toBe(false);
  });

  it('reports unknown items, the wrong respondent and off-scale values', () => {
    expect(answerProblems(testInstrument, { c01: 4, c02: null }, 'citizen')).toEqual([]);
    const problems = answerProblems(testInstrument, { x01: 4, w01: 4, c02: 9 }, 'citizen');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^x01/);
    expect(problems[1]).toMatch(/^w01: answered by the caseworker/);
    expect(problems[2]).toMatch(/^c02: 9 is not/);
  });
});

describe('groupIndexScores', () => {
  it('averages person-level index means, leaving out persons without a score', () => {
    const scores = groupIndexScores(testInstrument, [{ c01: 2, c02: 4, c03: 7 }, { c01: 6 }, { c01: null }, {}], 'citizen');
    expect(scores.job).toEqual({ mean: 4.5, answered: 2, total: 4 });
    expect(scores.danish).toEqual({ mean: 7, answered: 1, total: 4 });
    expect(scores.confidence).toEqual({ mean: null, answered: 0, total: 4 });
  });
  it('is empty-safe', () => {
    expect(groupIndexScores(testInstrument, [], 'caseworker').job).toEqual({ mean: null, answered: 0, total: 0 });
  });
});
