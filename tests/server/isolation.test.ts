// Tenant isolation: a caseworker of Odder (727) must not reach any citizen of Fredericia (607)
// through any route (always 404, never 403, so ids do not leak) — and the database policies
// hold on their own, without the application's queries.
import { auditAfter, auditMark } from '../support/audit-checks.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases } from '../../src/server/platform/db/testing.ts';
import { withTenant } from '../../src/server/platform/db/tenant.ts';
import { createFixture, registerCitizen, startRound, type Fixture, type Login, twoCaseworkers } from '../support/app-fixture.ts';

describe.each(databases)('isolation between municipalities on %s', (kind) => {
  let f: Fixture;
  let cw607: Login;
  let cw727: Login;
  const ids607: { citizenId: string; roundId: string }[] = [];

  beforeAll(async () => {
    f = await createFixture(kind);
    ({ cw607, cw727 } = await twoCaseworkers(f));
    for (let i = 0; i < 3; i++) {
      const citizenId = await registerCitizen(f, cw607, { name: `Fredericia ${i}` });
      ids607.push({ citizenId, roundId: await startRound(f, cw607, citizenId) });
    }
    await registerCitizen(f, cw727, { name: 'Odder 1', cpr: '010190-1001' }); // the same CPR may exist in another municipality
  });
  afterAll(async () => {
    await f.close();
  });

  it('727 gets 404 for every 607 citizen and round through every route, and nothing changes', async () => {
    const mark = await auditMark(f);
    const roundsBefore = await f.test.db.kysely.selectFrom('fip_rounds').select('id').execute();
    for (const { citizenId, roundId } of ids607) {
      const responses = [
        await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: { cookie: cw727.headers.cookie ?? '' } }),
        await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}/enrolments`, headers: { cookie: cw727.headers.cookie ?? '' } }),
        await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/rounds`, headers: cw727.headers }),
        await f.app.inject({ method: 'PUT', url: `/api/rounds/${roundId}/answers`, headers: cw727.headers, payload: { respondent: 'caseworker', answers: [{ itemId: 'w01', value: 1 }], complete: true } }),
        await f.app.inject({ method: 'PUT', url: `/api/rounds/${roundId}/answers`, headers: cw727.headers, payload: { respondent: 'citizen', answers: [{ itemId: 'c01', value: 1 }], complete: false } }),
        await f.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/handover`, headers: cw727.headers }),
      ];
      for (const res of responses) {
        expect(res.statusCode, res.body).toBe(404);
        expect(res.json()).toMatchObject({ code: 'not_found' });
      }
    }
    const list = await f.app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie: cw727.headers.cookie ?? '' } });
    expect(list.json().citizens.map((c: { name: string }) => c.name)).toEqual(['Odder 1']);
    const me = await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cw727.headers.cookie ?? '' } });
    expect(me.json().handover).toBeNull();
    const answers = await f.test.db.kysely.selectFrom('fip_answers').select('item_id').execute();
    expect(answers).toEqual([]);
    expect(await f.test.db.kysely.selectFrom('fip_rounds').select('id').execute()).toHaveLength(roundsBefore.length);
    // The list read was audited with the one citizen it showed; each refused attempt on a citizen
    // or round route was audited once as the 727 caller, naming the id it asked for.
    const rows = await auditAfter(f, mark);
    const listed = rows.filter((r) => r.action === 'citizen.list');
    expect(listed).toHaveLength(1);
    expect(listed[0]?.detail).toMatchObject({ count: 1 });
    const denied = rows.filter((r) => r.action === 'access.denied');
    expect(denied).toHaveLength(ids607.length * 6);
    expect(rows).toHaveLength(denied.length + 1);
    for (const row of denied) {
      expect(row.municipality_code).toBe('727');
      expect(ids607.flatMap((i) => [i.citizenId, i.roundId])).toContain(row.entity_id);
    }
  });

  it('the database policies alone: jobvej_app with the 727 setting sees no 607 rows, without a WHERE clause', async () => {
    const seen = await withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, async (tx) => ({
      citizens: (await sql<{ municipality_code: string }>`SELECT municipality_code FROM citizens`.execute(tx)).rows,
      rounds: (await sql<{ id: string }>`SELECT id FROM fip_rounds`.execute(tx)).rows,
      updated: Number((await sql`UPDATE citizens SET name = 'x'`.execute(tx)).numAffectedRows ?? 0n),
      deleted: Number((await sql`DELETE FROM fip_answers`.execute(tx)).numAffectedRows ?? 0n),
    }));
    expect(seen.citizens).toEqual([{ municipality_code: '727' }]);
    expect(seen.rounds).toEqual([]);
    expect(seen.deleted).toBe(0);
    // The UPDATE touched only 727's own row; 607's names are unchanged.
    expect(seen.updated).toBe(1);
    const names607 = await withTenant(f.test.db, { municipalityCode: '607', userId: null, role: 'caseworker' }, async (tx) =>
      (await sql<{ name: string }>`SELECT name FROM citizens ORDER BY name`.execute(tx)).rows.map((r) => r.name),
    );
    expect(names607).toEqual(['Fredericia 0', 'Fredericia 1', 'Fredericia 2']);
    // Inserting a round for a 607 citizen with the 727 setting is refused.
    await expect(
      withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'caseworker' }, (tx) =>
        tx.insertInto('fip_rounds').values({ citizen_id: ids607[0]?.citizenId ?? '', municipality_code: '607', round_no: 9, started_on: '2026-01-01', instrument_version: 'x' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
