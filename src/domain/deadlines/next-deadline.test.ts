import { describe, expect, it } from 'vitest';
import type { Breach, RuleEvaluation, RuleState } from './evaluation-types.ts';
import { nextDeadline, nextDeadlineSortKey } from './next-deadline.ts';
import { evaluateDeadlines } from './evaluate-deadlines.ts';
import { parsePolicy } from './policy.ts';
import policyJson from '../../../content/policies/2016-agreement.json' with { type: 'json' };

const rule = (ruleId: string, state: RuleState, dueDate: string | null, daysLeft: number | null, breaches: Breach[] = []): RuleEvaluation => ({
  ruleId, kind: 'max_gap', severity: 'deadline', state, dueDate, daysLeft, daysOver: breaches.length ? Math.max(...breaches.map((b) => b.daysOver)) : null,
  satisfiedOn: null, toSatisfy: null, breaches,
});

describe('nextDeadline', () => {
  it('puts an open breach first, the one most days over', () => {
    const next = nextDeadline({ rules: [
      rule('a', 'due', '2026-12-01', 3),
      rule('b', 'breached', '2026-11-20', null, [{ from: '2026-11-21', to: null, daysOver: 5 }]),
      rule('c', 'breached', '2026-11-10', null, [{ from: '2026-11-11', to: null, daysOver: 15 }]),
    ] }, 7);
    expect(next).toEqual({ ruleId: 'c', kind: 'max_gap', state: 'breached', dueDate: '2026-11-10', daysLeft: null, daysOver: 15, pastBreach: false });
    expect(nextDeadlineSortKey(next)).toBe(-15);
  });

  it('otherwise the fewest days left; a closed earlier breach is history, not overdue', () => {
    const next = nextDeadline({ rules: [
      rule('a', 'ok', '2027-01-30', 60),
      rule('b', 'breached', '2026-12-10', 15, [{ from: '2026-03-01', to: '2026-03-09', daysOver: 9 }]),
    ] }, 7);
    expect(next).toMatchObject({ ruleId: 'b', state: 'ok', daysLeft: 15, daysOver: null, pastBreach: true });
    expect(nextDeadlineSortKey(next)).toBe(15);
    expect(nextDeadline({ rules: [rule('a', 'ok', '2026-12-02', 7)] }, 7)?.state).toBe('due');
    expect(nextDeadline({ rules: [rule('a', 'ok', '2026-12-03', 8)] }, 7)?.state).toBe('ok');
  });

  it('is null without a pending obligation, and sorts last', () => {
    expect(nextDeadline({ rules: [rule('a', 'ok', null, null)] }, 7)).toBeNull();
    expect(nextDeadlineSortKey(null)).toBe(Number.POSITIVE_INFINITY);
  });

  it('on a real evaluation: no offer 20 days after takeover → the 14-day target is 6 days over', () => {
    const parsed = parsePolicy(policyJson);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const report = evaluateDeadlines({ citizenId: 'x', municipalityCode: '607', takeoverDate: '2026-11-01', offers: [], fipRounds: [] }, parsed.policy, '2026-11-21');
    expect(nextDeadline(report, parsed.policy.dueSoonDays)).toMatchObject({ ruleId: 'first_offer_target', state: 'breached', dueDate: '2026-11-15', daysOver: 6 });
  });
});
