// Upload limits of POST /api/evaluations: size per file (early from Content-Length, and while
// streaming), free disk space, malformed multipart bodies, and server-side paths that reveal
// nothing about files outside the evaluation folder.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuildAppOptions } from '../app.ts';
import { databases, createTestDatabase, type TestDatabase } from '../platform/db/testing.ts';
import { createUser, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import { NOT_IN_FOLDER } from './routes.ts';

const PERSONS = 'person_id,gender\np1,F\n';
const WEEKS = 'person_id,week,status\np1,2016-W01,working\n';

function multipart(parts: { name: string; filename?: string; content: string }[], boundary = `----jobvej${randomBytes(8).toString('hex')}`) {
  const chunks = parts.map((p) =>
    p.filename !== undefined
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: text/csv\r\n\r\n${p.content}\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.content}\r\n`,
  );
  return { payload: `${chunks.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Send only the request head (no body) over a real socket and resolve with the response the
 * server gives before any body byte has arrived.
 */
function headOnly(port: number, head: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      if (split === -1) return;
      const length = Number(/content-length: (\d+)/i.exec(text.slice(0, split))?.[1] ?? 0);
      const body = text.slice(split + 4);
      if (Buffer.byteLength(body) < length) return;
      socket.destroy();
      resolve({ status: Number(text.split(' ')[1]), body });
    });
    socket.write(head);
  });
}

describe.each(databases)('evaluation uploads on %s', (kind) => {
  let test: TestDatabase;
  let store: string;
  let inbox: string;
  const apps: Fixture[] = [];
  let evaluator: Login;
  let caseworker: Login;

  async function fixture(uploads: BuildAppOptions['evaluationUploads']): Promise<Fixture> {
    const app = await buildApp({ db: test.db, cprKey: randomBytes(32), logger: false, nodeEnv: 'test', evaluationStoreDir: store, evaluationInboxDir: inbox, evaluationUploads: uploads });
    const f: Fixture = { app, test, cprKey: Buffer.alloc(32), close: () => app.close() };
    apps.push(f);
    return f;
  }

  let small: Fixture;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    store = mkdtempSync(join(tmpdir(), 'jobvej-eval-uploads-'));
    inbox = join(store, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'persons.csv'), PERSONS);
    writeFileSync(join(store, 'secret.csv'), 'outside the folder\n');
    small = await fixture({ maxFileBytes: 1000 });
    await createUser(small, 'evaluator@607', 'evaluator', '607');
    await createUser(small, 'caseworker@607', 'caseworker', '607');
    evaluator = await login(small, 'evaluator@607');
    caseworker = await login(small, 'caseworker@607');
  });
  afterAll(async () => {
    for (const f of apps) await f.close();
    await test.drop();
    rmSync(store, { recursive: true, force: true });
  });

  const storeEntries = () => readdirSync(store).sort();
  const post = (f: Fixture, as: Login, body: { payload: string; headers: Record<string, string> } | Record<string, unknown>) =>
    'payload' in body && typeof body.payload === 'string'
      ? f.app.inject({ method: 'POST', url: '/api/evaluations', headers: { ...as.headers, ...(body.headers as Record<string, string>) }, payload: body.payload })
      : f.app.inject({ method: 'POST', url: '/api/evaluations', headers: as.headers, payload: body });

  it('a file over the configured limit is 413 naming it, and nothing of it is kept', async () => {
    const before = storeEntries();
    const res = await post(small, evaluator, multipart([
      { name: 'persons', filename: 'persons.csv', content: `person_id,gender\n${'p1,F\n'.repeat(400)}` },
      { name: 'weeks', filename: 'weeks.csv', content: WEEKS },
    ]));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 413, code: 'payload_too_large', errors: [{ field: 'persons' }] });
    expect(storeEntries()).toEqual(before);
  });

  it('a Content-Length over twice the file limit is refused with 413 before any of the body is sent', async () => {
    await small.app.listen({ port: 0, host: '127.0.0.1' });
    const address = small.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const head = (as: Login) =>
      `POST /api/evaluations HTTP/1.1\r\nHost: localhost\r\nCookie: ${as.headers.cookie}\r\nX-CSRF-Token: ${as.csrf}\r\n` +
      `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${10 * 1024 ** 3}\r\n\r\n`;
    const before = storeEntries();
    const res = await headOnly(port, head(evaluator));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'body' }] });
    expect(storeEntries()).toEqual(before);
    // The role is checked first: a caseworker learns nothing about the limits.
    expect((await headOnly(port, head(caseworker))).status).toBe(403);
  });

  it('refuses with 507 when the store has less free space than the upload needs plus the reserve', async () => {
    const free = 20_000;
    const f = await fixture({ reserveBytes: 0, statfs: async () => ({ bavail: free / 4, bsize: 4 }) });
    const fits = await post(f, evaluator, multipart([{ name: 'persons', filename: 'p.csv', content: PERSONS }, { name: 'weeks', filename: 'w.csv', content: WEEKS }]));
    expect(fits.statusCode, fits.body).toBe(202);
    const before = storeEntries();
    const big = multipart([{ name: 'persons', filename: 'p.csv', content: `person_id,gender\n${'p1,F\n'.repeat(5000)}` }, { name: 'weeks', filename: 'w.csv', content: WEEKS }]);
    const res = await post(f, evaluator, big);
    expect(res.statusCode).toBe(507);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ type: 'about:blank', title: 'Insufficient Storage', status: 507, code: 'insufficient_storage' });
    // Server-side files are measured before they are copied.
    const reserved = await fixture({ reserveBytes: Number.MAX_SAFE_INTEGER });
    writeFileSync(join(inbox, 'weeks.csv'), WEEKS);
    const copy = await post(reserved, evaluator, { personsPath: 'persons.csv', weeksPath: 'weeks.csv' });
    expect(copy.statusCode).toBe(507);
    // Neither refusal left anything in the store. (The run accepted above may meanwhile have failed
    // on its tiny files and removed its own folder, so compare what is new, not the whole listing.)
    expect(storeEntries().filter((e) => !before.includes(e))).toEqual([]);
  });

  it('a truncated or malformed multipart body is 400 naming the body, never 500', async () => {
    const before = storeEntries();
    const whole = multipart([{ name: 'persons', filename: 'p.csv', content: PERSONS.repeat(20) }, { name: 'weeks', filename: 'w.csv', content: WEEKS }], 'cut');
    const cut = await post(small, evaluator, { payload: whole.payload.slice(0, 200), headers: whole.headers });
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body' }] });
    const malformed = await post(small, evaluator, { payload: '--cut\r\nContent-Disposition: form-data; name="persons"; filename="p.csv"\r\n', headers: whole.headers });
    expect(malformed.statusCode, malformed.body).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body' }] });
    expect(storeEntries()).toEqual(before);
  });

  it('a file name with a NUL is 400 naming the file field, not a 500 from the database', async () => {
    const before = storeEntries();
    const res = await post(small, evaluator, multipart([{ name: 'persons', filename: 'p\u0000.csv', content: PERSONS }, { name: 'weeks', filename: 'w.csv', content: WEEKS }]));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'persons' }] });
    expect(storeEntries()).toEqual(before);
  });

  it('answers server-side paths the same whether or not a file exists outside the folder', async () => {
    const answer = async (personsPath: string) => {
      const res = await post(small, evaluator, { personsPath, weeksPath: 'persons.csv' });
      return { status: res.statusCode, type: res.headers['content-type'], body: res.body };
    };
    const existing = await answer('../secret.csv');
    expect(existing.status).toBe(400);
    expect(JSON.parse(existing.body)).toMatchObject({ errors: [{ field: 'personsPath', message: NOT_IN_FOLDER }] });
    expect(await answer('../missing.csv')).toEqual(existing);
    expect(await answer(join(store, 'secret.csv'))).toEqual(existing);
    expect(await answer(join(store, 'missing.csv'))).toEqual(existing);
    expect(await answer('/etc/hostname')).toEqual(existing);
    expect(await answer('/etc/no-such-file-here')).toEqual(existing);
    // A folder, and a file missing inside the folder, get the same answer too.
    expect(await answer('.')).toEqual(existing);
    expect(await answer('nope.csv')).toEqual(existing);
  });
});
