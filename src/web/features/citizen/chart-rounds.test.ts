import { describe, expect, it } from 'vitest';
import { chartRounds } from './chart-rounds.ts';

const rounds = (...nos: number[]) => nos.map((roundNo) => ({ roundNo }));
const nos = (rs: { roundNo: number }[]) => rs.map((r) => r.roundNo);

describe('the star chart\'s rounds', () => {
  it('up to three rounds: all of them, in order', () => {
    expect(nos(chartRounds(rounds()))).toEqual([]);
    expect(nos(chartRounds(rounds(2, 1)))).toEqual([1, 2]);
    expect(nos(chartRounds(rounds(1, 2, 3)))).toEqual([1, 2, 3]);
  });
  it('from round 4 on: the baseline and the last two', () => {
    expect(nos(chartRounds(rounds(1, 2, 3, 4)))).toEqual([1, 3, 4]);
    expect(nos(chartRounds(rounds(5, 1, 3, 2, 4, 6)))).toEqual([1, 5, 6]);
  });
  it('the baseline is the first completed round shown, even when round 1 was not completed by this respondent', () => {
    expect(nos(chartRounds(rounds(2, 3, 4, 5)))).toEqual([2, 4, 5]);
  });
});
