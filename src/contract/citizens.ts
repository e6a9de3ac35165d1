import { z } from 'zod';
import { abilitiesSchema } from './abilities.ts';
import { isValidCpr } from '../domain/cpr.ts';
import { registrationIssues } from '../domain/registration.ts';
import { RULE_KIND_NAMES } from '../domain/deadlines/rule-kinds.ts';
import { LANGS } from '../domain/fip/index.ts';
import { isoDate, resourceId, safeString, text } from './fields.ts';

export const langSchema = z.enum(LANGS as unknown as ['da', 'en', 'ar', 'fa', 'so', 'ti']);

export { ARRIVAL_MESSAGE, BIRTH_DATE_MESSAGE, registrationIssues } from '../domain/registration.ts';

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
