import { z } from 'zod';
import { abilitiesSchema } from './abilities.ts';
import { isValidCpr, parseCpr } from '../domain/cpr.ts';
import { isDateInRange } from '../domain/date-range.ts';
import { RULE_KIND_NAMES } from '../domain/deadlines/rule-kinds.ts';
import { LANGS } from '../domain/fip/index.ts';
import { isoDate, resourceId, safeString, text } from './fields.ts';

export const langSchema = z.enum(LANGS as unknown as ['da', 'en', 'ar', 'fa', 'so', 'ti']);

export const BIRTH_DATE_MESSAGE = 'Contradicts the birth date the CPR number gives (it is derived from the CPR number; leave it out)';
export const ARRIVAL_MESSAGE = 'Must be on or before the take-over date (the arrival in Denmark comes before the municipality takes over)';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isDateInRange(v);

/**
 * What a registration must agree with itself: a birth date, when sent, is the one the CPR number
 * gives (the server derives it anyway), and the arrival is not after the take-over. Checked only
 * when the fields it compares are themselves valid, so a broken field gets its own message alone.
 */
export function registrationIssues(v: { cpr?: unknown; birthDate?: unknown; arrivalDate?: unknown; takeoverDate?: unknown }): Array<{ field: 'birthDate' | 'arrivalDate'; message: string }> {
  const issues: Array<{ field: 'birthDate' | 'arrivalDate'; message: string }> = [];
  if (typeof v.cpr === 'string' && isDate(v.birthDate)) {
    const parsed = parseCpr(v.cpr);
    if (parsed.ok && parsed.birthDate !== v.birthDate) issues.push({ field: 'birthDate', message: BIRTH_DATE_MESSAGE });
  }
  if (isDate(v.arrivalDate) && isDate(v.takeoverDate) && v.arrivalDate > v.takeoverDate) issues.push({ field: 'arrivalDate', message: ARRIVAL_MESSAGE });
  return issues;
}

export const newCitizenBody = z.object({
  name: text({ min: 1, max: 200 }),
  // The message never echoes the value: CPR must not reach logs or error messages.
  cpr: safeString.max(20, { message: 'Not a valid CPR number' }).refine(isValidCpr, { message: 'Not a valid CPR number (DDMMYY-XXXX or 10 digits)' }),
  gender: z.enum(['F', 'M']),
  /** Optional: the server derives it from the CPR number; a value that contradicts it is a 400. */
  birthDate: isoDate.optional(),
  originCountry: safeString.regex(/^[A-Z]{2}$/, { message: 'Expected an ISO 3166 alpha-2 code' }),
  /** On or before takeoverDate. */
  arrivalDate: isoDate,
  // In the domain date range: a takeover in 9999 was stored and then failed the round schedule (500).
  takeoverDate: isoDate,
  language: langSchema,
  targetGroup: z.enum(['broad', 'selected']),
}).superRefine((value, ctx) => {
  for (const issue of registrationIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
});
export type NewCitizen = z.infer<typeof newCitizenBody>;

export const citizenIdParams = z.object({ id: resourceId('a citizen') });

const citizenBase = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['F', 'M']),
  birthDate: z.string(),
  originCountry: z.string(),
  language: langSchema,
  takeoverDate: z.string(),
  roundCount: z.number(),
  lastRoundDate: z.string().nullable(),
  nextRoundDue: z.string(),
  daysToNextRound: z.number(),
});

export const nextDeadlineSchema = z.object({
  ruleId: z.string(),
  kind: z.enum(RULE_KIND_NAMES),
  state: z.enum(['ok', 'due', 'breached']),
  dueDate: z.string().nullable(),
  daysLeft: z.number().nullable(),
  daysOver: z.number().nullable(),
  pastBreach: z.boolean(),
});

export const citizenSummary = citizenBase.extend({ nextDeadline: nextDeadlineSchema.nullable() });

export const citizenDetail = citizenBase.extend({
  arrivalDate: z.string(),
  targetGroup: z.enum(['broad', 'selected']),
  cprMasked: z.string(),
  municipalityCode: z.string(),
});

const answerMap = z.record(z.string(), z.number().nullable());
export const roundSchema = z.object({
  id: z.string(),
  citizenId: z.string(),
  roundNo: z.number(),
  startedOn: z.string(),
  /** The instrument version the round was answered on (GET /api/instruments/fip/:version). */
  instrumentVersion: z.string(),
  citizenCompletedAt: z.string().nullable(),
  caseworkerCompletedAt: z.string().nullable(),
  answers: z.object({ citizen: answerMap, caseworker: answerMap }),
});

/** A round as a handed-over session gets it: the citizen's own answers and completion only. */
export const citizenRoundSchema = roundSchema
  .pick({ id: true, citizenId: true, roundNo: true, startedOn: true, instrumentVersion: true, citizenCompletedAt: true })
  .extend({ answers: z.object({ citizen: answerMap }) });

export { abilitiesSchema };

/** GET /api/citizens/:id: the citizen, their rounds and the caller's abilities on them. */
export const citizenView = z.object({ citizen: citizenDetail, rounds: z.array(roundSchema), abilities: abilitiesSchema });

// Response envelopes: what each route answers, named so server and web share them.
export const citizenList = z.object({ citizens: z.array(citizenSummary) });
export const citizenCreated = z.object({ citizen: citizenDetail });
export const roundStarted = z.object({ round: roundSchema });
