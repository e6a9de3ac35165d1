// The managers' timeliness page (GET /api/deadlines/timeliness): the deadline rules of every active
// citizen of their municipality as of a date, counted per rule — the numbers of `jobvej
// timeliness` for one municipality (docs/timeliness.md). Counts only, no citizen.
import { z } from 'zod';
import { isoDate } from './fields.ts';
import { localName } from './content-names.ts';

/** ?asOf=YYYY-MM-DD; without it, today. */
export const timelinessQuery = z.object({ asOf: isoDate.optional() }).strict();

export const timelinessRule = z.object({
  ruleId: z.string(),
  kind: z.string(),
  ok: z.number().int().min(0),
  due: z.number().int().min(0),
  /** At any time up to asOf (the sticky state). */
  breached: z.number().int().min(0),
  /** Of the breached, still open past the due date on asOf (what the caseload flags). */
  overdueNow: z.number().int().min(0),
  shareOnTime: z.number().min(0).max(1).nullable(),
});

export const timelinessView = z.object({
  asOf: z.string(),
  municipality: z.object({ code: z.string(), name: z.string() }),
  /** The policy in force on asOf: its name in the UI languages (null when the content has none) and since when. */
  policy: z.object({ name: localName.nullable(), effectiveFrom: z.string() }),
  citizens: z.number().int().min(0),
  shareAllOnTime: z.number().min(0).max(1).nullable(),
  rules: z.array(timelinessRule),
});
