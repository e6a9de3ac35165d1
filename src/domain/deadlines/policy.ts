/**
 * Deadline policy: the rule set as dated data (`content/policies/*.json`), its types and a
 * dependency-free validator that turns the snake_case JSON into a typed {@link DeadlinePolicy}.
 * The rule kinds, their fields and parsers are the registry in rule-kinds.ts.
 */
import { isOfferKind, type OfferKind } from '../offers/offer-kinds.ts';
import { isIsoDate, type IsoDate } from './date-math.ts';
import { isCount, isNonEmptyString, isObject } from './rule-fields.ts';
import { parseRule, type DeadlineRule } from './rule-kinds.ts';
import { localNameProblems, type LocalName } from '../content-names.ts';

export type { DurationUnit, PolicyDuration, RuleSeverity } from './rule-fields.ts';
export type { FirstOfferRule } from './rule-first-offer.ts';
export type { MaxGapRule } from './rule-max-gap.ts';
export type { RecurringEventRule } from './rule-recurring-event.ts';
export { RULE_KINDS, RULE_KIND_NAMES, isRuleKind, ruleKindLabelKey, type DeadlineRule, type RuleKind, type RuleKindDefinition } from './rule-kinds.ts';

export interface DeadlinePolicy {
  readonly id: string;
  /** The name shown for the policy in each UI language (null when the content has none: the id is then not shown either). */
  readonly name?: LocalName | null;
  readonly effectiveFrom: IsoDate;
  readonly source: string;
  /** Offer kinds that count as company-directed for the first-offer and gap rules. */
  readonly companyDirectedKinds: readonly OfferKind[];
  /** A pending rule is `due` (not `ok`) when its due date is at most this many days away. */
  readonly dueSoonDays: number;
  readonly rules: readonly DeadlineRule[];
}

export type PolicyParseResult =
  | { readonly ok: true; readonly policy: DeadlinePolicy }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Validate policy JSON (as read from `content/policies/`) without zod; never throws. */
export function parsePolicy(json: unknown): PolicyParseResult {
  const errors: string[] = [];
  if (!isObject(json)) return { ok: false, errors: ['policy: expected an object'] };
  const { id, name, effective_from, source, company_directed_kinds, due_soon_days, rules } = json;
  if (!isNonEmptyString(id)) errors.push('id: expected a non-empty string');
  if (name !== undefined) errors.push(...localNameProblems(name, 'name'));
  if (!isIsoDate(effective_from)) errors.push('effective_from: expected a YYYY-MM-DD calendar date');
  if (!isNonEmptyString(source)) errors.push('source: expected a non-empty string');
  if (!isCount(due_soon_days)) errors.push('due_soon_days: expected a non-negative integer');
  const kinds: OfferKind[] = [];
  if (!Array.isArray(company_directed_kinds) || company_directed_kinds.length === 0) {
    errors.push('company_directed_kinds: expected a non-empty array of offer kinds');
  } else {
    company_directed_kinds.forEach((k: unknown, i) => {
      if (isOfferKind(k)) kinds.push(k);
      else errors.push(`company_directed_kinds[${i}]: unknown offer kind ${JSON.stringify(k)}`);
    });
  }
  const parsedRules: DeadlineRule[] = [];
  if (!Array.isArray(rules) || rules.length === 0) {
    errors.push('rules: expected a non-empty array');
  } else {
    rules.forEach((r: unknown, i) => {
      const rule = parseRule(r, `rules[${i}]`, errors);
      if (rule) parsedRules.push(rule);
    });
    const ids = parsedRules.map((r) => r.id);
    const dup = ids.find((x, i) => ids.indexOf(x) !== i);
    if (dup !== undefined) errors.push(`rules: duplicate id ${dup}`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    policy: {
      id: id as string,
      name: name === undefined ? null : (name as LocalName),
      effectiveFrom: effective_from as IsoDate,
      source: source as string,
      companyDirectedKinds: kinds,
      dueSoonDays: due_soon_days as number,
      rules: parsedRules,
    },
  };
}
