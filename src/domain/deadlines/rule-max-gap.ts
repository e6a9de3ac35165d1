/**
 * Gap rule: once the first company-directed offer has started, no run of uncovered days may be
 * longer than `maxGap`. After a covered day E the next offer must start by E + maxGap + 1 day.
 */
import { plannedOfferIds } from './coverage.ts';
import { addDays, fromDayNumber, toDayNumber } from './date-math.ts';
import { addDuration } from './duration.ts';
import type { Breach, RuleEvaluation } from './evaluation-types.ts';
import { pendingState, worstDaysOver, type RuleContext } from './rule-context.ts';
import { DURATION_SCHEMA, parseDuration, type PolicyDuration, type RuleBase } from './rule-fields.ts';
import type { RuleKindDefinition } from './rule-kinds.ts';

/** After the first company-directed offer, at most `maxGap` of uncovered days between offers. */
export interface MaxGapRule extends RuleBase<'max_gap'> {
  readonly maxGap: PolicyDuration;
}

/** Last day on which the next offer may start after covered day `endDay`. */
export function latestNextStart(endDay: number, rule: MaxGapRule): number {
  return toDayNumber(addDays(addDuration(fromDayNumber(endDay), rule.maxGap), 1));
}

export function evaluateMaxGap(rule: MaxGapRule, ctx: RuleContext): RuleEvaluation {
  const base = { ruleId: rule.id, kind: rule.kind, severity: rule.severity, satisfiedOn: null } as const;
  const blocks = ctx.blocks
    .filter((b) => b.end >= ctx.takeoverDay && Math.max(b.start, ctx.takeoverDay) <= ctx.asOfDay)
    .map((b) => ({ start: Math.max(b.start, ctx.takeoverDay), end: b.end }));
  const last = blocks[blocks.length - 1];
  if (last === undefined) {
    return { ...base, state: 'ok', dueDate: null, daysLeft: null, daysOver: null, toSatisfy: null, breaches: [] };
  }
  const breaches: Breach[] = [];
  for (let i = 1; i < blocks.length; i++) {
    const prev = blocks[i - 1] as (typeof blocks)[number];
    const next = blocks[i] as (typeof blocks)[number];
    const latest = latestNextStart(prev.end, rule);
    if (next.start > latest) breaches.push({ from: fromDayNumber(latest + 1), to: fromDayNumber(next.start), daysOver: next.start - latest });
  }
  const kinds = ctx.policy.companyDirectedKinds;
  if (last.end === Infinity) {
    return {
      ...base, state: breaches.length > 0 ? 'breached' : 'ok', dueDate: null, daysLeft: null,
      daysOver: worstDaysOver(breaches), toSatisfy: null, breaches,
    };
  }
  const due = latestNextStart(last.end, rule);
  const daysLeft = due - ctx.asOfDay;
  if (daysLeft < 0) breaches.push({ from: fromDayNumber(due + 1), to: null, daysOver: -daysLeft });
  const state = breaches.length > 0 ? 'breached' : pendingState(daysLeft, ctx.policy.dueSoonDays);
  return {
    ...base, state, dueDate: fromDayNumber(due), daysLeft: daysLeft >= 0 ? daysLeft : null,
    daysOver: worstDaysOver(breaches),
    toSatisfy: {
      action: 'start_company_directed_offer', latestDate: daysLeft >= 0 ? fromDayNumber(due) : null, offerKinds: kinds,
      plannedOfferIds: plannedOfferIds(ctx.offers, kinds, ctx.asOfDay, daysLeft >= 0 ? due : Infinity),
    },
    breaches,
  };
}

export const maxGapKind: RuleKindDefinition<MaxGapRule> = {
  labelKey: 'casework.ruleKind.max_gap',
  schema: { properties: { max_gap: DURATION_SCHEMA }, required: ['max_gap'] },
  parse(json, path, errors) {
    const maxGap = parseDuration(json.max_gap, `${path}.max_gap`, errors);
    return maxGap && { maxGap };
  },
  evaluate: evaluateMaxGap,
};
