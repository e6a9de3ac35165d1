// The country's FIP answers (GET /api/national/fip-means): for the citizens whose round 1 fell in a
// year, the mean answer per item by gender in round 1 or 2 with n and a t-based 95 % CI, over every
// municipality — the booklet's bar figure for the whole country. Aggregates only; an n under 5 is
// suppressed with its complement (src/domain/suppression), and no mean is shown for it.
import { z } from 'zod';
import { nationalQuery } from './national.ts';
import { meanCell } from './fip-analytics.ts';

export const NATIONAL_FIP_ROUNDS = ['1', '2'] as const;

export const nationalFipQuery = nationalQuery.extend({
  round: z.enum(NATIONAL_FIP_ROUNDS, { message: 'Expected 1 or 2' }).transform(Number).default(1),
});

export const nationalFipMeans = z.object({
  year: z.number().int(),
  round: z.number().int(),
  minPersons: z.number().int(),
  instrumentVersion: z.string(),
  items: z.array(z.object({ itemId: z.string(), respondent: z.enum(['citizen', 'caseworker']), cells: z.array(meanCell) })),
});
