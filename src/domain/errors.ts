// Why a command refused: the domain's own vocabulary, mapped to HTTP once at the edge
// (src/server/platform/http/errors.ts). Commands and rules throw these; they know nothing of HTTP.

export type DomainErrorCode =
  /** The input breaks a rule; `issues` name the fields. */
  | 'invalid'
  /** The thing asked for does not exist for the caller (another municipality's looks the same). */
  | 'not_found'
  /** It exists, but the change clashes with its state (a duplicate, a closed need …). */
  | 'conflict'
  /** An industry package's module gate is not passed; `extra.unmetGoalIds` names the goals. */
  | 'gate_blocked';

export interface FieldIssue {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly issues?: FieldIssue[],
    /** Extra members the answer carries (e.g. `unmetGoalIds`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }
}
