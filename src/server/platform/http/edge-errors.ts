// Errors raised at the edge — by Node's HTTP parser, Fastify's router and body parsers, the
// multipart plugin, or the upload checks — rendered as application/problem+json with the same
// members as sendProblem in errors.ts (type, title, status, code, detail, errors). Some are
// answered before any hook has run (a too-large header, a too-long path parameter), so their
// security headers are written here rather than by helmet.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type EdgeCode =
  | 'validation_failed'
  | 'bad_request'
  | 'request_timeout'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'header_fields_too_large'
  | 'insufficient_storage'
  | 'internal';

export interface EdgeProblem {
  status: number;
  code: EdgeCode;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** Longest request target (path and query) answered; longer ones are 414 (Node's own header limit is 16 KiB). */
export const MAX_URL_LENGTH = 8 * 1024;

/** Headers of an edge error body: no caching, no sniffing, nothing to run or frame. */
export const EDGE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** A refusal of our own at the edge (upload too large, disk too full): thrown, rendered by errorHandler. */
export class EdgeError extends Error {
  constructor(readonly problem: EdgeProblem) {
    super(problem.detail);
  }
  get statusCode(): number {
    return this.problem.status;
  }
}

const body = (field: string, message: string) => [{ field, message }];

/** The problem for an error of Fastify, a plugin or our edge checks; undefined for anything else (a 500). */
export function edgeProblem(error: FastifyError | Error): EdgeProblem | undefined {
  if (error instanceof EdgeError) return error.problem;
  const status = (error as FastifyError).statusCode;
  const code = (error as FastifyError).code;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  switch (status) {
    case 400:
      if (code === 'FST_ERR_BAD_URL') return { status, code: 'validation_failed', detail: 'Malformed URL', errors: body('url', 'Malformed URL') };
      // Malformed JSON, a body that does not match its Content-Length, a truncated multipart body …
      return { status, code: 'validation_failed', detail: 'Malformed request', errors: body('body', 'Malformed request body') };
    case 406: // @fastify/multipart: multipart parts asked of a request that is not multipart
    case 415:
      return { status: 415, code: 'unsupported_media_type', detail: 'Unsupported content type', errors: body('body', 'Unsupported content type') };
    case 408:
      return { status, code: 'request_timeout', detail: 'The request took too long to arrive' };
    case 413:
      return { status, code: 'payload_too_large', detail: 'The request body is too large', errors: body('body', 'Too large') };
    case 414:
      return { status, code: 'uri_too_long', detail: 'The URL is too long' };
    case 431:
      return { status, code: 'header_fields_too_large', detail: 'The request headers are too large' };
    default:
      return { status, code: 'bad_request', detail: STATUS_CODES[status] ?? 'Bad request' };
  }
}

export function problemJson(problem: EdgeProblem): string {
  const { status, code, detail, errors } = problem;
  return JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, code, detail, ...(errors ? { errors } : {}) });
}

export function sendEdgeProblem(reply: FastifyReply, problem: EdgeProblem): FastifyReply {
  return reply.code(problem.status).headers(EDGE_HEADERS).type('application/problem+json').send(problemJson(problem));
}

/**
 * Fastify's `frameworkErrors`: a malformed URL (400) or a path parameter longer than
 * maxParamLength (414), answered by the router before any hook has run.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = edgeProblem(error);
  if (problem) {
    void sendEdgeProblem(reply, problem);
    return;
  }
  request.log.error({ err: error }, 'router error');
  void sendEdgeProblem(reply, { status: 500, code: 'internal', detail: 'Something went wrong on our side' });
}

/** A request target longer than MAX_URL_LENGTH is 414 before anything else looks at it. */
export function registerUrlLengthCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) throw new EdgeError({ status: 414, code: 'uri_too_long', detail: 'The URL is too long' });
  });
}

/** Request line (up to the first CRLF) longer than MAX_URL_LENGTH, or not even ended in the bytes read. */
function requestLineTooLong(raw: unknown): boolean {
  // Typed as { type, data } by Fastify, a Buffer at run time (Node's `err.rawPacket`).
  if (!Buffer.isBuffer(raw) || raw.length === 0) return false;
  const end = raw.indexOf('\r\n');
  return end === -1 ? raw.length > MAX_URL_LENGTH : end > MAX_URL_LENGTH;
}

/**
 * Fastify's `clientErrorHandler` (Node's 'clientError'): the request could not be parsed. A
 * header section over Node's limit is 431 — or 414 when it is the request line that is too long —
 * a timeout 408, anything else 400; the body is problem+json and the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let problem: EdgeProblem;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    problem = requestLineTooLong(error.rawPacket)
      ? { status: 414, code: 'uri_too_long', detail: 'The URL is too long' }
      : { status: 431, code: 'header_fields_too_large', detail: 'The request headers are too large' };
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    problem = { status: 408, code: 'request_timeout', detail: 'The request took too long to arrive' };
  } else {
    problem = { status: 400, code: 'bad_request', detail: 'Malformed HTTP request' };
  }
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const payload = problemJson(problem);
  const headers = { ...EDGE_HEADERS, 'content-type': 'application/problem+json', 'content-length': String(Buffer.byteLength(payload)), connection: 'close' };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n${head}\r\n${payload}`);
}
