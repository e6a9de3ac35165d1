// The data-subject export: a manager downloads everything held about one citizen with its access
// log; a caseworker may not; another municipality's manager gets 404 (audited as refused); the
// export itself is audited and appears in the next export's access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, login, registerCitizen, startRound, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

describe.each(databases)('the data-subject export on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let manager: Login;
  let manager727: Login;
  let citizen: string;
  beforeAll(async () => {
    f = await createFixture(kind);
    await createUser(f, 'cw@607', 'caseworker', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'manager@727', 'manager', '727');
    cw = await login(f, 'cw@607');
    manager = await login(f, 'manager@607');
    manager727 = await login(f, 'manager@727');
    citizen = await registerCitizen(f, cw, { name: 'Export Person' });
    await startRound(f, cw, citizen);
    const offer = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizen}/offers`, headers: cw.headers, payload: { kind: 'praktik_private', startDate: '2025-08-01' } });
    expect(offer.statusCode, offer.body).toBe(201);
    await f.app.inject({ method: 'GET', url: `/api/citizens/${citizen}`, headers: { cookie: cw.headers.cookie ?? '' } });
  });
  afterAll(async () => {
    await f.close();
  });

  const exportOf = (as: Login, id = citizen) => f.app.inject({ method: 'GET', url: `/api/citizens/${id}/export`, headers: { cookie: as.headers.cookie ?? '' } });

  it('gives a manager the record, rounds, offers and who looked, as a JSON download', async () => {
    const res = await exportOf(manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="citizen-[0-9a-f]{8}-export\.json"/);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    const body = res.json();
    expect(body.citizen).toMatchObject({ id: citizen, name: 'Export Person' });
    expect(body.citizen.cprMasked).toMatch(/^\d{6}-\*{4}$/);
    expect(JSON.stringify(body)).not.toMatch(/cpr_encrypted|cpr_hash/);
    expect(body.rounds).toHaveLength(1);
    expect(body.offers.map((o: { kind: string }) => o.kind)).toEqual(['praktik_private']);
    const actions = body.accessLog.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['citizen.create', 'round.start', 'offer.create', 'citizen.view']));
    expect(body.accessLog.every((e: { actorName: string | null }) => e.actorName === 'cw@607')).toBe(true);
  });

  it('is audited, and the next export lists the earlier one', async () => {
    const res = await exportOf(manager);
    const entries = res.json().accessLog as { action: string; actorName: string }[];
    expect(entries.filter((e) => e.action === 'citizen.export').length).toBeGreaterThanOrEqual(1);
    expect(entries.find((e) => e.action === 'citizen.export')?.actorName).toBe('manager@607');
  });

  it('is refused to a caseworker (403) and to another municipality (404, audited as refused)', async () => {
    expect((await exportOf(cw)).statusCode).toBe(403);
    const other = await exportOf(manager727);
    expect(other.statusCode).toBe(404);
    const denied = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'municipality_code', 'entity_id', 'detail']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ action: 'access.denied', municipality_code: '727', entity_id: citizen, detail: { action: 'citizen.export' } });
  });
});
