import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { createFixture, type Fixture } from '../../../tests/support/app-fixture.ts';

describe.each(databases)('health and instrument on %s', (kind) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(kind);
  });
  afterAll(async () => {
    await f.close();
  });

  it('reports status, database kind and version without login', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: kind, version: '0.1.0' });
  });

  it('serves the FIP instrument without login', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/instruments/fip' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.id).toBe('fip');
    expect(body.items).toHaveLength(22);
  });

  it('answers unknown API paths with problem+json, never a stack', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/health/x' });
    expect([401, 404]).toContain(res.statusCode);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
