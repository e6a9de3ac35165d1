// Migration 008's backfill: an enrolment from before the module history gets its current module
// (index, template module id, start; end = completion date) from the enrolment row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql as rawSql } from 'kysely';
import { databases } from './testing.ts';
import { sql } from './migrations/008-enrolment-modules.ts';
import { createFixture, createUser, login, registerCitizen, type Fixture } from '../../../../tests/support/app-fixture.ts';

const BACKFILL = /INSERT INTO enrolment_modules[\s\S]*?;/.exec(sql)?.[0] ?? '';

describe.each(databases)('migration 008 backfill on %s', (kind) => {
  let f: Fixture;
  let now = new Date('2026-11-02T09:00:00Z');
  beforeAll(async () => {
    f = await createFixture(kind, { now: () => now });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
  });
  afterAll(async () => {
    await f.close();
  });

  it('writes the current module of each existing enrolment', async () => {
    let cw = await login(f, 'caseworker@607');
    const citizenId = await registerCitizen(f, cw);
    const pkg = (await f.app.inject({ method: 'POST', url: '/api/packages', headers: cw.headers, payload: { templateId: 'vejle-care' } })).json().package;
    const enrolment = (await f.app.inject({ method: 'POST', url: `/api/packages/${pkg.id}/enrolments`, headers: cw.headers, payload: { citizenId } })).json().enrolment;
    now = new Date('2026-11-09T09:00:00Z');
    cw = await login(f, 'caseworker@607');
    const advanced = await f.app.inject({ method: 'POST', url: `/api/enrolments/${enrolment.id}/advance`, headers: cw.headers, payload: { override: { reason: 'Virksomheden er klar' } } });
    expect(advanced.statusCode, advanced.body).toBe(200);
    // As before migration 008: no history rows.
    await rawSql`DELETE FROM enrolment_modules`.execute(f.test.db.kysely);
    expect(BACKFILL).toMatch(/^INSERT INTO enrolment_modules/);
    await rawSql.raw(BACKFILL).execute(f.test.db.kysely);
    const rows = await f.test.db.kysely.selectFrom('enrolment_modules').selectAll().execute();
    expect(rows).toEqual([{
      enrolment_id: enrolment.id, municipality_code: '607', module_index: 1, module_id: 'trial',
      started_on: '2026-11-09', ended_on: null, advanced_by: null, via_override: false,
    }]);
  });
});
