import { describe, expect, it } from 'vitest';
import { exitOutcome } from './outcomes.ts';

describe('exitOutcome', () => {
  it('is the earliest programme end or self-sufficiency on or before the date', () => {
    const outcomes = [
      { kind: 'employment', date: '2026-03-01' },
      { kind: 'self_sufficiency', date: '2026-06-01' },
      { kind: 'programme_end', date: '2026-05-01' },
      { kind: 'programme_end', date: '2026-12-01' },
    ];
    expect(exitOutcome(outcomes, '2026-11-25')).toEqual({ kind: 'programme_end', date: '2026-05-01' });
    expect(exitOutcome(outcomes, '2026-05-01')?.kind).toBe('programme_end'); // the day itself counts
    expect(exitOutcome(outcomes, '2026-04-30')).toBeNull(); // employment alone does not end the programme
  });
});
