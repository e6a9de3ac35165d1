/** First-offer rule: a company-directed offer must cover some day between takeover and takeover + `within`. */
import { plannedOfferIds } from './coverage.ts';
import { fromDayNumber, toDayNumber } from './date-math.ts';
import { addDuration } from './duration.ts';
import type { Breach, RuleEvaluation } from './evaluation-types.ts';
import { pendingState, type RuleContext } from './rule-context.ts';
import { DURATION_SCHEMA, parseDuration, type PolicyDuration, type RuleBase } from './rule-fields.ts';
import type { RuleKindDefinition } from './rule-kinds.ts';

/** The first company-directed offer must start within `within` of the takeover date. */
export interface FirstOfferRule extends RuleBase<'first_offer'> {
  readonly within: PolicyDuration;
}

/** First day on or after takeover (and on or before asOf) covered by a company-directed offer. */
export function firstCoveredDay(ctx: RuleContext): number | null {
  for (const b of ctx.blocks) {
    if (b.end < ctx.takeoverDay) continue;
    const day = Math.max(b.start, ctx.takeoverDay);
    return day <= ctx.asOfDay ? day : null;
  }
  return null;
}

export function evaluateFirstOffer(rule: FirstOfferRule, ctx: RuleContext): RuleEvaluation {
  const due = toDayNumber(addDuration(fromDayNumber(ctx.takeoverDay), rule.within));
  const base = { ruleId: rule.id, kind: rule.kind, severity: rule.severity, dueDate: fromDayNumber(due) } as const;
  const kinds = ctx.policy.companyDirectedKinds;
  const first = firstCoveredDay(ctx);
  if (first !== null) {
    const late = first > due;
    const breaches: Breach[] = late ? [{ from: fromDayNumber(due + 1), to: fromDayNumber(first), daysOver: first - due }] : [];
    return {
      ...base, state: late ? 'breached' : 'ok', daysLeft: null, daysOver: late ? first - due : null,
      satisfiedOn: fromDayNumber(first), toSatisfy: null, breaches,
    };
  }
  const daysLeft = due - ctx.asOfDay;
  if (daysLeft >= 0) {
    return {
      ...base, state: pendingState(daysLeft, ctx.policy.dueSoonDays), daysLeft, daysOver: null, satisfiedOn: null,
      toSatisfy: {
        action: 'start_company_directed_offer', latestDate: fromDayNumber(due), offerKinds: kinds,
        plannedOfferIds: plannedOfferIds(ctx.offers, kinds, ctx.asOfDay, due),
      },
      breaches: [],
    };
  }
  return {
    ...base, state: 'breached', daysLeft: null, daysOver: -daysLeft, satisfiedOn: null,
    toSatisfy: {
      action: 'start_company_directed_offer', latestDate: null, offerKinds: kinds,
      plannedOfferIds: plannedOfferIds(ctx.offers, kinds, ctx.asOfDay, Infinity),
    },
    breaches: [{ from: fromDayNumber(due + 1), to: null, daysOver: -daysLeft }],
  };
}

export const firstOfferKind: RuleKindDefinition<FirstOfferRule> = {
  labelKey: 'casework.ruleKind.first_offer',
  schema: { properties: { within: DURATION_SCHEMA }, required: ['within'] },
  parse(json, path, errors) {
    const within = parseDuration(json.within, `${path}.within`, errors);
    return within && { within };
  },
  evaluate: evaluateFirstOffer,
};
