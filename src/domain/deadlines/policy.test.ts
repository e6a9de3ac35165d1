import { describe, expect, it } from 'vitest';
import { parsePolicy } from './policy.ts';
import policyJson from '../../../content/policies/2016-agreement.json' with { type: 'json' };

describe('parsePolicy', () => {
  it('reads the 2016 agreement into camelCase types', () => {
    const r = parsePolicy(policyJson);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.effectiveFrom).toBe('2016-07-01');
    expect(r.policy.dueSoonDays).toBe(7);
    expect(r.policy.companyDirectedKinds).toEqual(['praktik_private', 'praktik_public', 'wage_subsidy_private', 'wage_subsidy_public', 'igu']);
    expect(r.policy.rules.map((x) => x.kind)).toEqual(['first_offer', 'first_offer', 'max_gap', 'recurring_event']);
    expect(r.policy.rules[2]).toEqual({ id: 'max_gap', kind: 'max_gap', severity: 'deadline', maxGap: { amount: 6, unit: 'weeks' } });
  });

  it('collects every error instead of throwing', () => {
    const r = parsePolicy({
      id: '', effective_from: '2016-02-30', source: 'x', due_soon_days: -1,
      company_directed_kinds: ['praktik_private', 'job'],
      rules: [
        { id: 'a', kind: 'first_offer', severity: 'target', within: { amount: 0, unit: 'days' } },
        { id: 'a', kind: 'max_gap', severity: 'deadline', max_gap: { amount: 6, unit: 'weeks' } },
        { id: 'a', kind: 'max_gap', severity: 'deadline', max_gap: { amount: 6, unit: 'weeks' } },
        { id: 'b', kind: 'sometimes', severity: 'urgent' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'id: expected a non-empty string',
      'effective_from: expected a YYYY-MM-DD calendar date',
      'due_soon_days: expected a non-negative integer',
      'company_directed_kinds[1]: unknown offer kind "job"',
      'rules[0].within.amount: expected a positive integer',
      'rules[3].severity: expected target or deadline',
      'rules[3].kind: expected first_offer, max_gap or recurring_event',
      'rules: duplicate id a',
    ]);
  });

  it('rejects non-objects and empty rule lists', () => {
    expect(parsePolicy(null)).toEqual({ ok: false, errors: ['policy: expected an object'] });
    const r = parsePolicy({ id: 'x', effective_from: '2020-01-01', source: 's', due_soon_days: 7, company_directed_kinds: [], rules: [] });
    expect(r.ok ? [] : r.errors).toEqual([
      'company_directed_kinds: expected a non-empty array of offer kinds', 'rules: expected a non-empty array',
    ]);
  });
});
