import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { MAX_URL_LENGTH } from './edge-errors.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Send raw bytes to the listening app and read the whole answer (the server closes the connection). */
function rawRequest(port: number, request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(request);
  });
}

function expectProblem(res: { status: number; headers: Record<string, string | string[] | number | undefined>; body: string }, status: number, code: string): Record<string, unknown> {
  expect(res.status, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  const problem = JSON.parse(res.body) as Record<string, unknown>;
  expect(problem).toMatchObject({ type: 'about:blank', title: expect.any(String), status, code, detail: expect.any(String) });
  return problem;
}

describe('errors raised by Node and Fastify are problem+json', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    app = await buildApp({ db: test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const inject = async (opts: InjectOptions) => {
    const res = await app.inject(opts);
    return { status: res.statusCode, headers: res.headers, body: res.body };
  };

  it('414 for a URL longer than the limit and for a path parameter over maxParamLength', async () => {
    expectProblem(await inject({ method: 'GET', url: `/api/health?q=${'a'.repeat(MAX_URL_LENGTH)}` }), 414, 'uri_too_long');
    expectProblem(await inject({ method: 'GET', url: `/api/evaluations/${'a'.repeat(101)}` }), 414, 'uri_too_long');
  });

  it('400 naming the url for malformed percent-encoding in a path parameter', async () => {
    const problem = expectProblem(await inject({ method: 'GET', url: '/api/evaluations/%E0%A4%A' }), 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'url', message: expect.any(String) }]);
  });

  it('400 naming the field body for malformed JSON', async () => {
    const problem = expectProblem(await inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "a",' }), 400, 'validation_failed');
    expect(problem.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
  });

  it('413 for a JSON body over the body limit, 415 for a content type nobody parses', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(300 * 1024), password: 'y' });
    const large = expectProblem(await inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: big }), 413, 'payload_too_large');
    expect(large.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
    expectProblem(await inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' }), 415, 'unsupported_media_type');
    // multipart is parsed only by the evaluation upload
    expectProblem(await inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' }), 415, 'unsupported_media_type');
  });

  it('431 over a real socket for a header section over Node\'s 16 KiB limit', async () => {
    const res = await rawRequest(port, `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(20 * 1024)}\r\n\r\n`);
    expectProblem(res, 431, 'header_fields_too_large');
    expect(res.headers.connection).toBe('close');
  });

  it('414 over a real socket: a URL over the app\'s limit, and one over Node\'s header limit', async () => {
    expectProblem(await rawRequest(port, `GET /api/health?q=${'a'.repeat(10 * 1024)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`), 414, 'uri_too_long');
    expectProblem(await rawRequest(port, `GET /api/health?q=${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`), 414, 'uri_too_long');
  });

  it('400 over a real socket for a request Node cannot parse', async () => {
    expectProblem(await rawRequest(port, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n'), 400, 'bad_request');
  });
});
