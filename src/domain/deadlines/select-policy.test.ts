import { describe, expect, it } from 'vitest';
import type { DeadlinePolicy } from './policy.ts';
import { selectPolicy } from './select-policy.ts';

const p = (id: string, effectiveFrom: string): DeadlinePolicy => ({
  id, effectiveFrom, source: 's', companyDirectedKinds: ['igu'], dueSoonDays: 7,
  rules: [{ id: 'r', kind: 'max_gap', severity: 'deadline', maxGap: { amount: 6, unit: 'weeks' } }],
});
const policies = [p('2019', '2019-07-01'), p('2016', '2016-07-01'), p('2024', '2024-01-01')];

describe('selectPolicy', () => {
  it('picks the latest policy in force on the date, in any input order', () => {
    expect(selectPolicy(policies, '2018-05-01')?.id).toBe('2016');
    expect(selectPolicy(policies, '2019-07-01')?.id).toBe('2019');
    expect(selectPolicy(policies, '2019-06-30')?.id).toBe('2016');
    expect(selectPolicy(policies, '2030-01-01')?.id).toBe('2024');
  });
  it('returns null before the first policy and throws on ambiguous or bad dates', () => {
    expect(selectPolicy(policies, '2016-06-30')).toBeNull();
    expect(selectPolicy([], '2020-01-01')).toBeNull();
    expect(() => selectPolicy([p('a', '2020-01-01'), p('b', '2020-01-01')], '2021-01-01')).toThrow(RangeError);
    expect(() => selectPolicy(policies, '2020-13-01')).toThrow(RangeError);
  });
});
