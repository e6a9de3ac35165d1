import { describe, expect, it } from 'vitest';
import { comingMonday, defaultHoursPerWeek, offerRuleEffects, suggestedStart, weekday, type RuleForForm } from './placement-form.ts';

const need = (ruleId: string, latestDate: string | null): RuleForForm => ({
  ruleId, kind: 'first_offer', state: latestDate === null ? 'breached' : 'due', dueDate: '2026-12-03',
  toSatisfy: { action: 'start_company_directed_offer', latestDate, offerKinds: ['praktik_private', 'praktik_public', 'igu'], plannedOfferIds: [] },
});
const fip: RuleForForm = { ruleId: 'fip_round', kind: 'recurring_event', state: 'due', dueDate: '2026-11-26', toSatisfy: { action: 'hold_fip_round', latestDate: '2026-11-26' } };

describe('placement form defaults', () => {
  it('finds the coming Monday (today when it is one), across a month and a year end', () => {
    expect(weekday('2026-11-25')).toBe(3); // a Wednesday
    expect(comingMonday('2026-11-25')).toBe('2026-11-30');
    expect(comingMonday('2026-11-30')).toBe('2026-11-30');
    expect(comingMonday('2026-12-29')).toBe('2027-01-04');
    expect(comingMonday('2024-02-27')).toBe('2024-03-04');
  });

  it('suggests the coming Monday unless a company-directed offer is needed sooner or overdue', () => {
    expect(suggestedStart('2026-11-25', [])).toBe('2026-11-30');
    expect(suggestedStart('2026-11-25', [fip])).toBe('2026-11-30'); // a FIP round is not an offer
    expect(suggestedStart('2026-11-25', [need('first_offer_deadline', '2026-12-03')])).toBe('2026-11-30');
    expect(suggestedStart('2026-11-25', [need('first_offer_target', '2026-11-27')])).toBe('2026-11-25');
    expect(suggestedStart('2026-11-25', [need('first_offer_target', null)])).toBe('2026-11-25');
  });

  it('defaults hours: 20 for a placement, 37 for wage subsidy and IGU, none otherwise', () => {
    expect(defaultHoursPerWeek('praktik_private')).toBe(20);
    expect(defaultHoursPerWeek('wage_subsidy_public')).toBe(37);
    expect(defaultHoursPerWeek('igu')).toBe(37);
    expect(defaultHoursPerWeek('mentor')).toBeNull();
  });

  it('says what the offer does to each pending company-directed rule', () => {
    const rules = [need('first_offer_target', null), need('first_offer_deadline', '2026-12-03'), fip];
    expect(offerRuleEffects(rules, 'praktik_private', '2026-11-30')).toEqual([
      { ruleId: 'first_offer_target', latestDate: null, effect: 'ends_breach' },
      { ruleId: 'first_offer_deadline', latestDate: '2026-12-03', effect: 'in_time' },
    ]);
    expect(offerRuleEffects(rules, 'praktik_private', '2026-12-04')[1]?.effect).toBe('too_late');
    expect(offerRuleEffects(rules, 'praktik_private', '2026-12-03')[1]?.effect).toBe('in_time'); // the due day is on time
    expect(offerRuleEffects(rules, 'mentor', '2026-11-30').map((e) => e.effect)).toEqual(['not_counted', 'not_counted']);
  });
});
