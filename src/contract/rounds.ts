import { z } from 'zod';
import { handoverSchema } from './auth.ts';
import { citizenRoundSchema, roundSchema } from './citizens.ts';
import { resourceId, text, wholeNumber } from './fields.ts';

export const roundIdParams = z.object({ id: resourceId('a round') });

export const answersBody = z.object({
  respondent: z.enum(['citizen', 'caseworker']),
  answers: z
    .array(
      z.object({
        itemId: text({ min: 1, max: 50, trim: false }),
        value: wholeNumber(1, 7, 'Expected an integer 1..7 or null').nullable(),
      }),
    )
    .max(100),
  complete: z.boolean(),
  /**
   * The device's id of this submission (decision 020): sent again with the same id, the answers
   * are not applied a second time (the answer says `replay: true`).
   */
  clientId: z.guid({ message: 'Expected a UUID' }).optional(),
});
export type AnswersBody = z.infer<typeof answersBody>;

// Response envelopes: what each route answers, named so server and web share them.
/** PUT /api/rounds/:id/answers: the round as the caller may see it (the tablet: the citizen's view only). */
export const answersSaved = z.object({
  round: z.union([roundSchema, citizenRoundSchema]),
  /** This client id was received before: nothing was applied again. */
  replay: z.literal(true).optional(),
});
export const handoverStarted = z.object({ handover: handoverSchema });
/** GET /api/handover/round: the handed-over round, the citizen's view, and its language. */
export const handoverRound = z.object({ round: citizenRoundSchema, language: z.string() });
