import { describe, expect, it } from 'vitest';
import type { Offer } from '../offers/offer-kinds.ts';
import { evaluateDeadlines } from './evaluate-deadlines.ts';
import type { CitizenCase, RuleEvaluation } from './evaluation-types.ts';
import { parsePolicy, type DeadlinePolicy } from './policy.ts';
import policyJson from '../../../content/policies/2016-agreement.json' with { type: 'json' };

const parsed = parsePolicy(policyJson);
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const policy: DeadlinePolicy = parsed.policy;

const offer = (id: string, start: string, plannedEnd: string | null, over: Partial<Offer> = {}): Offer => ({
  id, kind: 'praktik_private', start, plannedEnd, actualEnd: null, hoursPerWeek: 25, status: 'completed', ...over,
});
const citizen = (takeoverDate: string, offers: Offer[] = [], fipRounds: string[] = []): CitizenCase => ({
  citizenId: 'c1', municipalityCode: '630', takeoverDate, offers, fipRounds,
});
const rule = (c: CitizenCase, asOf: string, id: string): RuleEvaluation => {
  const r = evaluateDeadlines(c, policy, asOf).rules.find((x) => x.ruleId === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};

describe('first-offer rules', () => {
  it('1 month after 2024-01-31 is 2024-02-29 (clamped, leap year); 14 days is 2024-02-14', () => {
    expect(rule(citizen('2024-01-31'), '2024-01-31', 'first_offer_deadline').dueDate).toBe('2024-02-29');
    expect(rule(citizen('2023-01-31'), '2023-01-31', 'first_offer_deadline').dueDate).toBe('2023-02-28');
    expect(rule(citizen('2024-01-31'), '2024-01-31', 'first_offer_target').dueDate).toBe('2024-02-14');
  });

  it('a citizen without offers is ok, then due within 7 days of the due date, breached the day after it', () => {
    const c = citizen('2024-01-31');
    expect(rule(c, '2024-02-21', 'first_offer_deadline')).toMatchObject({ state: 'ok', daysLeft: 8 });
    expect(rule(c, '2024-02-22', 'first_offer_deadline')).toMatchObject({ state: 'due', daysLeft: 7 });
    expect(rule(c, '2024-02-29', 'first_offer_deadline')).toMatchObject({ state: 'due', daysLeft: 0 });
    const late = rule(c, '2024-03-02', 'first_offer_deadline');
    expect(late).toMatchObject({ state: 'breached', daysLeft: null, daysOver: 2 });
    expect(late.toSatisfy).toMatchObject({ action: 'start_company_directed_offer', latestDate: null });
    expect(late.breaches).toEqual([{ from: '2024-03-01', to: null, daysOver: 2 }]);
  });

  it('an offer starting on the due date satisfies the rule; one day later is a breach of 1 day', () => {
    expect(rule(citizen('2024-01-31', [offer('a', '2024-02-29', '2024-05-01')]), '2024-03-10', 'first_offer_deadline'))
      .toMatchObject({ state: 'ok', satisfiedOn: '2024-02-29', daysOver: null });
    expect(rule(citizen('2024-01-31', [offer('a', '2024-03-01', '2024-05-01')]), '2024-03-10', 'first_offer_deadline'))
      .toMatchObject({ state: 'breached', satisfiedOn: '2024-03-01', daysOver: 1 });
  });

  it('an offer running at takeover counts from the takeover date', () => {
    expect(rule(citizen('2024-03-01', [offer('a', '2024-02-01', '2024-04-01')]), '2024-03-05', 'first_offer_target').satisfiedOn).toBe('2024-03-01');
  });

  it('planned offers do not satisfy the rule but are named in what would satisfy it', () => {
    const c = citizen('2024-03-01', [offer('p', '2024-03-10', '2024-06-01', { status: 'planned' })]);
    const r = rule(c, '2024-03-05', 'first_offer_target');
    expect(r.satisfiedOn).toBeNull();
    expect(r.toSatisfy).toEqual({
      action: 'start_company_directed_offer', latestDate: '2024-03-15', offerKinds: policy.companyDirectedKinds, plannedOfferIds: ['p'],
    });
  });

  it('guidance and upskilling does not count; a cancelled offer counts only up to its actual end', () => {
    const c = citizen('2024-03-01', [
      offer('g', '2024-03-02', '2024-04-01', { kind: 'guidance_upskilling' }),
      offer('x', '2024-03-03', '2024-04-01', { status: 'cancelled' }),
    ]);
    const report = evaluateDeadlines(c, policy, '2024-03-20');
    expect(report.rules[0]?.state).toBe('breached');
    expect(report.ignoredOffers).toEqual([
      { offerId: 'g', reason: 'not_company_directed' }, { offerId: 'x', reason: 'cancelled_without_end' },
    ]);
    const cancelledLate = citizen('2024-03-01', [offer('x', '2024-03-03', '2024-04-01', { status: 'cancelled', actualEnd: '2024-03-05' })]);
    expect(rule(cancelledLate, '2024-03-20', 'first_offer_target').satisfiedOn).toBe('2024-03-03');
  });

  it('throws RangeError on a malformed as-of or takeover date; reports offers with bad dates', () => {
    expect(() => evaluateDeadlines(citizen('2024-03-01'), policy, '2024-02-30')).toThrow(RangeError);
    expect(() => evaluateDeadlines(citizen('2023-02-29'), policy, '2024-03-01')).toThrow(RangeError);
    const bad = evaluateDeadlines(citizen('2024-03-01', [offer('b', '2024-03-10', '2024-03-01')]), policy, '2024-04-01');
    expect(bad.ignoredOffers).toEqual([{ offerId: 'b', reason: 'invalid_dates' }]);
  });
});

describe('gap rule (at most 6 weeks = 42 uncovered days)', () => {
  const first = offer('a', '2024-03-01', '2024-03-31');
  it('the end day is covered: the next offer may start 43 days after it (42-day pause)', () => {
    const ok = citizen('2024-03-01', [first, offer('b', '2024-05-13', '2024-06-30')]);
    expect(rule(ok, '2024-06-01', 'max_gap')).toMatchObject({ state: 'ok', breaches: [] });
    const late = citizen('2024-03-01', [first, offer('b', '2024-05-14', '2024-06-30')]);
    expect(rule(late, '2024-06-01', 'max_gap').breaches).toEqual([{ from: '2024-05-14', to: '2024-05-14', daysOver: 1 }]);
  });

  it('an open gap is due on its last day and breached the day after', () => {
    const c = citizen('2024-03-01', [first]);
    expect(rule(c, '2024-05-13', 'max_gap')).toMatchObject({ state: 'due', dueDate: '2024-05-13', daysLeft: 0 });
    expect(rule(c, '2024-05-14', 'max_gap')).toMatchObject({ state: 'breached', daysOver: 1 });
    expect(rule(c, '2024-04-01', 'max_gap')).toMatchObject({ state: 'ok', daysLeft: 42 });
  });

  it('while an offer runs, the due date is counted from its planned end; open-ended means nothing due', () => {
    expect(rule(citizen('2024-03-01', [first]), '2024-03-15', 'max_gap')).toMatchObject({ state: 'ok', dueDate: '2024-05-13' });
    expect(rule(citizen('2024-03-01', [offer('i', '2024-03-01', null, { kind: 'igu' })]), '2025-03-15', 'max_gap'))
      .toMatchObject({ state: 'ok', dueDate: null, toSatisfy: null });
  });

  it('overlapping offers are one covered stretch; the gap runs from the latest end', () => {
    const c = citizen('2024-03-01', [offer('a', '2024-03-01', '2024-04-30'), offer('b', '2024-04-01', '2024-04-10')]);
    expect(rule(c, '2024-05-01', 'max_gap').dueDate).toBe('2024-06-12');
  });

  it('a one-day gap (starts and ends on the same day) is a 1-day pause, no breach; back-to-back offers have none', () => {
    const c = citizen('2024-03-01', [offer('a', '2024-03-01', '2024-03-10'), offer('b', '2024-03-12', '2024-03-20')]);
    expect(rule(c, '2024-03-15', 'max_gap')).toMatchObject({ state: 'ok', breaches: [] });
  });

  it('does not apply before the first company-directed offer', () => {
    expect(rule(citizen('2024-03-01'), '2024-12-01', 'max_gap')).toMatchObject({ state: 'ok', dueDate: null, toSatisfy: null });
  });

  it('a past breach stays breached after a new offer starts', () => {
    const c = citizen('2024-03-01', [first, offer('b', '2024-06-01', null)]);
    expect(rule(c, '2024-07-01', 'max_gap')).toMatchObject({ state: 'breached', daysOver: 19, dueDate: null });
  });
});

describe('FIP round every 3 months', () => {
  it('counts from takeover with month-end clamping, then from each round', () => {
    const c = citizen('2023-11-30', [], ['2024-02-29']);
    expect(rule(citizen('2023-11-30'), '2023-12-01', 'fip_round').dueDate).toBe('2024-02-29');
    expect(rule(c, '2024-03-01', 'fip_round')).toMatchObject({ state: 'ok', dueDate: '2024-05-29' });
  });
  it('a late round is a breach even after it was held', () => {
    const c = citizen('2024-01-15', [], ['2024-04-20']);
    expect(rule(c, '2024-05-01', 'fip_round')).toMatchObject({ state: 'breached', daysOver: 5 });
  });
});
