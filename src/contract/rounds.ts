import { z } from 'zod';
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
});
export type AnswersBody = z.infer<typeof answersBody>;
