// Request and response shapes of the audit routes (src/server/audit-log/routes.ts).
import { z } from 'zod';

const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const auditHeadResponse = z.object({
  /** The chain head the database records; null while the chain is empty. */
  head: z.object({ id: z.string(), hash }).nullable(),
  /** The last line of the checkpoint file; null when there is none (or no file is configured). */
  lastCheckpoint: z.object({ id: z.string(), hash, at: z.string() }).nullable(),
  /** Why the last checkpoint could not be read, if it could not. */
  checkpointProblem: z.string().nullable(),
});

export const accessLogParams = z.object({ id: z.guid({ message: 'Expected a citizen id' }) });
export const accessLogQuery = z.object({
  /** Entries with a smaller audit row id than this (the previous page's nextBefore). */
  before: z.string().regex(/^[1-9][0-9]{0,17}$/, { message: 'Expected an audit row id' }).optional(),
});

export const accessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actorUserId: z.string().nullable(),
  /** The user's display name; null for command-line jobs (role `system`). */
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  /**
   * `entity`: the row is about this citizen; `related`: about their round, offer, outcome or
   * enrolment (detail.citizenId); `list`: a list read that showed them (detail.citizenIds).
   */
  via: z.enum(['entity', 'related', 'list']),
});

export const accessLogResponse = z.object({
  citizenId: z.string(),
  entries: z.array(accessLogEntry),
  /** Pass as ?before= for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
