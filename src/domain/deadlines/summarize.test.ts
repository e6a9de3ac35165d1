import { describe, expect, it } from 'vitest';
import type { CitizenDeadlineReport, RuleEvaluation, RuleState } from './evaluation-types.ts';
import { summarizeDeadlines } from './summarize.ts';

const r = (ruleId: string, state: RuleState, open = false): RuleEvaluation => ({
  ruleId, kind: 'max_gap', severity: 'deadline', state, dueDate: null, daysLeft: null, daysOver: null,
  satisfiedOn: null, toSatisfy: null,
  // A breached rule here was late once and made good (closed), unless `open`: still overdue now.
  breaches: state === 'breached' ? [{ from: '2024-03-01', to: open ? null : '2024-03-10', daysOver: open ? 92 : 9 }] : [],
});
const report = (citizenId: string, municipalityCode: string, states: [RuleState, RuleState]): CitizenDeadlineReport => ({
  citizenId, municipalityCode, asOf: '2024-06-01', policyId: 'p', ignoredOffers: [],
  rules: [r('first', states[0]), r('gap', states[1])],
});

describe('summarizeDeadlines', () => {
  it('counts states per rule and the share on time per municipality, sorted by code', () => {
    const out = summarizeDeadlines([
      report('a', '630', ['ok', 'ok']),
      report('b', '630', ['due', 'breached']),
      report('c', '630', ['breached', 'ok']),
      report('d', '101', ['ok', 'due']),
    ]);
    expect(out.map((m) => m.municipalityCode)).toEqual(['101', '630']);
    const vejle = out[1];
    expect(vejle?.citizens).toBe(3);
    expect(vejle?.rules).toEqual([
      { ruleId: 'first', ok: 1, due: 1, breached: 1, overdueNow: 0, shareOnTime: 2 / 3 },
      { ruleId: 'gap', ok: 2, due: 0, breached: 1, overdueNow: 0, shareOnTime: 2 / 3 },
    ]);
    expect(vejle?.shareAllOnTime).toBeCloseTo(1 / 3);
    expect(out[0]?.shareAllOnTime).toBe(1);
  });
  it('counts "overdue now" apart from "breached at any time": a round made good late stays breached but is not overdue', () => {
    const out = summarizeDeadlines([
      { ...report('a', '607', ['ok', 'ok']), rules: [r('fip', 'breached')] },
      { ...report('b', '607', ['ok', 'ok']), rules: [r('fip', 'breached', true)] },
      { ...report('c', '607', ['ok', 'ok']), rules: [r('fip', 'ok')] },
    ]);
    expect(out[0]?.rules).toEqual([{ ruleId: 'fip', ok: 1, due: 0, breached: 2, overdueNow: 1, shareOnTime: 1 / 3 }]);
  });
  it('returns no rows for no reports', () => {
    expect(summarizeDeadlines([])).toEqual([]);
  });
});
