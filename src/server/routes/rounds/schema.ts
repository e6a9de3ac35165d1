import { z } from 'zod';

export const roundIdParams = z.object({ id: z.guid({ message: 'Expected a round id' }) });

export const answersBody = z.object({
  respondent: z.enum(['citizen', 'caseworker']),
  answers: z
    .array(
      z.object({
        itemId: z.string().min(1).max(50),
        value: z.number().int({ message: 'Expected an integer 1..7 or null' }).min(1).max(7).nullable(),
      }),
    )
    .max(100),
  complete: z.boolean(),
});
export type AnswersBody = z.infer<typeof answersBody>;
