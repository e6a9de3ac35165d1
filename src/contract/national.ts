// The national view (GET /api/national/indicators): per municipality and the country, per quarter
// (and the year where it adds up) and gender, each indicator as a count with small cells
// suppressed (src/domain/suppression; docs/suppression.md). No personal data.
import { z } from 'zod';
import { DATE_RANGE } from '../domain/date-range.ts';

const FIRST_YEAR = Number(DATE_RANGE.min.slice(0, 4));
const LAST_YEAR = Number(DATE_RANGE.max.slice(0, 4));

/** ?year=YYYY within the domain's date range; without it, the current year. */
export const nationalQuery = z.object({
  year: z
    .string()
    .regex(/^(19[0-9]{2}|20[0-9]{2}|2100)$/, { message: `Expected a year ${FIRST_YEAR}..${LAST_YEAR}` })
    .transform(Number)
    .refine((y) => y >= FIRST_YEAR && y <= LAST_YEAR, { message: `Expected a year ${FIRST_YEAR}..${LAST_YEAR}` })
    .optional(),
});

export const INDICATORS = ['in_programme', 'exits_to_job'] as const;
export const PERIODS = ['q1', 'q2', 'q3', 'q4', 'year'] as const;
export const GENDERS = ['F', 'M', 'all'] as const;

/** A published count, or null with the reason it is suppressed. */
export const suppressedCount = z.object({
  value: z.number().int().min(0).nullable(),
  suppressed: z.enum(['primary', 'secondary']).nullable(),
});

export const nationalRow = z.object({
  /** A municipality's code, or null for the country. */
  municipalityCode: z.string().nullable(),
  municipalityName: z.string(),
  /** By period (those of the indicator), then gender. */
  cells: z.array(z.object({ period: z.enum(PERIODS), gender: z.enum(GENDERS), count: suppressedCount })),
});

export const nationalIndicator = z.object({
  id: z.enum(INDICATORS),
  /** The periods this indicator is published for: the year only where it is the sum of its quarters. */
  periods: z.array(z.enum(PERIODS)),
  rows: z.array(nationalRow),
});

export const nationalIndicators = z.object({
  year: z.number().int(),
  /** Cells of fewer persons than this are suppressed (and complements with them). */
  minPersons: z.number().int(),
  indicators: z.array(nationalIndicator),
});
