/**
 * Defaults and deadline context of the one-screen placement registration (pure; today is an
 * argument). The planned end comes from offer-defaults.ts, the same function the server uses.
 */
import { addDays, compareIsoDates, parseIsoDate } from '../dates.ts';
import type { RuleKind } from '../deadlines/rule-kinds.ts';
import type { OfferKind } from './offer-kinds.ts';

/** Day of week of an ISO date, 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The coming Monday: today when today is a Monday, else the next one. */
export function comingMonday(today: string): string {
  return addDays(today, (8 - weekday(today)) % 7);
}

/**
 * Suggested start: the coming Monday (placements start at the beginning of a working week),
 * unless a pending company-directed obligation must be met before that Monday or is already
 * overdue (`latestDate` null): then today.
 * @example suggestedStart('2026-11-25', []) // '2026-11-30' (a Wednesday → the next Monday)
 */
export function suggestedStart(today: string, rules: readonly RuleForForm[]): string {
  const monday = comingMonday(today);
  for (const rule of rules) {
    const need = rule.toSatisfy;
    if (need?.action !== 'start_company_directed_offer') continue;
    if (need.latestDate === null || compareIsoDates(need.latestDate, monday) < 0) return today;
  }
  return monday;
}

/**
 * Usual hours per week: 20 for a company placement (introductory placements are often part
 * time, beside Danish lessons), 37 (full time) for wage subsidy and IGU, none for the rest.
 */
export function defaultHoursPerWeek(kind: OfferKind): number | null {
  switch (kind) {
    case 'praktik_private':
    case 'praktik_public':
      return 20;
    case 'wage_subsidy_private':
    case 'wage_subsidy_public':
    case 'igu':
      return 37;
    default:
      return null;
  }
}

/** The part of a deadline rule evaluation the form looks at (DeadlineReport rules). */
export interface RuleForForm {
  ruleId: string;
  kind: RuleKind;
  state: 'ok' | 'due' | 'breached';
  dueDate: string | null;
  toSatisfy:
    | { action: 'start_company_directed_offer'; latestDate: string | null; offerKinds: readonly string[]; plannedOfferIds: readonly string[] }
    | { action: 'hold_fip_round'; latestDate: string | null }
    | null;
}

export interface OfferRuleEffect {
  ruleId: string;
  /** The last day the offer may start to meet the rule; null when already overdue. */
  latestDate: string | null;
  /**
   * `in_time`: this kind counts and the start is on or before the latest date;
   * `ends_breach`: the rule is overdue and this offer ends the open breach;
   * `too_late`: counts, but starts after the latest date;
   * `not_counted`: this kind is not company-directed under the policy.
   */
  effect: 'in_time' | 'ends_breach' | 'too_late' | 'not_counted';
}

/** What registering an offer of `kind` from `start` would do to each pending company-directed obligation. */
export function offerRuleEffects(rules: readonly RuleForForm[], kind: OfferKind, start: string): OfferRuleEffect[] {
  const out: OfferRuleEffect[] = [];
  for (const rule of rules) {
    const need = rule.toSatisfy;
    if (!need || need.action !== 'start_company_directed_offer') continue;
    const latestDate = need.latestDate;
    let effect: OfferRuleEffect['effect'];
    if (!need.offerKinds.includes(kind)) effect = 'not_counted';
    else if (latestDate === null) effect = 'ends_breach';
    else effect = compareIsoDates(start, latestDate) <= 0 ? 'in_time' : 'too_late';
    out.push({ ruleId: rule.ruleId, latestDate, effect });
  }
  return out;
}
