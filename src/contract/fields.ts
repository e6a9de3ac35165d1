// The zod primitives every request schema is built from (bodies, params, querystrings). A value
// a schema lets through must be one the database and the domain can hold without an error: no
// NUL (PostgreSQL text refuses it), no unpaired UTF-16 surrogate (it cannot be encoded as UTF-8,
// so it would be stored as U+FFFD), no other control character, no date outside the domain range
// (src/domain/date-range.ts), no number that is not finite. Each refusal is a 400 naming the
// field, with a message that names the rule.
import { z } from 'zod';
import { DATE_RANGE, isDateInRange } from '../domain/date-range.ts';

export const NUL_MESSAGE = 'Must not contain the NUL character (U+0000)';
export const SURROGATE_MESSAGE = 'Must not contain an unpaired UTF-16 surrogate (not valid Unicode text)';
export const CONTROL_MESSAGE = 'Must not contain control characters (U+0001–U+001F, U+007F), tab and newline included';
export const MULTILINE_CONTROL_MESSAGE = 'Must not contain control characters (U+0001–U+001F, U+007F) other than tab and newline';
export const DATE_MESSAGE = `Expected a date YYYY-MM-DD between ${DATE_RANGE.min} and ${DATE_RANGE.max}`;

const NUL = /\u0000/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0001-\u001F\u007F]/;
// Multi-line text keeps tab, line feed and carriage return (a textarea's CRLF newline).
const MULTILINE_CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The rule a string breaks (the message), or null when it is fine as text. */
export function textProblem(value: string, multiline = false): string | null {
  if (NUL.test(value)) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  if ((multiline ? MULTILINE_CONTROL : CONTROL).test(value)) return multiline ? MULTILINE_CONTROL_MESSAGE : CONTROL_MESSAGE;
  return null;
}

function refuseBadCharacters(multiline: boolean) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const problem = textProblem(value, multiline);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/**
 * A single-line string without NUL, unpaired surrogates or control characters; no trimming, no
 * length limit (add them, or use `text`). For values with their own format (codes, patterns).
 */
export const safeString = z.string().superRefine(refuseBadCharacters(false));

export interface TextOptions {
  /** Fewest characters after trimming (default 0). */
  min?: number;
  /** Most characters after trimming (UTF-16 code units, as zod counts). */
  max: number;
  /** Tab and newlines allowed (notes, reasons); default single-line. */
  multiline?: boolean;
  /** Trim surrounding white space first (default true; false for passwords and codes). */
  trim?: boolean;
}

/** Text typed by a person: a name, a note, a user name, a password. */
export function text({ min = 0, max, multiline = false, trim = true }: TextOptions) {
  const base = trim ? z.string().trim() : z.string();
  const checked = base.superRefine(refuseBadCharacters(multiline)).max(max);
  return min > 0 ? checked.min(min) : checked;
}

/** A real calendar date YYYY-MM-DD inside the domain range (DATE_RANGE); one message for every way to miss. */
export const isoDate = z.iso
  .date({ message: DATE_MESSAGE })
  .refine(isDateInRange, { message: DATE_MESSAGE, when: (payload) => payload.issues.length === 0 });

/** A whole number min..max (finite and safe by construction: zod numbers refuse NaN and ±Infinity). */
export function wholeNumber(min: number, max: number, message = `Expected a whole number ${min}..${max}`) {
  return z.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}

/** A finite number min..max. */
export function boundedNumber(min: number, max: number, message = `Expected a number ${min}..${max}`) {
  return z.number({ message }).min(min, { message }).max(max, { message });
}

/** A resource id in a path or body: a UUID, with a message naming what it identifies. */
export function resourceId(what: string) {
  return z.guid({ message: `Expected ${what} id` });
}
