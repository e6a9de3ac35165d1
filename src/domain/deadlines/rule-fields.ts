/**
 * What every rule kind shares: the rule's common fields, policy durations, and the small JSON
 * checks the kinds' parsers use (dependency-free, so `src/domain` stays without zod).
 */

export const DURATION_UNITS = ['days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface PolicyDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export const RULE_SEVERITIES = ['target', 'deadline'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** The fields every rule has; `kind` is its key in RULE_KINDS (rule-kinds.ts). */
export interface RuleBase<K extends string> {
  readonly id: string;
  readonly kind: K;
  readonly severity: RuleSeverity;
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

const isUnit = (v: unknown): v is DurationUnit => (DURATION_UNITS as readonly unknown[]).includes(v);

/** Parse `{ amount, unit }`, pushing `path`-named errors; null when invalid. */
export function parseDuration(v: unknown, path: string, errors: string[]): PolicyDuration | null {
  if (!isObject(v)) return errors.push(`${path}: expected { amount, unit }`), null;
  const { amount, unit } = v;
  if (!isCount(amount) || amount < 1) errors.push(`${path}.amount: expected a positive integer`);
  if (!isUnit(unit)) errors.push(`${path}.unit: expected days, weeks or months`);
  return isCount(amount) && amount >= 1 && isUnit(unit) ? { amount, unit } : null;
}

/** JSON-schema reference to the policy schema's duration definition (for the kinds' schema fragments). */
export const DURATION_SCHEMA = { $ref: '#/definitions/duration' } as const;
