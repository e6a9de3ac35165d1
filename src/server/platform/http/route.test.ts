// The route wrapper's promises: the response is built and checked inside the transaction (a
// presenter that throws, or a response that does not match its schema, rolls the write back and
// answers 500 problem+json without detail); a list leaves out a row it cannot present and
// answers 200 with the rest; the declared audit row is written with the data.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { databases } from '../db/testing.ts';
import type { Tx } from '../db/tenant.ts';
import { createCprVault } from '../crypto/cpr-vault.ts';
import { defineRoute } from './route.ts';
import type { PipelineContext } from './pipeline-context.ts';
import { createFixture, createUser, login, type Fixture, type Login } from '../../../../tests/support/app-fixture.ts';

describe.each(databases)('route wrapper on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  const companyCount = async () => (await f.test.db.kysely.selectFrom('companies').select('id').execute()).length;

  beforeAll(async () => {
    f = await createFixture(kind);
    const ctx: PipelineContext = { db: f.test.db, vault: createCprVault(randomBytes(32)), now: () => new Date('2026-12-03T10:00:00Z'), secureCookies: false };
    const insertCompany = (name: string) => async ({ tx, actor }: { tx: Tx; actor: { municipalityCode: string } }) => {
      await tx.insertInto('companies').values({ municipality_code: actor.municipalityCode, cvr: String(10_000_000 + Math.floor(Math.random() * 89_999_999)), name, db07: null, address: null, contacts: JSON.stringify([]) }).execute();
    };
    defineRoute(f.app, ctx, {
      method: 'POST', url: '/api/test/presenter-throws', response: z.object({ ok: z.boolean() }), status: 201, can: 'company.create',
      audit: { action: 'company.create', entity: 'company', id: () => null },
      handler: async (input) => {
        await insertCompany('Rolled Back A/S')(input);
        // The presenter fails after the write (as a year-9999 date once did).
        throw new RangeError('presenter failed');
      },
    });
    defineRoute(f.app, ctx, {
      method: 'POST', url: '/api/test/bad-response', response: z.object({ ok: z.boolean() }), status: 201, can: 'company.create',
      audit: { action: 'company.create', entity: 'company', id: () => null },
      handler: async (input) => {
        await insertCompany('Also Rolled Back A/S')(input);
        return { ok: 'yes' as unknown as boolean };
      },
    });
    defineRoute(f.app, ctx, {
      method: 'POST', url: '/api/test/writes', response: z.object({ ok: z.boolean() }), status: 201, can: 'company.create',
      audit: { action: 'company.create', entity: 'company', id: () => null, detail: () => ({ marker: 'wrapper-test' }) },
      handler: async (input) => {
        await insertCompany('Kept A/S')(input);
        return { ok: true };
      },
    });
    const item = z.object({ n: z.number() });
    defineRoute(f.app, ctx, {
      method: 'GET', url: '/api/test/list', response: z.object({ items: z.array(item) }), can: 'company.view', audit: null,
      handler: async ({ presentEach }) => ({
        items: presentEach([1, 2, 3, 4], item, (n) => {
          if (n === 2) throw new RangeError('cannot present row 2');
          return { n: n === 3 ? Number.NaN : n };
        }, String),
      }),
    });
    await createUser(f, 'cw@607', 'caseworker', '607');
    cw = await login(f, 'cw@607');
  });
  afterAll(async () => {
    await f.close();
  });

  it('a presenter that throws after the write: 500 problem+json without detail, and the write rolled back', async () => {
    const before = await companyCount();
    const res = await f.app.inject({ method: 'POST', url: '/api/test/presenter-throws', headers: cw.headers });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).not.toMatch(/presenter failed|RangeError|at /);
    expect(await companyCount()).toBe(before);
  });

  it('a response that does not match its schema: 500, and the write rolled back', async () => {
    const before = await companyCount();
    const res = await f.app.inject({ method: 'POST', url: '/api/test/bad-response', headers: cw.headers });
    expect(res.statusCode).toBe(500);
    expect(await companyCount()).toBe(before);
  });

  it('a good write commits with its declared audit row', async () => {
    const before = await companyCount();
    const res = await f.app.inject({ method: 'POST', url: '/api/test/writes', headers: cw.headers });
    expect(res.statusCode, res.body).toBe(201);
    expect(await companyCount()).toBe(before + 1);
    const audit = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'detail', 'municipality_code']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'company.create', detail: { marker: 'wrapper-test' }, municipality_code: '607' });
  });

  it('a list leaves out the rows it cannot present and answers 200 with the rest', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/test/list', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [{ n: 1 }, { n: 4 }] });
  });

  it('the permission is checked before anything runs, and a refusal is audited', async () => {
    await createUser(f, 'ev@607', 'evaluator', '607');
    const ev = await login(f, 'ev@607');
    const before = await companyCount();
    const res = await f.app.inject({ method: 'POST', url: '/api/test/writes', headers: ev.headers });
    expect(res.statusCode).toBe(403);
    expect(await companyCount()).toBe(before);
    // The refusal itself is audited, like a 404 on an id.
    const audit = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'detail', 'municipality_code', 'actor_role']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'access.denied', municipality_code: '607', actor_role: 'evaluator', detail: { action: 'company.create', status: 403 } });
  });
});
