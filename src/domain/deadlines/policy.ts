/**
 * Deadline policy: the rule set as dated data (`content/policies/*.json`), its types and a
 * dependency-free validator that turns the snake_case JSON into a typed {@link DeadlinePolicy}.
 */
import { isOfferKind, type OfferKind } from '../offers/offer-kinds.ts';
import { isIsoDate, type IsoDate } from './date-math.ts';

export type DurationUnit = 'days' | 'weeks' | 'months';

export interface PolicyDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export type RuleSeverity = 'target' | 'deadline';

/** The first company-directed offer must start within `within` of the takeover date. */
export interface FirstOfferRule {
  readonly id: string;
  readonly kind: 'first_offer';
  readonly severity: RuleSeverity;
  readonly within: PolicyDuration;
}

/** After the first company-directed offer, at most `maxGap` of uncovered days between offers. */
export interface MaxGapRule {
  readonly id: string;
  readonly kind: 'max_gap';
  readonly severity: RuleSeverity;
  readonly maxGap: PolicyDuration;
}

/** An event (a FIP round) at least every `every`, counted from the takeover date. */
export interface RecurringEventRule {
  readonly id: string;
  readonly kind: 'recurring_event';
  readonly severity: RuleSeverity;
  readonly event: 'fip_round';
  readonly every: PolicyDuration;
}

export type DeadlineRule = FirstOfferRule | MaxGapRule | RecurringEventRule;

export interface DeadlinePolicy {
  readonly id: string;
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

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseDuration(v: unknown, path: string, errors: string[]): PolicyDuration | null {
  if (!isObject(v)) return errors.push(`${path}: expected { amount, unit }`), null;
  const { amount, unit } = v;
  if (!isCount(amount) || amount < 1) errors.push(`${path}.amount: expected a positive integer`);
  if (unit !== 'days' && unit !== 'weeks' && unit !== 'months') errors.push(`${path}.unit: expected days, weeks or months`);
  return isCount(amount) && amount >= 1 && (unit === 'days' || unit === 'weeks' || unit === 'months') ? { amount, unit } : null;
}

function parseRule(v: unknown, path: string, errors: string[]): DeadlineRule | null {
  if (!isObject(v)) return errors.push(`${path}: expected an object`), null;
  const before = errors.length;
  const id = v.id;
  const severity = v.severity;
  if (!isNonEmptyString(id)) errors.push(`${path}.id: expected a non-empty string`);
  if (severity !== 'target' && severity !== 'deadline') errors.push(`${path}.severity: expected target or deadline`);
  let rule: DeadlineRule | null = null;
  const base = { id: id as string, severity: severity as RuleSeverity };
  if (v.kind === 'first_offer') {
    const within = parseDuration(v.within, `${path}.within`, errors);
    if (within) rule = { ...base, kind: 'first_offer', within };
  } else if (v.kind === 'max_gap') {
    const maxGap = parseDuration(v.max_gap, `${path}.max_gap`, errors);
    if (maxGap) rule = { ...base, kind: 'max_gap', maxGap };
  } else if (v.kind === 'recurring_event') {
    if (v.event !== 'fip_round') errors.push(`${path}.event: expected fip_round`);
    const every = parseDuration(v.every, `${path}.every`, errors);
    if (every && v.event === 'fip_round') rule = { ...base, kind: 'recurring_event', event: 'fip_round', every };
  } else {
    errors.push(`${path}.kind: expected first_offer, max_gap or recurring_event`);
  }
  return errors.length === before ? rule : null;
}

/** Validate policy JSON (as read from `content/policies/`) without zod; never throws. */
export function parsePolicy(json: unknown): PolicyParseResult {
  const errors: string[] = [];
  if (!isObject(json)) return { ok: false, errors: ['policy: expected an object'] };
  const { id, effective_from, source, company_directed_kinds, due_soon_days, rules } = json;
  if (!isNonEmptyString(id)) errors.push('id: expected a non-empty string');
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
      effectiveFrom: effective_from as IsoDate,
      source: source as string,
      companyDirectedKinds: kinds,
      dueSoonDays: due_soon_days as number,
      rules: parsedRules,
    },
  };
}
