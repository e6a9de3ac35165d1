import { z } from 'zod';
import { METHODS } from '../domain/evaluation-methods.ts';
import { evaluationResult } from './evaluation-result.ts';
import { resourceId, safeString, text } from './fields.ts';

export const methodSchema = z.enum(METHODS);
const column = safeString.regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { message: 'Expected a persons.csv column name' });

export const runParameters = z.object({
  methods: z.array(methodSchema).min(1, { message: 'Choose at least one method' }).default([...METHODS]),
  by: z.array(column).max(3).default(['gender']),
});
export type RunParameters = z.infer<typeof runParameters>;

/** JSON body: files already on the server, inside the evaluation folder (JOBVEJ_EVALUATION_DIR). */
export const serverPathsBody = runParameters.extend({
  // A NUL reached the file system (ERR_INVALID_ARG_VALUE, a 500): paths are text.
  personsPath: text({ min: 1, max: 1000, trim: false }),
  weeksPath: text({ min: 1, max: 1000, trim: false }),
});

/**
 * The name an uploaded file gives itself (multipart `filename`), kept in the run's inputs (jsonb):
 * text, so a NUL cannot reach the database (it was a 500). Empty means none given.
 */
export const uploadFileName = text({ max: 255, trim: false });

/** Multipart text fields arrive as strings: lists are comma-separated (or repeated fields). */
export const listField = (value: string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : value.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');

export const runIdParams = z.object({ id: resourceId('an evaluation run') });

const storedInput = z.object({ name: z.string(), size: z.number(), sha256: z.string(), lines: z.number() });

export const runSummary = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  stage: z.string().nullable(),
  progress: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  parameters: runParameters,
  inputs: z.object({
    persons: storedInput,
    weeks: storedInput,
    counts: z.object({ persons: z.number(), person_weeks: z.number(), participants: z.number(), control_pool: z.number() }).optional(),
  }),
  jobvejVersion: z.string(),
  error: z.string().nullable(),
});

export const runDetail = runSummary.extend({ result: evaluationResult.nullable() });

// Response envelopes: what each route answers, named so server and web share them.
export const runCreated = z.object({ run: runSummary });
export const runList = z.object({ runs: z.array(runSummary) });
export const runView = z.object({ run: runDetail });
