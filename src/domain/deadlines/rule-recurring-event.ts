/**
 * Recurring-event rule (FIP round every 3 months): counted from the takeover date, each round
 * must be held by the previous round (or takeover) + `every`; months are calendar months, clamped.
 */
import { fromDayNumber, toDayNumber } from './date-math.ts';
import { addDuration } from './duration.ts';
import type { Breach, RuleEvaluation } from './evaluation-types.ts';
import { pendingState, worstDaysOver, type RuleContext } from './rule-context.ts';
import { DURATION_SCHEMA, parseDuration, type PolicyDuration, type RuleBase } from './rule-fields.ts';
import type { RuleKindDefinition } from './rule-kinds.ts';

/** An event (a FIP round) at least every `every`, counted from the takeover date. */
export interface RecurringEventRule extends RuleBase<'recurring_event'> {
  readonly event: 'fip_round';
  readonly every: PolicyDuration;
}

export function evaluateRecurringEvent(rule: RecurringEventRule, ctx: RuleContext): RuleEvaluation {
  const rounds = [...new Set(ctx.fipRoundDays)]
    .filter((d) => d >= ctx.takeoverDay && d <= ctx.asOfDay)
    .sort((a, b) => a - b);
  const breaches: Breach[] = [];
  let prev = ctx.takeoverDay;
  const limitAfter = (day: number): number => toDayNumber(addDuration(fromDayNumber(day), rule.every));
  for (const round of rounds) {
    const limit = limitAfter(prev);
    if (round > limit) breaches.push({ from: fromDayNumber(limit + 1), to: fromDayNumber(round), daysOver: round - limit });
    prev = round;
  }
  const due = limitAfter(prev);
  const daysLeft = due - ctx.asOfDay;
  if (daysLeft < 0) breaches.push({ from: fromDayNumber(due + 1), to: null, daysOver: -daysLeft });
  return {
    ruleId: rule.id, kind: rule.kind, severity: rule.severity,
    state: breaches.length > 0 ? 'breached' : pendingState(daysLeft, ctx.policy.dueSoonDays),
    dueDate: fromDayNumber(due), daysLeft: daysLeft >= 0 ? daysLeft : null, daysOver: worstDaysOver(breaches),
    satisfiedOn: null,
    toSatisfy: { action: 'hold_fip_round', latestDate: daysLeft >= 0 ? fromDayNumber(due) : null },
    breaches,
  };
}

export const recurringEventKind: RuleKindDefinition<RecurringEventRule> = {
  labelKey: 'casework.ruleKind.recurring_event',
  schema: { properties: { event: { const: 'fip_round' }, every: DURATION_SCHEMA }, required: ['event', 'every'] },
  parse(json, path, errors) {
    if (json.event !== 'fip_round') errors.push(`${path}.event: expected fip_round`);
    const every = parseDuration(json.every, `${path}.every`, errors);
    return every && json.event === 'fip_round' ? { event: 'fip_round', every } : null;
  },
  evaluate: evaluateRecurringEvent,
};
