import { describe, expect, it } from 'vitest';
import { defaultPlannedEnd, defaultStatus } from './offer-defaults.ts';

describe('offer defaults', () => {
  it('company placement: start + 13 weeks − 1 day (inclusive end); IGU two years; others none', () => {
    expect(defaultPlannedEnd('praktik_private', '2026-01-05')).toBe('2026-04-05');
    expect(defaultPlannedEnd('praktik_public', '2026-11-10')).toBe('2027-02-08');
    expect(defaultPlannedEnd('igu', '2024-02-29')).toBe('2026-02-27');
    expect(defaultPlannedEnd('igu', '2027-03-01')).toBe('2029-02-28');
    expect(defaultPlannedEnd('wage_subsidy_private', '2026-01-05')).toBeNull();
    expect(defaultPlannedEnd('guidance_upskilling', '2026-01-05')).toBeNull();
  });
  it('planned when the start is after today, else active', () => {
    expect(defaultStatus('2026-11-26', '2026-11-25')).toBe('planned');
    expect(defaultStatus('2026-11-25', '2026-11-25')).toBe('active');
    expect(defaultStatus('2026-01-01', '2026-11-25')).toBe('active');
  });
});
