import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { HSTS_MAX_AGE, PERMISSIONS_POLICY } from './security-headers.ts';

/** The headers every response carries, whatever it is. */
function expectSecurityHeaders(res: LightMyRequestResponse): void {
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
}

describe('security headers', () => {
  let test: TestDatabase;
  let web: string;
  let app: FastifyInstance;
  let production: FastifyInstance;

  beforeAll(async () => {
    test = await createTestDatabase('pglite');
    web = mkdtempSync(join(tmpdir(), 'jobvej-web-headers-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>jobvej</title>');
    const cprKey = randomBytes(32);
    app = await buildApp({ db: test.db, cprKey, webDist: web, logger: false, nodeEnv: 'test' });
    production = await buildApp({ db: test.db, cprKey, webDist: web, logger: false, nodeEnv: 'production' });
  });
  afterAll(async () => {
    await app.close();
    await production.close();
    await test.drop();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves the web app under a CSP without inline script, framing or plugins', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
    const csp = String(res.headers['content-security-policy']);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values.join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('script-src-attr')).toBe("'none'");
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directives.get('font-src')).toBe("'self'");
    // The spoken questions: clips from this origin, and the just-recorded clip from a blob: URL.
    expect(directives.get('media-src')).toBe("'self' blob:");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['permissions-policy']).toBe(PERMISSIONS_POLICY);
    // The microphone and autoplay for this origin only (the recording page, the citizen's page), never an embedded frame's.
    const features = new Map(PERMISSIONS_POLICY.split(', ').map((f) => f.split('=') as [string, string]));
    expect(features.get('microphone')).toBe('(self)');
    expect(features.get('autoplay')).toBe('(self)');
    expect(features.get('camera')).toBe('()');
    expect(features.get('geolocation')).toBe('()');
    expect([...features.values()].filter((v) => v !== '()')).toEqual(['(self)', '(self)']);
    expect(res.headers['cache-control']).not.toBe('no-store');
  });

  it('sends HSTS (and upgrade-insecure-requests) only in production', async () => {
    const dev = await app.inject({ method: 'GET', url: '/' });
    expect(dev.headers['strict-transport-security']).toBeUndefined();
    const prod = await production.inject({ method: 'GET', url: '/' });
    expect(prod.headers['strict-transport-security']).toBe(`max-age=${HSTS_MAX_AGE}; includeSubDomains`);
    expect(prod.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    expectSecurityHeaders(prod);
  });

  it('marks every /api/ response no-store: success, a route with its own Cache-Control, 401, 400, 413, 414, 415', async () => {
    const responses = await Promise.all([
      app.inject({ method: 'GET', url: '/api/health' }),
      app.inject({ method: 'GET', url: '/api/instruments/fip' }),
      app.inject({ method: 'GET', url: '/api/citizens' }),
      app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' }),
      app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'x'.repeat(300_000) }) }),
      app.inject({ method: 'GET', url: `/api/health?${'q'.repeat(9000)}` }),
      app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 401, 400, 413, 414, 415]);
    for (const res of responses) {
      expect(res.headers['cache-control'], res.raw.req.url).toBe('no-store');
      expectSecurityHeaders(res);
    }
  });
});
