// Typed errors with the stable codes of docs/api.md, rendered as application/problem+json.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode } from '../../../domain/errors.ts';
import { edgeProblem, sendEdgeProblem } from './edge-errors.ts';

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'csrf_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gate_blocked'
  /** The FIP round is finished (both parts complete): it takes no more answers (decision 023). */
  | 'round_closed'
  | 'rate_limited'
  | 'locked_for_citizen'
  | 'internal';

const STATUS: Record<ErrorCode, { status: number; title: string }> = {
  validation_failed: { status: 400, title: 'Bad Request' },
  unauthenticated: { status: 401, title: 'Unauthorized' },
  csrf_failed: { status: 403, title: 'Forbidden' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not Found' },
  conflict: { status: 409, title: 'Conflict' },
  gate_blocked: { status: 409, title: 'Conflict' },
  round_closed: { status: 409, title: 'Conflict' },
  rate_limited: { status: 429, title: 'Too Many Requests' },
  locked_for_citizen: { status: 423, title: 'Locked' },
  internal: { status: 500, title: 'Internal Server Error' },
};

/** A command's refusal (src/domain/errors.ts) as the API's stable code: the one mapping. */
export const DOMAIN_TO_HTTP: Record<DomainErrorCode, ErrorCode> = {
  invalid: 'validation_failed',
  not_found: 'not_found',
  conflict: 'conflict',
  gate_blocked: 'gate_blocked',
};

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem body (e.g. `unmetGoalIds` of gate_blocked). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }
  get status(): number {
    return STATUS[this.code].status;
  }
}

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail: string, errors?: FieldError[], extra?: Record<string, unknown>): FastifyReply {
  const { status, title } = STATUS[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ ...extra, type: 'about:blank', title, status, code, detail, ...(errors ? { errors } : {}) });
}

function pathToField(path: string): string {
  return path.replace(/^\//, '').replaceAll('/', '.');
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return sendProblem(reply, error.code, error.detail, error.errors, error.extra);
  if (error instanceof DomainError) return sendProblem(reply, DOMAIN_TO_HTTP[error.code], error.detail, error.issues, error.extra);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      field: pathToField(issue.instancePath) || (error.validationContext ?? 'body'),
      message: issue.message ?? 'Invalid value',
    }));
    return sendProblem(reply, 'validation_failed', `Invalid ${error.validationContext ?? 'request'}`, errors);
  }
  if (error.statusCode === 429) return sendProblem(reply, 'rate_limited', 'Too many requests');
  // Malformed JSON (400, field body), body too large (413), unsupported content type (415), a
  // too-long URL (414), our upload refusals (413, 507) …: problem+json, no detail leaked.
  const edge = edgeProblem(error);
  if (edge) return sendEdgeProblem(reply, edge);
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'internal', 'Something went wrong on our side');
}
