import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { createTestDatabase, type TestDatabase } from './platform/db/testing.ts';
import { createFixture, createUser, login, registerCitizen, type Fixture } from '../../tests/support/app-fixture.ts';

describe('web app serving', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jobvej-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>jobvej</title>');
    writeFileSync(join(dir, 'handover.html'), '<!doctype html><title>hand-over</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), 'console.log("hashed")');
    writeFileSync(join(dir, 'assets', 'index-AbCd1234.js.br'), 'BROTLI-BYTES');
    writeFileSync(join(dir, 'assets', 'index-AbCd1234.js.gz'), 'GZIP-BYTES');
    t = await createTestDatabase('pglite');
    app = await buildApp({ db: t.db, cprKey: randomBytes(32), webDist: dir, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files, falls back to index.html for other GETs, but not for /api', async () => {
    expect((await app.inject({ url: '/assets/app.js' })).body).toBe('console.log(1)');
    const deep = await app.inject({ url: '/citizens/123' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>jobvej</title>');
    expect((await app.inject({ url: '/' })).body).toContain('<title>jobvej</title>');
    const api = await app.inject({ url: '/api/nothing-here', method: 'GET' });
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });

  it('sends the precompressed file the client accepts, caches hashed bundles for a year and revalidates pages', async () => {
    const br = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body).toBe('BROTLI-BYTES');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body).toBe('GZIP-BYTES');
    const plain = await app.inject({ url: '/assets/index-AbCd1234.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe('console.log("hashed")');
    // Not hashed, or a page: revalidated.
    expect((await app.inject({ url: '/assets/app.js' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/handover.html' })).headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/citizens/123' })).headers['cache-control']).toBe('no-cache');
  });

  it('answers by content negotiation with Vary and an ETag per encoding, and 304 to a revalidation', async () => {
    const br = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gz = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip' } });
    for (const res of [br, gz]) expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers.etag).toMatch(/^(W\/)?"/);
    expect(gz.headers.etag).toMatch(/^(W\/)?"/);
    // A cache must not hand the gzip body to a client that was sent the brotli one's tag.
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const again = await app.inject({ url: '/assets/index-AbCd1234.js', headers: { 'accept-encoding': 'gzip, deflate, br', 'if-none-match': String(br.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const page = await app.inject({ url: '/' });
    expect(page.headers.etag).toBeDefined();
    expect((await app.inject({ url: '/', headers: { 'if-none-match': String(page.headers.etag) } })).statusCode).toBe(304);
  });

  it('serves a file written after start-up (a rebuilt bundle) and answers a missing file with 404, not index.html', async () => {
    writeFileSync(join(dir, 'assets', 'later.js'), 'console.log(2)');
    const later = await app.inject({ url: '/assets/later.js' });
    expect(later.statusCode).toBe(200);
    expect(later.body).toBe('console.log(2)');
    const missing = await app.inject({ url: '/assets/index-stale.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('concurrent requests on PGlite (one serialised connection)', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture('pglite');
    await createUser(f, 'caseworker@607', 'caseworker', '607');
  });
  afterAll(async () => {
    await f.close();
  });

  it('handles 30 parallel writes and reads without mixing transactions', async () => {
    const cw = await login(f, 'caseworker@607');
    const ids = await Promise.all(Array.from({ length: 15 }, (_, i) => registerCitizen(f, cw, { name: `Parallel ${i}` })));
    const reads = await Promise.all(ids.map((id) => f.app.inject({ url: `/api/citizens/${id}`, headers: { cookie: cw.headers.cookie ?? '' } })));
    expect(reads.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const list = await f.app.inject({ url: '/api/citizens', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(list.json().citizens).toHaveLength(15);
  });
});
