/**
 * The deadline rule kinds: one registry, from kind to what the kind is. Every list of kinds is
 * derived from it: the `DeadlineRule` and `RuleKind` types, `parsePolicy`, the evaluation, the
 * API's `kind` enums (src/contract), the policy JSON schema (policy-schema.ts writes
 * content/policies/policy.schema.json), the web's label keys and docs/deadline-rules.md §4's
 * headings (both checked by tests).
 *
 * A new kind: a `rule-<kind>.ts` exporting its rule type and its {@link RuleKindDefinition},
 * one entry here, its section in docs/deadline-rules.md §4, `casework.ruleKind.<kind>` in the
 * casework locales, then `JOBVEJ_WRITE_DOCS=1 npx vitest run tests/content/deadline-rule-kinds.test.ts`.
 */
import type { RuleEvaluation } from './evaluation-types.ts';
import type { RuleContext } from './rule-context.ts';
import { isNonEmptyString, isObject, RULE_SEVERITIES, type Json, type RuleBase, type RuleSeverity } from './rule-fields.ts';
import { firstOfferKind } from './rule-first-offer.ts';
import { maxGapKind } from './rule-max-gap.ts';
import { recurringEventKind } from './rule-recurring-event.ts';

/** What a rule kind is: its label key, its JSON fields (schema and parser) and its evaluator. */
export interface RuleKindDefinition<R extends RuleBase<string>> {
  /** i18n key of the kind's name (bundle casework), shown for a rule without a name of its own. */
  readonly labelKey: `casework.ruleKind.${R['kind']}`;
  /** JSON-schema of the kind's own fields (beside id, kind and severity) and which are required. */
  readonly schema: { readonly properties: Readonly<Record<string, unknown>>; readonly required: readonly string[] };
  /** The kind's own fields from the policy JSON (snake_case), errors named from `path`; null when invalid. */
  parse(json: Json, path: string, errors: string[]): Omit<R, keyof RuleBase<string>> | null;
  /** The rule's evaluation for one citizen (docs/deadline-rules.md §4). */
  evaluate(rule: R, ctx: RuleContext): RuleEvaluation;
}

export const RULE_KINDS = {
  first_offer: firstOfferKind,
  max_gap: maxGapKind,
  recurring_event: recurringEventKind,
} as const;

export type RuleKind = keyof typeof RULE_KINDS;

type RuleOf<D> = D extends RuleKindDefinition<infer R> ? R : never;

/** A rule of any kind (a union over the registry). */
export type DeadlineRule = { [K in RuleKind]: RuleOf<(typeof RULE_KINDS)[K]> }[RuleKind];

// Each entry's key is its rule's `kind` (a type error here otherwise).
type KeyIsKind = { [K in RuleKind]: RuleOf<(typeof RULE_KINDS)[K]>['kind'] extends K ? K : never }[RuleKind];
const _keyIsKind: RuleKind extends KeyIsKind ? true : never = true;

/** Every kind, in registry order (the order of the schema's enum, the API's enums and error messages). */
export const RULE_KIND_NAMES = Object.keys(RULE_KINDS) as readonly RuleKind[] as readonly [RuleKind, ...RuleKind[]];

export const isRuleKind = (v: unknown): v is RuleKind => typeof v === 'string' && Object.hasOwn(RULE_KINDS, v);

/** i18n key of a kind's name; the registry's for a known kind, else by the same pattern. */
export const ruleKindLabelKey = (kind: string): string => (isRuleKind(kind) ? RULE_KINDS[kind].labelKey : `casework.ruleKind.${kind}`);

/** 'a', 'a or b', 'a, b or c' */
const alternatives = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** One rule of the policy JSON, errors named from `path`; null when invalid. */
export function parseRule(v: unknown, path: string, errors: string[]): DeadlineRule | null {
  if (!isObject(v)) return errors.push(`${path}: expected an object`), null;
  const before = errors.length;
  const { id, severity, kind } = v;
  if (!isNonEmptyString(id)) errors.push(`${path}.id: expected a non-empty string`);
  if (!(RULE_SEVERITIES as readonly unknown[]).includes(severity)) errors.push(`${path}.severity: expected ${alternatives(RULE_SEVERITIES)}`);
  if (!isRuleKind(kind)) return errors.push(`${path}.kind: expected ${alternatives(RULE_KIND_NAMES)}`), null;
  const fields = RULE_KINDS[kind].parse(v, path, errors);
  if (fields === null || errors.length !== before) return null;
  return { id: id as string, severity: severity as RuleSeverity, kind, ...fields } as DeadlineRule;
}

/** Evaluate a rule with its kind's evaluator. */
export function evaluateRule(rule: DeadlineRule, ctx: RuleContext): RuleEvaluation {
  // The entry of the rule's own kind: RULE_KINDS's keys are its rules' kinds (checked above).
  const def = RULE_KINDS[rule.kind] as RuleKindDefinition<DeadlineRule>;
  return def.evaluate(rule, ctx);
}
