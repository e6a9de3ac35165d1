// One stored bad row never takes a page down: a citizen whose take-over date is a year-9999 typo
// (stored before dates were held to the domain range) still lists and opens, with the rest of
// the caseload beside it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

describe.each(databases)('a stored year-9999 citizen on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let typo: string;
  beforeAll(async () => {
    f = await createFixture(kind);
    await createUser(f, 'cw@607', 'caseworker', '607');
    cw = await login(f, 'cw@607');
    await registerCitizen(f, cw, { name: 'Ordinary' });
    typo = await registerCitizen(f, cw, { name: 'Typo' });
    // As the table owner, the way an old row or a manual fix would have stored it.
    await sql`UPDATE citizens SET takeover_date = '9999-06-01' WHERE id = ${typo}`.execute(f.test.db.kysely);
  });
  afterAll(async () => {
    await f.close();
  });

  it('the caseload lists every citizen, the typo included', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/citizens', headers: { cookie: cw.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().citizens.map((c: { name: string }) => c.name).sort()).toEqual(['Ordinary', 'Typo']);
  });

  it('the citizen opens, and the page’s parts answer 200', async () => {
    for (const path of ['', '/offers', '/outcomes', '/deadlines', '/enrolments']) {
      const res = await f.app.inject({ method: 'GET', url: `/api/citizens/${typo}${path}`, headers: { cookie: cw.headers.cookie ?? '' } });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    }
  });
});
