import { z } from 'zod';
import { RULE_KIND_NAMES } from '../domain/deadlines/rule-kinds.ts';
import { OFFER_KINDS, OFFER_STATUSES } from '../domain/offers/index.ts';
import { OUTCOME_KINDS } from '../domain/outcomes.ts';
import { boundedNumber, isoDate, resourceId, safeString, text } from './fields.ts';
import { localName } from './content-names.ts';

export const offerKind = z.enum(OFFER_KINDS);
export const offerStatus = z.enum(OFFER_STATUSES);

/** IGU school periods, inclusive dates; checked against the offer by src/domain/offers/school-periods.ts. */
const schoolPeriods = z.array(z.object({ start: isoDate, end: isoDate })).max(60, { message: 'At most 60 school periods' });

export const offerIdParams = z.object({ id: resourceId('an offer') });

export const newOfferBody = z
  .object({
    kind: offerKind,
    /** A company of the caller's municipality; when given, the offer's companyName is the company's name. */
    companyId: resourceId('a company').nullable().optional(),
    companyName: text({ min: 1, max: 200 }).nullable().optional(),
    // In the domain date range: an IGU starting in 9999 overflowed its default planned end (500).
    startDate: isoDate,
    /** Default: company placement start + 13 weeks − 1 day, IGU start + 2 years − 1 day, else none. */
    plannedEnd: isoDate.nullable().optional(),
    hoursPerWeek: boundedNumber(0, 80).nullable().optional(),
    /** Default: `planned` when the start is after today, else `active`. */
    status: z.enum(['planned', 'active']).optional(),
    /** IGU only; default none. */
    schoolPeriods: schoolPeriods.optional(),
  })
  .refine((b) => b.plannedEnd == null || b.plannedEnd >= b.startDate, { message: 'Planned end is before the start', path: ['plannedEnd'] });
export type NewOffer = z.infer<typeof newOfferBody>;

export const patchOfferBody = z
  .object({
    actualEnd: isoDate.nullable().optional(),
    plannedEnd: isoDate.nullable().optional(),
    status: offerStatus.optional(),
    hoursPerWeek: boundedNumber(0, 80).nullable().optional(),
    /** IGU only; replaces the whole list. */
    schoolPeriods: schoolPeriods.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'Nothing to change', path: ['status'] });
export type OfferPatch = z.infer<typeof patchOfferBody>;

export const offerSchema = z.object({
  id: z.string(),
  citizenId: z.string(),
  kind: offerKind,
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  startDate: z.string(),
  plannedEnd: z.string().nullable(),
  actualEnd: z.string().nullable(),
  hoursPerWeek: z.number().nullable(),
  status: offerStatus,
  schoolPeriods: z.array(z.object({ start: z.string(), end: z.string() })),
  createdAt: z.string(),
});

export const newOutcomeBody = z.object({
  kind: z.enum(OUTCOME_KINDS),
  date: isoDate,
  sector: z.enum(['public', 'private']).nullable().optional(),
  /** Danish industry code (DB07), 2–6 digits. */
  db07: safeString.regex(/^[0-9]{2,6}$/, { message: 'Expected a DB07 code of 2–6 digits' }).nullable().optional(),
  hours: boundedNumber(0, 80).nullable().optional(),
  companyName: text({ min: 1, max: 200 }).nullable().optional(),
  /** Where the outcome is known from; default `caseworker`. */
  source: text({ min: 1, max: 100 }).optional(),
});
export type NewOutcome = z.infer<typeof newOutcomeBody>;

export const outcomeSchema = z.object({
  id: z.string(),
  citizenId: z.string(),
  kind: z.enum(OUTCOME_KINDS),
  date: z.string(),
  sector: z.enum(['public', 'private']).nullable(),
  db07: z.string().nullable(),
  hours: z.number().nullable(),
  companyName: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
});

const breach = z.object({ from: z.string(), to: z.string().nullable(), daysOver: z.number() });
const requirement = z.union([
  z.object({ action: z.literal('start_company_directed_offer'), latestDate: z.string().nullable(), offerKinds: z.array(z.string()), plannedOfferIds: z.array(z.string()) }),
  z.object({ action: z.literal('hold_fip_round'), latestDate: z.string().nullable() }),
]);
export const deadlineReportSchema = z.object({
  citizenId: z.string(),
  asOf: z.string(),
  /** `name`: the policy's name per UI language (null when the content gives none); the id is not for display. */
  policy: z.object({ id: z.string(), name: localName.nullable(), effectiveFrom: z.string(), dueSoonDays: z.number() }),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      kind: z.enum(RULE_KIND_NAMES),
      severity: z.enum(['target', 'deadline']),
      state: z.enum(['ok', 'due', 'breached']),
      dueDate: z.string().nullable(),
      daysLeft: z.number().nullable(),
      daysOver: z.number().nullable(),
      satisfiedOn: z.string().nullable(),
      toSatisfy: requirement.nullable(),
      breaches: z.array(breach),
    }),
  ),
  ignoredOffers: z.array(z.object({ offerId: z.string(), reason: z.string() })),
});

// Response envelopes: what each route answers, named so server and web share them.
export const offerList = z.object({ offers: z.array(offerSchema) });
export const offerOne = z.object({ offer: offerSchema });
export const outcomeList = z.object({ outcomes: z.array(outcomeSchema) });
export const outcomeOne = z.object({ outcome: outcomeSchema });
