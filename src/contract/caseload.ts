// The caseload (decision 026): GET /api/citizens with its filters and paging, POST
// /api/citizens/search for the same with a search text (a name, or the CPR number's last four
// digits — personal data, so never in a URL), a citizen's assignment to a caseworker and a company
// consultant, the colleagues one can assign, and the managers' caseload per caseworker.
import { z } from 'zod';
import { citizenSummary } from './citizens.ts';
import { resourceId, text } from './fields.ts';

export const CASELOAD_SCOPES = ['mine', 'all', 'unassigned'] as const;
export const DEADLINE_FILTERS = ['breached', 'due', 'ok', 'none'] as const;
export const CASELOAD_SORTS = ['deadline', 'name', 'next_round'] as const;
export const DEFAULT_PAGE_SIZE = 25;
/** A page of 50 realistic rows is about 30 KB (caseload.test.ts measures it under 50 KB). */
export const MAX_PAGE_SIZE = 50;

/**
 * An object that refuses any key it does not name, each as an issue on that key (so the 400 names
 * the field: `cpr`, `text`), where zod's strict objects report them all on the object itself.
 */
export function closedObject<T extends z.ZodRawShape>(shape: T, message = 'Not a field of this request') {
  return z
    .looseObject(shape)
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) ctx.addIssue({ code: 'custom', path: [key], message });
    })
    .transform((value) => value as z.infer<z.ZodObject<T>>);
}

/** A whole number min..max as a query parameter: the pattern itself names the range, so every string it admits is valid. */
const PAGE_PATTERN = /^([1-9][0-9]{0,3}|10000)$/;
const PAGE_SIZE_PATTERN = /^([1-9]|[1-4][0-9]|50)$/;
const fromDigits = (pattern: RegExp, message: string) => z.string().regex(pattern, { message }).transform(Number);

/**
 * The caseload's filters. `scope`: `mine` (the caller is the citizen's caseworker or company
 * consultant), `all` (the municipality; the default, so a client that sends nothing gets what it
 * got before) or `unassigned`; `caseworkerId`: one caseworker's citizens (the managers' overview
 * links here); `deadline`: the state of the citizen's next deadline (`none`: no pending deadline).
 */
const filterShape = {
  scope: z.enum(CASELOAD_SCOPES).optional(),
  caseworkerId: resourceId('a caseworker').optional(),
  targetGroup: z.enum(['broad', 'selected']).optional(),
  packageId: resourceId('a package').optional(),
  deadline: z.enum(DEADLINE_FILTERS).optional(),
  sort: z.enum(CASELOAD_SORTS).optional(),
};

/** GET /api/citizens: the filters as query parameters; an unknown parameter is a 400 naming it. */
// Any other parameter is a 400 naming it — a `cpr` or a search text in the URL included.
export const caseloadQuery = closedObject(
  {
    ...filterShape,
    page: fromDigits(PAGE_PATTERN, 'Expected a page: a whole number 1..10000').optional(),
    pageSize: fromDigits(PAGE_SIZE_PATTERN, `Expected a page size: a whole number 1..${MAX_PAGE_SIZE}`).optional(),
  },
  'Not a parameter of this route (a search text goes in the body of POST /api/citizens/search)',
);

/**
 * The search text: a name (any part, case-insensitive) or exactly four digits (the CPR number's
 * last four, matched through their keyed hash). Never echoed in an error or the audit trail.
 */
export const searchText = text({ min: 1, max: 100 });

/** POST /api/citizens/search: the same filters and paging in the body, with the search text. */
export const caseloadSearchBody = closedObject({
  ...filterShape,
  text: searchText,
  page: z.number().int().min(1).max(10_000).optional(),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});

export type CaseloadQuery = z.infer<typeof caseloadQuery>;
export type CaseloadSearch = z.infer<typeof caseloadSearchBody>;

/** A colleague as the caseload names them (never their user name). */
export const colleagueSchema = z.object({ id: z.string(), name: z.string() });

export const caseloadItem = citizenSummary.extend({
  caseworker: colleagueSchema.nullable(),
  consultant: colleagueSchema.nullable(),
});

/** One page of the caseload: the citizens on it and how many match in all. */
export const caseloadPage = z.object({
  citizens: z.array(caseloadItem),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});

/** PUT /api/citizens/:id/assignment: the responsible caseworker and the company consultant (null: none). */
export const assignmentBody = closedObject({
  caseworkerId: resourceId('a caseworker').nullable(),
  consultantId: resourceId('a company consultant').nullable(),
});

export const assignmentResponse = z.object({
  assignment: z.object({ citizenId: z.string(), caseworker: colleagueSchema.nullable(), consultant: colleagueSchema.nullable() }),
});

/** GET /api/caseload/assignees: the active caseworkers and company consultants of the caller's municipality. */
export const assigneesResponse = z.object({ caseworkers: z.array(colleagueSchema), consultants: z.array(colleagueSchema) });

/** GET /api/caseload/overview: per caseworker (and the unassigned), how many citizens and how many overdue now. */
export const caseloadOverview = z.object({
  asOf: z.string(),
  rows: z.array(
    z.object({
      caseworker: colleagueSchema.nullable(),
      citizens: z.number().int().min(0),
      /** The next deadline is overdue now (state breached). */
      overdue: z.number().int().min(0),
      /** The next deadline falls due within the policy's warning days. */
      due: z.number().int().min(0),
    }),
  ),
});

/** POST /api/citizens/search takes everything in its body: any query parameter is a 400 naming it (and never reaches the audit row). */
export const caseloadSearchQuery = closedObject({}, 'The search takes its filters in the body, not in the address');
