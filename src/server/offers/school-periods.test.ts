// IGU school periods on POST /api/citizens/:id/offers and PATCH /api/offers/:id: stored in
// date order, shown on every offer (empty for other kinds), every bad input a 400 naming the
// field with nothing written (no offer row, no audit row, no change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { expectFieldError, createFixture, createUser, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const NOW = new Date('2026-11-25T09:00:00Z');

async function counts(f: Fixture): Promise<{ audit: number; offers: number }> {
  const audit = await f.test.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const offers = await f.test.db.kysely.selectFrom('offers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { audit: Number(audit.n), offers: Number(offers.n) };
}

describe.each(databases)('IGU school periods on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let citizenId: string;

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    cw = await login(f, 'caseworker@607');
    citizenId = await registerCitizen(f, cw, { takeoverDate: '2026-11-01', arrivalDate: '2026-10-01' });
  });
  afterAll(async () => {
    await f.close();
  });

  const post = (payload: object) => f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/offers`, headers: cw.headers, payload });
  const patch = (id: string, payload: object) => f.app.inject({ method: 'PATCH', url: `/api/offers/${id}`, headers: cw.headers, payload });

  it('registers an IGU with school periods (stored in date order, audited), other kinds show none', async () => {
    const before = await counts(f);
    const res = await post({
      kind: 'igu', companyName: 'Rema 1000 Vejle', startDate: '2026-12-01',
      schoolPeriods: [{ start: '2027-03-01', end: '2027-03-26' }, { start: '2026-12-01', end: '2026-12-18' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().offer).toMatchObject({
      kind: 'igu', plannedEnd: '2028-11-30',
      schoolPeriods: [{ start: '2026-12-01', end: '2026-12-18' }, { start: '2027-03-01', end: '2027-03-26' }],
    });
    expect(await counts(f)).toEqual({ audit: before.audit + 1, offers: before.offers + 1 });
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'offer.create', entity_id: res.json().offer.id });
    expect(audit.detail).toMatchObject({ schoolPeriods: 2 });

    const mentor = await post({ kind: 'mentor', startDate: '2026-11-20' });
    expect(mentor.json().offer.schoolPeriods).toEqual([]);
    const list = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}/offers`, headers: cw.headers });
    const igu = list.json().offers.find((o: { id: string }) => o.id === res.json().offer.id);
    expect(igu.schoolPeriods).toHaveLength(2);
  });

  it('POST: each bad school period is a 400 naming the field, and nothing is written', async () => {
    const cases: [object, string][] = [
      [{ kind: 'mentor', startDate: '2026-12-01', schoolPeriods: [{ start: '2026-12-01', end: '2026-12-05' }] }, 'schoolPeriods'],
      [{ kind: 'igu', startDate: '2026-12-01', schoolPeriods: [{ start: '2027-01-04', end: '2027-01-08' }, { start: '2027-02-10', end: '2027-02-09' }] }, 'schoolPeriods.1.end'],
      [{ kind: 'igu', startDate: '2026-12-01', schoolPeriods: [{ start: '2026-11-30', end: '2026-12-05' }] }, 'schoolPeriods.0.start'],
      [{ kind: 'igu', startDate: '2026-12-01', plannedEnd: '2027-06-30', schoolPeriods: [{ start: '2027-06-20', end: '2027-07-02' }] }, 'schoolPeriods.0.end'],
      [{ kind: 'igu', startDate: '2026-12-01', schoolPeriods: [{ start: '2027-01-04', end: '2027-01-29' }, { start: '2027-01-29', end: '2027-02-12' }] }, 'schoolPeriods.1.start'],
      [{ kind: 'igu', startDate: '2026-12-01', schoolPeriods: [{ start: '2027-02-30', end: '2027-03-05' }] }, 'schoolPeriods.0.start'],
      [{ kind: 'igu', startDate: '2026-12-01', schoolPeriods: [{ start: '2027-01-04' }] }, 'schoolPeriods.0.end'],
    ];
    for (const [payload, field] of cases) {
      const before = await counts(f);
      expectFieldError(await post(payload), field, JSON.stringify(payload));
      expect(await counts(f), field).toEqual(before);
    }
  });

  it('PATCH replaces the list (audited as offer.update); bad lists, a non-IGU and a planned end cutting a period are 400 with no change', async () => {
    const created = (await post({ kind: 'igu', startDate: '2027-01-04', plannedEnd: '2027-12-31' })).json().offer;
    expect(created.schoolPeriods).toEqual([]);
    const ok = await patch(created.id, { schoolPeriods: [{ start: '2027-09-06', end: '2027-10-01' }] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().offer.schoolPeriods).toEqual([{ start: '2027-09-06', end: '2027-10-01' }]);
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'offer.update', entity_id: created.id });
    expect(audit.detail).toMatchObject({ changed: ['school_periods'] });

    const other = (await post({ kind: 'praktik_private', startDate: '2027-01-04' })).json().offer;
    const bad: [string, object, string][] = [
      [other.id, { schoolPeriods: [{ start: '2027-01-04', end: '2027-01-08' }] }, 'schoolPeriods'],
      [created.id, { schoolPeriods: [{ start: '2027-05-10', end: '2027-05-01' }] }, 'schoolPeriods.0.end'],
      [created.id, { schoolPeriods: [{ start: '2027-01-03', end: '2027-01-08' }] }, 'schoolPeriods.0.start'],
      [created.id, { schoolPeriods: [{ start: '2027-12-20', end: '2028-01-07' }] }, 'schoolPeriods.0.end'],
      [created.id, { plannedEnd: '2027-12-31', schoolPeriods: [{ start: '2027-03-01', end: '2027-03-31' }, { start: '2027-02-01', end: '2027-03-01' }] }, 'schoolPeriods.0.start'],
      [created.id, { plannedEnd: '2027-09-30' }, 'plannedEnd'],
      [created.id, { plannedEnd: '2027-11-30', schoolPeriods: [{ start: '2027-11-01', end: '2027-12-03' }] }, 'schoolPeriods.0.end'],
    ];
    for (const [id, payload, field] of bad) {
      const before = await counts(f);
      expectFieldError(await patch(id, payload), field, JSON.stringify(payload));
      expect(await counts(f), field).toEqual(before);
    }
    const row = await f.test.db.kysely.selectFrom('offers').select(['school_periods', 'planned_end']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ school_periods: [{ start: '2027-09-06', end: '2027-10-01' }], planned_end: '2027-12-31' });

    // A new planned end together with a list that fits it is fine; an empty list clears.
    const both = await patch(created.id, { plannedEnd: '2027-09-30', schoolPeriods: [{ start: '2027-09-01', end: '2027-09-30' }] });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json().offer).toMatchObject({ plannedEnd: '2027-09-30', schoolPeriods: [{ start: '2027-09-01', end: '2027-09-30' }] });
    expect((await patch(created.id, { schoolPeriods: [] })).json().offer.schoolPeriods).toEqual([]);
  });

  it('the database refuses school periods on a non-IGU offer even outside the API', async () => {
    const other = (await post({ kind: 'mentor', startDate: '2027-01-04' })).json().offer;
    await expect(
      f.test.db.kysely.updateTable('offers').set({ school_periods: JSON.stringify([{ start: '2027-01-04', end: '2027-01-05' }]) }).where('id', '=', other.id).execute(),
    ).rejects.toThrow(/offers_school_periods_igu_only/);
  });
});
