// FIP group analytics (GET /api/fip-analytics): for the caller's municipality, the citizens whose
// first FIP round lies in a period (and in a target group), the booklet's figures from live data —
// mean answer per item and per index by gender for a round with n and a t-based 95 % CI, round 1
// against round 2 paired, the distribution of answers, the citizen–caseworker gap per mirrored
// item — and item validity (employment within 6 months after round 1). Aggregates only; a count
// under 5 persons is suppressed with everything that would give it away (src/domain/suppression).
import { z } from 'zod';
import { isoDate, wholeNumber } from './fields.ts';

export const TARGET_GROUPS = ['all', 'broad', 'selected'] as const;
export const ANALYTICS_GENDERS = ['F', 'M', 'all'] as const;
/** The last round number the API accepts (the booklet's data had five). */
export const MAX_ROUND = 20;

export const fipAnalyticsQuery = z
  .object({
    /** First day of the period (round-1 date on or after it); without it, from the first round ever. */
    from: isoDate.optional(),
    /** Last day of the period (round-1 date on or before it); without it, up to today. */
    to: isoDate.optional(),
    targetGroup: z.enum(TARGET_GROUPS, { message: `Expected one of ${TARGET_GROUPS.join(', ')}` }).default('all'),
    /** The round the means, distributions and gaps are shown for. */
    round: z
      .string()
      .regex(/^[0-9]{1,2}$/, { message: `Expected a whole number 1..${MAX_ROUND}` })
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_ROUND, { message: `Expected a whole number 1..${MAX_ROUND}` })
      .default(1),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Expected a date on or after from' });
  });

/** A published count, or null with the reason it is suppressed. */
export const suppressedN = z.object({
  value: z.number().int().min(0).nullable(),
  suppressed: z.enum(['primary', 'secondary']).nullable(),
});

/** A mean with its 95 % CI; every number null when its n is suppressed (and the CI when n < 2). */
export const meanCell = z.object({
  gender: z.enum(ANALYTICS_GENDERS),
  n: suppressedN,
  mean: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

/** Round 1 against round 2 for the citizens who answered both (numerically). */
export const pairedCell = z.object({
  gender: z.enum(ANALYTICS_GENDERS),
  n: suppressedN,
  before: z.number().nullable(),
  after: z.number().nullable(),
  /** Mean of (round 2 − round 1) with its paired t interval. */
  change: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

const itemRef = { itemId: z.string(), respondent: z.enum(['citizen', 'caseworker']) };

const modelNumbers = {
  n: suppressedN,
  logOdds: z.number().nullable(),
  se: z.number().nullable(),
  oddsRatio: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  pValue: z.number().nullable(),
  auc: z.number().nullable(),
};

export const fipAnalytics = z.object({
  municipalityCode: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  targetGroup: z.enum(TARGET_GROUPS),
  round: z.number().int(),
  /** The instrument version whose items and indices are shown. */
  instrumentVersion: z.string(),
  /** Counts of fewer persons than this are suppressed (and complements with them). */
  minPersons: z.number().int(),
  /** Citizens in the period's cohort (first round in the period), by gender. */
  citizens: z.array(z.object({ gender: z.enum(ANALYTICS_GENDERS), n: suppressedN })),
  /** Mean answer per item by gender in the chosen round. */
  itemMeans: z.array(z.object({ ...itemRef, cells: z.array(meanCell) })),
  /** Mean index value by gender in the chosen round (an index's value: the mean of all its items, complete cases). */
  indexMeans: z.array(z.object({ indexId: z.string(), items: z.array(z.string()), cells: z.array(meanCell) })),
  paired: z.object({
    items: z.array(z.object({ ...itemRef, cells: z.array(pairedCell) })),
    indices: z.array(z.object({ indexId: z.string(), cells: z.array(pairedCell) })),
  }),
  /** Answers per value (1–7) and "don't know" per item in the chosen round, all genders. */
  distribution: z.array(
    z.object({
      ...itemRef,
      counts: z.array(z.object({ value: z.union([wholeNumber(1, 7), z.literal('dont_know')]), n: suppressedN })),
    }),
  ),
  /** Citizen minus caseworker per mirrored item pair in the chosen round, on the citizens with both answers. */
  gaps: z.array(
    z.object({
      citizenItemId: z.string(),
      caseworkerItemId: z.string(),
      n: suppressedN,
      citizenMean: z.number().nullable(),
      caseworkerMean: z.number().nullable(),
      gap: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
    }),
  ),
  /** Item validity from live data (src/evaluation/fip-validity, the `jobvej fip-validity` core). */
  validity: z.object({
    /** Employment within this many days after the round-1 date counts as employed within 6 months. */
    days: z.number().int(),
    /** The outcome kinds that count. */
    outcomeKinds: z.array(z.string()),
    /** Citizens whose 6 months have passed (in the models), how many were employed, and those whose 6 months have not passed yet (left out). */
    persons: suppressedN,
    employed: suppressedN,
    windowOpen: suppressedN,
    items: z.array(z.object({ ...itemRef, ...modelNumbers })),
    indices: z.array(z.object({ indexId: z.string(), items: z.array(z.string()), alpha: z.number().nullable(), ...modelNumbers })),
    warnings: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) })),
  }),
});

export type FipAnalytics = z.infer<typeof fipAnalytics>;
