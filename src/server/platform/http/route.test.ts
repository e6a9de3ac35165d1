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
import { ApiError } from './errors.ts';
import { EdgeError } from './edge-errors.ts';
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
    // A command that records its audit event on the trail, and one that forgets to.
    defineRoute(f.app, ctx, {
      method: 'POST', url: '/api/test/by-command', response: z.object({ ok: z.boolean() }), status: 201, can: 'company.create',
      audit: { action: 'company.create', entity: 'company', byCommand: true },
      handler: async (input) => {
        await insertCompany('Recorded A/S')(input);
        input.trail.record('company.create', 'company', 'recorded-id', { marker: 'by-command' });
        input.trail.record('need.create', 'labour_need', 'second-id', { marker: 'by-command-2' });
        return { ok: true };
      },
    });
    defineRoute(f.app, ctx, {
      method: 'POST', url: '/api/test/command-forgets', response: z.object({ ok: z.boolean() }), status: 201, can: 'company.create',
      audit: { action: 'company.create', entity: 'company', byCommand: true },
      handler: async (input) => {
        await insertCompany('Unaudited A/S')(input);
        return { ok: true };
      },
    });
    defineRoute(f.app, ctx, {
      method: 'GET', url: '/api/test/first/:id', params: z.object({ id: z.string() }), response: z.object({ rows: z.number() }), can: 'company.view',
      audit: { action: 'company.view', entity: 'company', first: true, detail: () => ({ marker: 'first' }) },
      handler: async ({ tx, params }) => {
        if (params.id === 'missing') throw new ApiError('not_found', 'No such thing');
        const mine = await tx.selectFrom('audit_log').select('id').where('entity_id', '=', params.id).where('action', '=', 'company.view').execute();
        return { rows: mine.length };
      },
    });
    const discarded: string[] = [];
    const committed: string[] = [];
    const shape = z.object({ ok: z.boolean() });
    const prepare = {
      run: async ({ request }: { request: { headers: Record<string, unknown> } }) => {
        if (request.headers['x-refuse-early-work'] === '1') throw new ApiError('validation_failed', 'Invalid file', [{ field: 'persons', message: 'bad' }]);
        return `prepared-${String(request.headers['x-tag'] ?? '')}`;
      },
      discard: (p: string) => void discarded.push(p),
    };
    defineRoute<undefined, undefined, undefined, typeof shape, string>(f.app, ctx, {
      method: 'POST', url: '/api/test/prepared', response: shape, status: 202, can: 'company.create',
      audit: { action: 'company.create', entity: 'company', id: ({ prepared }) => prepared, detail: () => ({ marker: 'prepared' }) },
      early: async (request) => {
        if (request.headers['x-refuse-early'] === '1') throw new EdgeError({ status: 413, code: 'payload_too_large', detail: 'Too large' });
      },
      prepare,
      handler: async (input) => {
        await insertCompany('Prepared A/S')(input);
        if (input.request.headers['x-fail-in-tx'] === '1') throw new RangeError('fails inside the transaction');
        return { ok: true };
      },
      afterCommit: (_, p) => void committed.push(p),
    });
    Object.assign(state, { discarded, committed });
    await createUser(f, 'cw@607', 'caseworker', '607');
    cw = await login(f, 'cw@607');
  });
  const state: { discarded: string[]; committed: string[] } = { discarded: [], committed: [] };
  const lastAudit = async (n = 1) => f.test.db.kysely.selectFrom('audit_log').select(['action', 'entity_id', 'detail']).orderBy('id', 'desc').limit(n).execute();
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

  it("a command's recorded events are written in order, and a declared event the command did not record fails the request and rolls back", async () => {
    const before = await companyCount();
    const ok = await f.app.inject({ method: 'POST', url: '/api/test/by-command', headers: cw.headers });
    expect(ok.statusCode, ok.body).toBe(201);
    const [second, first] = await lastAudit(2);
    expect(first).toMatchObject({ action: 'company.create', entity_id: 'recorded-id', detail: { marker: 'by-command' } });
    expect(second).toMatchObject({ action: 'need.create', entity_id: 'second-id' });
    expect(await companyCount()).toBe(before + 1);

    const forgot = await f.app.inject({ method: 'POST', url: '/api/test/command-forgets', headers: cw.headers });
    expect(forgot.statusCode).toBe(500);
    expect(await companyCount()).toBe(before + 1);
  });

  it('`first` writes the audit row before the handler reads (the read sees it), and a 404 rolls it back', async () => {
    const id = `first-${kind}`;
    const res = await f.app.inject({ method: 'GET', url: `/api/test/first/${id}`, headers: { cookie: cw.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1 });
    const missing = await f.app.inject({ method: 'GET', url: '/api/test/first/missing', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(missing.statusCode).toBe(404);
    const rows = await f.test.db.kysely.selectFrom('audit_log').select(['action']).where('entity_id', '=', 'missing').execute();
    expect(rows.map((r) => r.action)).toEqual(['access.denied']);
  });

  it('`prepare` runs before the transaction and is discarded when anything after it fails; `afterCommit` runs only after a commit; `early` refusals are audited', async () => {
    const before = await companyCount();
    const ok = await f.app.inject({ method: 'POST', url: '/api/test/prepared', headers: { ...cw.headers, 'x-tag': `ok-${kind}` } });
    expect(ok.statusCode, ok.body).toBe(202);
    expect(state.committed).toContain(`prepared-ok-${kind}`);
    expect((await lastAudit())[0]).toMatchObject({ action: 'company.create', entity_id: `prepared-ok-${kind}`, detail: { marker: 'prepared' } });

    const failed = await f.app.inject({ method: 'POST', url: '/api/test/prepared', headers: { ...cw.headers, 'x-tag': `fail-${kind}`, 'x-fail-in-tx': '1' } });
    expect(failed.statusCode).toBe(500);
    expect(state.discarded).toContain(`prepared-fail-${kind}`);
    expect(state.committed).not.toContain(`prepared-fail-${kind}`);
    expect(await companyCount()).toBe(before + 1);

    const bad = await f.app.inject({ method: 'POST', url: '/api/test/prepared', headers: { ...cw.headers, 'x-refuse-early-work': '1' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'persons' }] });

    await createUser(f, `ev2-${kind}@607`, 'evaluator', '607');
    const ev = await login(f, `ev2-${kind}@607`);
    const refused = await f.app.inject({ method: 'POST', url: '/api/test/prepared', headers: { ...ev.headers, 'x-tag': 'never' } });
    expect(refused.statusCode).toBe(403);
    expect((await lastAudit())[0]).toMatchObject({ action: 'access.denied', detail: { action: 'company.create', status: 403 } });
    const early = await f.app.inject({ method: 'POST', url: '/api/test/prepared', headers: { ...cw.headers, 'x-refuse-early': '1' } });
    expect(early.statusCode).toBe(413);
    expect(await companyCount()).toBe(before + 1);
  });
});
