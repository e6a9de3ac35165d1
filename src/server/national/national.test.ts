// The national view on both databases: counts per municipality, quarter and gender made from
// live data, small cells suppressed with their complements, the year only where it adds up;
// the national administrator reaches it (and no route with personal data), a manager sees their
// own municipality beside the country, the
// database function gives other transactions nothing, and a read is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { createFixture, createUser, expectFieldError, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import '../../../tests/support/fuzz/catalogue.ts';
import type { NationalIndicators } from '../../contract/types.ts';

/** Path parts whose routes read or write a citizen's data (as in tests/server/route-pipeline.test.ts). */
const PERSONAL = /\/(citizens|rounds|offers|outcomes|enrolments|packages|handover|evaluations|companies|needs)(\/|$)/;

describe.each(databases)('national view on %s', (kind) => {
  let f: Fixture;
  let nat: Login;
  let cw607: Login;
  let manager: Login;

  const cell = (body: NationalIndicators, id: string, code: string | null, period: string, gender: string) =>
    body.indicators.find((i) => i.id === id)?.rows.find((r) => r.municipalityCode === code)?.cells.find((c) => c.period === period && c.gender === gender)?.count;

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date('2026-11-15T10:00:00Z') });
    await createUser(f, 'national', 'national_admin', null);
    await createUser(f, 'cw@607', 'caseworker', '607');
    await createUser(f, 'cw@727', 'caseworker', '727');
    await createUser(f, 'manager@607', 'manager', '607');
    nat = await login(f, 'national');
    cw607 = await login(f, 'cw@607');
    manager = await login(f, 'manager@607');
    const cw727 = await login(f, 'cw@727');
    // 607: 6 women and 7 men taken over in January 2026; 3 of the women exit to a job in Q2, one man in Q3.
    const women: string[] = [];
    for (let i = 0; i < 6; i++) women.push(await registerCitizen(f, cw607, { gender: 'F', arrivalDate: '2025-12-01', takeoverDate: '2026-01-10' }));
    const men: string[] = [];
    for (let i = 0; i < 7; i++) men.push(await registerCitizen(f, cw607, { gender: 'M', arrivalDate: '2025-12-01', takeoverDate: '2026-01-10' }));
    for (const id of women.slice(0, 3)) {
      const res = await f.app.inject({ method: 'POST', url: `/api/citizens/${id}/outcomes`, headers: cw607.headers, payload: { kind: 'employment', date: '2026-05-04' } });
      expect(res.statusCode, res.body).toBe(201);
    }
    await f.app.inject({ method: 'POST', url: `/api/citizens/${men[0]}/outcomes`, headers: cw607.headers, payload: { kind: 'igu_start', date: '2026-08-01' } });
    // 727: 12 women taken over in April 2026, none exits.
    for (let i = 0; i < 12; i++) await registerCitizen(f, cw727, { gender: 'F', arrivalDate: '2026-03-01', takeoverDate: '2026-04-02' });
  });
  afterAll(async () => {
    await f.close();
  });

  it('counts from live data, with 1–4 suppressed and complemented so no total gives a cell away', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/national/indicators?year=2026', headers: { cookie: nat.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as NationalIndicators;
    expect(body.minPersons).toBe(5);
    // In the programme: published where 5 or more, per quarter only (a person is in several quarters).
    const inProgramme = body.indicators.find((i) => i.id === 'in_programme');
    expect(inProgramme?.periods).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(cell(body, 'in_programme', '607', 'q1', 'F')).toEqual({ value: 6, suppressed: null });
    expect(cell(body, 'in_programme', '607', 'q1', 'M')).toEqual({ value: 7, suppressed: null });
    expect(cell(body, 'in_programme', '727', 'q1', 'F')).toEqual({ value: 0, suppressed: null });
    expect(cell(body, 'in_programme', '727', 'q2', 'F')).toEqual({ value: 12, suppressed: null });
    expect(cell(body, 'in_programme', null, 'q2', 'all')).toEqual({ value: 25, suppressed: null });
    // Q3 in 607: the 3 women who found a job in Q2 have left, the man in Q3 is still counted in Q3.
    expect(cell(body, 'in_programme', '607', 'q3', 'F')?.suppressed).toBe('primary');
    // Exits to a job: the year adds up; 3 women in Q2 are hidden, and so is what would give them away.
    const exits = body.indicators.find((i) => i.id === 'exits_to_job');
    expect(exits?.periods).toEqual(['q1', 'q2', 'q3', 'q4', 'year']);
    expect(cell(body, 'exits_to_job', '607', 'q2', 'F')).toEqual({ value: null, suppressed: 'primary' });
    const q2All = cell(body, 'exits_to_job', '607', 'q2', 'all');
    const q2Men = cell(body, 'exits_to_job', '607', 'q2', 'M');
    expect(q2All?.value === null || q2Men?.value === null).toBe(true);
    expect(cell(body, 'exits_to_job', '607', 'q1', 'F')).toEqual({ value: 0, suppressed: null });
    // Every published count is the true one: nothing is rounded or perturbed.
    for (const ind of body.indicators) for (const row of ind.rows) for (const c of row.cells) if (c.count.value !== null) expect(c.count.suppressed).toBeNull();
    // The country row and all 98 municipalities.
    expect(exits?.rows).toHaveLength(99);
    expect(exits?.rows.at(-1)).toMatchObject({ municipalityCode: null });
    const audit = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'detail', 'municipality_code']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'national.view', detail: { year: 2026 }, municipality_code: null });
  });

  it('without a year, the current year (the app clock: 2026)', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/national/indicators', headers: { cookie: nat.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().year).toBe(2026);
  });

  it('a bad year is a 400 naming it', async () => {
    for (const year of ['26', '1899', 'x', '20266']) {
      const res = await f.app.inject({ method: 'GET', url: `/api/national/indicators?year=${year}`, headers: { cookie: nat.headers.cookie ?? '' } });
      expectFieldError(res, 'year', year);
    }
  });

  it('a manager sees their own municipality and the country, with the same (suppressed) numbers the national view shows; a caseworker is refused', async () => {
    const national = (await f.app.inject({ method: 'GET', url: '/api/national/indicators?year=2026', headers: { cookie: nat.headers.cookie ?? '' } })).json() as NationalIndicators;
    const res = await f.app.inject({ method: 'GET', url: '/api/national/indicators?year=2026', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json() as NationalIndicators;
    for (const ind of mine.indicators) {
      expect(ind.rows.map((r) => r.municipalityCode)).toEqual(['607', null]);
      const theirs = national.indicators.find((i) => i.id === ind.id);
      for (const row of ind.rows) expect(row).toEqual(theirs?.rows.find((r) => r.municipalityCode === row.municipalityCode));
    }
    const denied = await f.app.inject({ method: 'GET', url: '/api/national/indicators?year=2026', headers: { cookie: cw607.headers.cookie ?? '' } });
    expect(denied.statusCode).toBe(403);
  });

  it('the database function gives a municipal transaction nothing', async () => {
    const rows = await withTenant(f.test.db, { municipalityCode: '607', userId: null, role: 'caseworker' }, (tx) =>
      sql`SELECT * FROM national_quarter_counts(2026)`.execute(tx),
    );
    expect(rows.rows).toEqual([]);
  });

  it('the national administrator reaches no route with personal data (every route of the app)', async () => {
    const routes = f.app.routeCatalogue
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ method, url: r.url })))
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && PERSONAL.test(r.url));
    expect(routes.length).toBeGreaterThan(25);
    const id = '00000000-0000-4000-8000-000000000000';
    for (const r of routes) {
      const url = r.url.replace(/:[a-zA-Z]+\??/g, id);
      const res = await f.app.inject({ method: r.method as 'GET', url, headers: nat.headers, payload: r.method === 'GET' ? undefined : {} });
      // Refused before anything is read or validated: no body, no field names, no existence oracle.
      expect(res.statusCode, `${r.method} ${r.url}: ${res.body.slice(0, 120)}`).toBe(403);
    }
  });
});
