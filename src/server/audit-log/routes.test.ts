// The audit routes on both database kinds: the chain head for the national admin, and a
// citizen's access log for the municipality's managers, isolated by row-level security.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestDatabase, databases } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { createUser, login, registerCitizen, startRound, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import { writeAudit } from '../platform/audit/audit-writer.ts';
import { readChainHead } from '../platform/audit/chain-head.ts';
import { takeCheckpoint } from '../platform/audit/checkpoint-writer.ts';
import { ACCESS_LOG_PAGE } from './access-log.ts';

describe.each(databases)('audit routes on %s', (kind) => {
  let f: Fixture;
  let dir: string;
  let file: string;
  let admin: Login;
  let manager607: Login;
  let manager727: Login;
  let cw607: Login;
  let citizen: string;
  const cookie = (as: Login) => ({ cookie: as.headers.cookie ?? '' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jobvej-audit-routes-'));
    file = join(dir, 'audit-checkpoints.log');
    const test = await createTestDatabase(kind);
    const cprKey = randomBytes(32);
    const app = await buildApp({ db: test.db, cprKey, logger: false, nodeEnv: 'test', auditCheckpointFile: file });
    f = { app, test, cprKey, close: async () => { await app.close(); await test.drop(); } };
    await createUser(f, 'admin', 'admin', null);
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'manager@727', 'manager', '727');
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    admin = await login(f, 'admin');
    manager607 = await login(f, 'manager@607');
    manager727 = await login(f, 'manager@727');
    cw607 = await login(f, 'caseworker@607');
    citizen = await registerCitizen(f, cw607);
  });
  afterAll(async () => {
    await f.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /api/audit/head: the head and the last checkpoint, for the admin only', async () => {
    const before = await f.app.inject({ method: 'GET', url: '/api/audit/head', headers: cookie(admin) });
    expect(before.statusCode).toBe(200);
    const head = await readChainHead(f.test.db.kysely);
    expect(before.json()).toEqual({ head: { id: head.id, hash: head.hash }, lastCheckpoint: null, checkpointProblem: null });
    const outcome = await takeCheckpoint(f.test.db.kysely, file);
    const after = await f.app.inject({ method: 'GET', url: '/api/audit/head', headers: cookie(admin) });
    expect(outcome.status).toBe('written');
    expect(after.json().lastCheckpoint).toEqual(outcome.status === 'written' ? outcome.checkpoint : null);
    for (const as of [manager607, cw607]) {
      expect((await f.app.inject({ method: 'GET', url: '/api/audit/head', headers: cookie(as) })).statusCode).toBe(403);
    }
    expect((await f.app.inject({ method: 'GET', url: '/api/audit/head' })).statusCode).toBe(401);
  });

  it('GET /api/citizens/:id/access-log: who looked, by name, newest first; the read is audited', async () => {
    await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}`, headers: cookie(cw607) });
    await startRound(f, cw607, citizen); // round.start, entity round, detail.citizenId
    const other = '00000000-0000-4000-8000-0000000000aa';
    const cwId = (await f.test.db.kysely.selectFrom('users').select('id').where('username', '=', 'caseworker@607').executeTakeFirstOrThrow()).id;
    const cwActor = { userId: cwId, role: 'caseworker', municipalityCode: '607' };
    expect((await f.app.inject({ method: 'GET', url: '/api/citizens', headers: cookie(cw607) })).statusCode).toBe(200); // records detail.citizenIds
    await withTenant(f.test.db, cwActor, (tx) => writeAudit(tx, cwActor, 'citizen.list', 'citizen', null, { citizenIds: [other] }));
    const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}/access-log`, headers: cookie(manager607) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.citizenId).toBe(citizen);
    expect(body.nextBefore).toBeNull();
    expect(body.entries.map((e: { action: string; actorName: string; via: string }) => [e.action, e.actorName, e.via])).toEqual([
      ['citizen.access_log', 'manager@607', 'entity'],
      ['citizen.list', 'caseworker@607', 'list'],
      ['round.start', 'caseworker@607', 'related'],
      ['citizen.view', 'caseworker@607', 'entity'],
      ['citizen.create', 'caseworker@607', 'entity'],
    ]);
    expect(body.entries[0]).toMatchObject({ actorRole: 'manager', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const audited = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'municipality_code']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audited).toEqual({ action: 'citizen.access_log', entity: 'citizen', entity_id: citizen, municipality_code: '607' });
  });

  it('isolation: 727 gets 404 for a 607 citizen, and 727 rows never show in 607’s log', async () => {
    const actor727 = { userId: '00000000-0000-4000-8000-000000000727', role: 'caseworker', municipalityCode: '727' };
    await withTenant(f.test.db, actor727, (tx) => writeAudit(tx, actor727, 'citizen.list', 'citizen', null, { citizenIds: [citizen] }));
    await withTenant(f.test.db, actor727, (tx) => writeAudit(tx, actor727, 'citizen.view', 'citizen', citizen));
    const count = async () => (await f.test.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'citizen.access_log').execute()).length;
    const before = await count();
    const denied = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}/access-log`, headers: cookie(manager727) });
    expect(denied.statusCode).toBe(404);
    expect(denied.json()).toMatchObject({ code: 'not_found' });
    expect(await count()).toBe(before);
    // The refused attempt is audited in 727 (the route pipeline's access.denied), and names the citizen id asked for.
    const refused = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'entity_id', 'municipality_code']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(refused).toEqual({ action: 'access.denied', entity_id: citizen, municipality_code: '727' });
    const seen = (await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}/access-log`, headers: cookie(manager607) })).json();
    expect(seen.entries.filter((e: { actorRole: string; actorUserId: string }) => e.actorUserId === actor727.userId)).toEqual([]);
    // The database alone, without the route: 727's transaction reads none of 607's audit rows.
    const rows607 = await withTenant(f.test.db, actor727, (tx) => tx.selectFrom('audit_log').select('municipality_code').where('municipality_code', '=', '607').execute());
    expect(rows607).toEqual([]);
    // The owner-run lookup behind the access log answers for the transaction's municipality only.
    const found = await withTenant(f.test.db, actor727, async (tx) => (await sql<{ id: string }>`SELECT audit_citizen_rows(${citizen}, NULL, 1000) AS id`.execute(tx)).rows.map((r) => r.id));
    expect(found).toHaveLength(3); // 727's list read, view and refused access-log read
    const towns = await f.test.db.kysely.selectFrom('audit_log').select('municipality_code').where('id', 'in', found).execute();
    expect(towns.map((r) => r.municipality_code)).toEqual(['727', '727', '727']);
  });

  it('refuses caseworkers and malformed ids, and pages by ?before=', async () => {
    expect((await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}/access-log`, headers: cookie(cw607) })).statusCode).toBe(403);
    expect((await f.app.inject({ method: 'GET', url: '/api/citizens/not-an-id/access-log', headers: cookie(manager607) })).statusCode).toBe(400);
    expect((await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}/access-log?before=x`, headers: cookie(manager607) })).statusCode).toBe(400);
    const actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'caseworker', municipalityCode: '607' };
    await withTenant(f.test.db, actor, async (tx) => {
      for (let i = 0; i < ACCESS_LOG_PAGE; i += 1) await writeAudit(tx, actor, 'citizen.view', 'citizen', citizen);
    });
    const first = (await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}/access-log`, headers: cookie(manager607) })).json();
    expect(first.entries).toHaveLength(ACCESS_LOG_PAGE);
    expect(first.nextBefore).toBe(first.entries.at(-1).id);
    const second = (await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}/access-log?before=${first.nextBefore}`, headers: cookie(manager607) })).json();
    expect(second.entries.length).toBeGreaterThan(0);
    expect(BigInt(second.entries[0].id)).toBeLessThan(BigInt(first.nextBefore));
  });
});
