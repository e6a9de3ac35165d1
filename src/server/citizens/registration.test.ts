// Registration that checks itself (issue 15, item 4): the birth date comes from the CPR number,
// a contradicting one is a 400 on `birthDate`, an arrival after the take-over a 400 on
// `arrivalDate`; neither writes a row or an audit entry. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, expectFieldError, login, newCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

async function counts(f: Fixture) {
  const k = f.test.db.kysely;
  const c = await k.selectFrom('citizens').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const a = await k.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { citizens: Number(c.n), audit: Number(a.n) };
}

describe.each(databases)('registration checks on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date('2026-11-25T09:00:00Z') });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    cw = await login(f, 'caseworker@607');
  });
  afterAll(async () => {
    await f.close();
  });

  const post = (payload: Record<string, unknown>) => f.app.inject({ method: 'POST', url: '/api/citizens', headers: cw.headers, payload });

  it.each([
    ['010170-1234', '1970-01-01'], // 7th digit 1: 1900s
    ['290200-4123', '2000-02-29'], // 7th digit 4, year 00–36: 2000s (a leap day)
    ['150545-4321', '1945-05-15'], // 7th digit 4, year 37–99: 1900s
    ['311299-5001', '1899-12-31'], // 7th digit 5, year 58–99: 1800s
    ['010110-9001', '2010-01-01'], // 7th digit 9, year 00–36: 2000s
  ])('derives the birth date from the CPR %s (%s) when none is sent', async (cpr, birthDate) => {
    const res = await post(newCitizen({ cpr }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().citizen.birthDate).toBe(birthDate);
    const row = await f.test.db.kysely.selectFrom('citizens').select('birth_date').where('id', '=', res.json().citizen.id).executeTakeFirstOrThrow();
    expect(String(row.birth_date).slice(0, 10)).toBe(birthDate);
  });

  it('accepts a sent birth date that agrees with the CPR number', async () => {
    const res = await post(newCitizen({ cpr: '150392-2001', birthDate: '1992-03-15' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().citizen.birthDate).toBe('1992-03-15');
  });

  it('refuses a birth date that contradicts the CPR number: 400 on birthDate, nothing written', async () => {
    const before = await counts(f);
    const res = await post(newCitizen({ cpr: '010170-2002', birthDate: '1995-06-06' }));
    expectFieldError(res, 'birthDate', 'the issue\'s 010170-xxxx with 1995-06-06');
    expect(res.json().errors).toHaveLength(1);
    expect(res.body).not.toContain('2002'); // the CPR's serial is not echoed
    // The same day in another century contradicts too (7th digit 2: 1900s, not 2000s).
    expectFieldError(await post(newCitizen({ cpr: '010110-2003', birthDate: '2010-01-01' })), 'birthDate', 'another century');
    expect(await counts(f)).toEqual(before);
  });

  it('refuses an arrival after the take-over: 400 on arrivalDate, nothing written; the same day is fine', async () => {
    const before = await counts(f);
    const res = await post(newCitizen({ cpr: '010190-2004', arrivalDate: '2025-07-02', takeoverDate: '2025-07-01' }));
    expectFieldError(res, 'arrivalDate', 'arrival one day after the take-over');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['arrivalDate']);
    expect(await counts(f)).toEqual(before);
    const same = await post(newCitizen({ cpr: '010190-2005', arrivalDate: '2025-07-01', takeoverDate: '2025-07-01' }));
    expect(same.statusCode, same.body).toBe(201);
  });

  it('names every contradiction at once, and a broken date alone (no comparison with it)', async () => {
    const both = await post(newCitizen({ cpr: '010170-2006', birthDate: '1971-01-01', arrivalDate: '2026-01-01', takeoverDate: '2025-01-01' }));
    expect(both.statusCode).toBe(400);
    expect(both.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['arrivalDate', 'birthDate']);
    const broken = await post(newCitizen({ cpr: '010170-2007', arrivalDate: '2026-02-30', takeoverDate: '2025-01-01' }));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors.map((e: { field: string }) => e.field)).toEqual(['arrivalDate']);
    expect(broken.json().errors[0].message).toMatch(/YYYY-MM-DD/);
  });
});
