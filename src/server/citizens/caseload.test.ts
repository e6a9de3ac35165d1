// The caseload (decision 026): mine by default in the web app (scope=mine), the municipality with
// scope=all, filters, a name or the CPR's last four digits through their keyed hash (POST body,
// never the URL), paging with a total, assignment audited, the managers' overview — and the hostile
// cases: another municipality's citizen or user, bad parameters (400 naming the field, never 5xx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, expectFieldError, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const NOW = new Date('2026-11-25T09:00:00Z');

interface Item {
  id: string;
  name: string;
  caseworker: { id: string; name: string } | null;
  consultant: { id: string; name: string } | null;
  nextDeadline: { state: string } | null;
  nextRoundDue: string;
}
interface Page {
  citizens: Item[];
  total: number;
  page: number;
  pageSize: number;
}

async function userId(f: Fixture, username: string): Promise<string> {
  return (await f.test.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function lastAudit(f: Fixture) {
  return f.test.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
}

describe.each(databases)('the caseload on %s', (kind) => {
  let f: Fixture;
  let mette: Login;
  let jonas: Login;
  let manager: Login;
  let consultant: Login;
  let odder: Login;
  const ids: Record<string, string> = {};
  const get = async (as: Login, query = '') => f.app.inject({ method: 'GET', url: `/api/citizens${query}`, headers: { cookie: as.headers.cookie ?? '' } });
  const search = async (as: Login, body: Record<string, unknown>) => f.app.inject({ method: 'POST', url: '/api/citizens/search', headers: as.headers, payload: body });
  const names = (res: { json(): unknown }) => (res.json() as Page).citizens.map((c) => c.name).sort();

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    await createUser(f, 'mette@607', 'caseworker', '607');
    await createUser(f, 'jonas@607', 'caseworker', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    await createUser(f, 'company@607', 'company_consultant', '607');
    await createUser(f, 'lars@727', 'caseworker', '727');
    mette = await login(f, 'mette@607');
    jonas = await login(f, 'jonas@607');
    manager = await login(f, 'manager@607');
    consultant = await login(f, 'company@607');
    odder = await login(f, 'lars@727');
    ids.amira = await registerCitizen(f, mette, { name: 'Amira Haddad', cpr: '010190-1234', targetGroup: 'broad' });
    ids.rasha = await registerCitizen(f, mette, { name: 'Rasha Khalil', cpr: '020285-5678', targetGroup: 'selected' });
    ids.hamid = await registerCitizen(f, jonas, { name: 'Hamid Rahimi', cpr: '030392-1234', targetGroup: 'selected' });
    ids.odder = await registerCitizen(f, odder, { name: 'Odder Borger', cpr: '040480-1234' });
  });
  afterAll(async () => {
    await f.close();
  });

  it('a newly registered citizen is the registering caseworker’s', async () => {
    const res = await get(mette, '?scope=mine');
    expect(res.statusCode, res.body).toBe(200);
    expect(names(res)).toEqual(['Amira Haddad', 'Rasha Khalil']);
    const page = res.json() as Page;
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(page.citizens.every((c) => c.caseworker?.id === page.citizens[0]?.caseworker?.id && c.caseworker?.name === 'mette@607')).toBe(true);
    expect(names(await get(jonas, '?scope=mine'))).toEqual(['Hamid Rahimi']);
  });

  it('scope=all (and no scope) is the whole municipality, never another one’s', async () => {
    expect(names(await get(mette, '?scope=all'))).toEqual(['Amira Haddad', 'Hamid Rahimi', 'Rasha Khalil']);
    expect(names(await get(mette))).toEqual(['Amira Haddad', 'Hamid Rahimi', 'Rasha Khalil']);
    expect(names(await get(odder, '?scope=all'))).toEqual(['Odder Borger']);
  });

  it('filters by target group and deadline state; the audit row names who was shown and the filters', async () => {
    const res = await get(mette, '?scope=all&targetGroup=selected');
    expect(names(res)).toEqual(['Hamid Rahimi', 'Rasha Khalil']);
    const audit = await lastAudit(f);
    expect(audit).toMatchObject({ action: 'citizen.list', detail: { count: 2, total: 2, filters: { scope: 'all', targetGroup: 'selected' } } });
    expect([...(audit.detail as { citizenIds: string[] }).citizenIds].sort()).toEqual([ids.hamid, ids.rasha].sort());
    // Each state's filter returns exactly the citizens whose next deadline is in that state.
    const all = (await get(mette, '?scope=all')).json() as Page;
    for (const state of ['breached', 'due', 'ok', 'none'] as const) {
      const expected = all.citizens.filter((c) => (c.nextDeadline?.state ?? 'none') === state).map((c) => c.name).sort();
      expect(names(await get(mette, `?scope=all&deadline=${state}`)), state).toEqual(expected);
    }
  });

  it('searches by part of the name (case-insensitive, wildcards literal) and by the CPR’s last four digits, in the body', async () => {
    expect(names(await search(mette, { scope: 'all', text: 'ha' }))).toEqual(['Amira Haddad', 'Hamid Rahimi', 'Rasha Khalil']);
    expect(names(await search(mette, { scope: 'all', text: 'KHAL' }))).toEqual(['Rasha Khalil']);
    expect(names(await search(mette, { scope: 'all', text: '%' }))).toEqual([]);
    expect(names(await search(mette, { scope: 'all', text: '1234' }))).toEqual(['Amira Haddad', 'Hamid Rahimi']);
    expect(names(await search(mette, { scope: 'mine', text: '1234' }))).toEqual(['Amira Haddad']);
    expect(names(await search(mette, { scope: 'all', text: '5678' }))).toEqual(['Rasha Khalil']);
    // The same last four in another municipality is not found.
    expect(names(await search(odder, { scope: 'all', text: '5678' }))).toEqual([]);
    // The audit row says a last-four search was made, never the digits.
    const audit = await lastAudit(f);
    expect(audit.detail).toMatchObject({ search: 'cpr_last_four', count: 0 });
    expect(JSON.stringify(audit.detail)).not.toContain('5678');
    const stored = await f.test.db.kysely.selectFrom('citizens').select(['cpr_tail_hash']).where('id', '=', ids.rasha ?? '').executeTakeFirstOrThrow();
    expect(stored.cpr_tail_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('CPR digits or a search text are refused in the URL; bad parameters are 400 naming the field', async () => {
    expectFieldError(await get(mette, '?text=1234'), 'text', 'a search text in the query');
    expectFieldError(await get(mette, '?cpr=5678'), 'cpr', 'CPR digits in the query');
    expectFieldError(await get(mette, '?scope=everyone'), 'scope', 'unknown scope');
    expectFieldError(await get(mette, '?page=0'), 'page', 'page 0');
    expectFieldError(await get(mette, '?page=abc'), 'page', 'page not a number');
    expectFieldError(await get(mette, '?page=1&page=2'), 'page', 'page twice');
    expectFieldError(await get(mette, '?pageSize=51'), 'pageSize', 'page size over the maximum');
    expectFieldError(await get(mette, '?deadline=late'), 'deadline', 'unknown deadline state');
    expectFieldError(await get(mette, '?packageId=x'), 'packageId', 'package id not a uuid');
    expectFieldError(await get(mette, '?caseworkerId=%00'), 'caseworkerId', 'NUL as id');
    expectFieldError(await search(mette, { text: '' }), 'text', 'empty search');
    expectFieldError(await search(mette, { text: 'a\u0000' }), 'text', 'NUL in the search');
    expectFieldError(await search(mette, { text: 'x'.repeat(101) }), 'text', 'search too long');
    expectFieldError(await search(mette, { text: 'ab', pageSize: 0 }), 'pageSize', 'page size 0 in the body');
    const refused = await search(mette, { text: '12345678901234567890', cpr: '0101901234' });
    expectFieldError(refused, 'cpr', 'unknown field in the body');
    // A refusal never echoes what was sent.
    expect(refused.body).not.toContain('0101901234');
  });

  it('pages: a page size, the total, and the pages together are the whole list once', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = (await get(mette, `?scope=all&pageSize=1&page=${page}`)).json() as Page;
      expect(res).toMatchObject({ total: 3, page, pageSize: 1 });
      seen.push(...res.citizens.map((c) => c.id));
    }
    expect(new Set(seen).size).toBe(3);
    expect(((await get(mette, '?scope=all&pageSize=1&page=4')).json() as Page).citizens).toEqual([]);
    const byName = ((await get(mette, '?scope=all&sort=name')).json() as Page).citizens.map((c) => c.name);
    expect(byName).toEqual(['Amira Haddad', 'Hamid Rahimi', 'Rasha Khalil']);
    // By the next FIP round's due date (then name), across pages as on one.
    const byRound = ((await get(mette, '?scope=all&sort=next_round')).json() as Page).citizens;
    const dues = byRound.map((c) => c.nextRoundDue);
    expect(dues).toEqual([...dues].sort());
    const paged = [1, 2, 3].map(async (page) => ((await get(mette, `?scope=all&sort=next_round&pageSize=1&page=${page}`)).json() as Page).citizens[0]?.id);
    expect(await Promise.all(paged)).toEqual(byRound.map((c) => c.id));
  });

  it('filters by an active package enrolment', async () => {
    const pkg = await f.app.inject({ method: 'POST', url: '/api/packages', headers: mette.headers, payload: { templateId: 'vejle-care' } });
    expect(pkg.statusCode, pkg.body).toBe(201);
    const packageId = pkg.json().package.id as string;
    const enrol = await f.app.inject({ method: 'POST', url: `/api/packages/${packageId}/enrolments`, headers: mette.headers, payload: { citizenId: ids.rasha } });
    expect(enrol.statusCode, enrol.body).toBe(201);
    expect(names(await get(mette, `?scope=all&packageId=${packageId}`))).toEqual(['Rasha Khalil']);
    expect(names(await get(odder, `?scope=all&packageId=${packageId}`))).toEqual([]);
  });

  it('assigns and reassigns (caseworker or manager), audited with before and after; the consultant’s “mine”', async () => {
    const jonasId = await userId(f, 'jonas@607');
    const consultantId = await userId(f, 'company@607');
    const metteId = await userId(f, 'mette@607');
    const res = await f.app.inject({ method: 'PUT', url: `/api/citizens/${ids.amira}/assignment`, headers: mette.headers, payload: { caseworkerId: jonasId, consultantId } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignment).toMatchObject({ citizenId: ids.amira, caseworker: { id: jonasId, name: 'jonas@607' }, consultant: { id: consultantId } });
    expect(await lastAudit(f)).toMatchObject({
      action: 'citizen.assign', entity: 'citizen', entity_id: ids.amira,
      detail: { before: { caseworkerId: metteId, consultantId: null }, after: { caseworkerId: jonasId, consultantId } },
    });
    expect(names(await get(jonas, '?scope=mine'))).toEqual(['Amira Haddad', 'Hamid Rahimi']);
    expect(names(await get(consultant, '?scope=mine'))).toEqual(['Amira Haddad']);
    const back = await f.app.inject({ method: 'PUT', url: `/api/citizens/${ids.amira}/assignment`, headers: manager.headers, payload: { caseworkerId: metteId, consultantId: null } });
    expect(back.statusCode, back.body).toBe(200);
    expect(names(await get(mette, '?scope=mine'))).toEqual(['Amira Haddad', 'Rasha Khalil']);
    // Unassigned: the manager takes Hamid off any caseworker.
    expect((await f.app.inject({ method: 'PUT', url: `/api/citizens/${ids.hamid}/assignment`, headers: manager.headers, payload: { caseworkerId: null, consultantId: null } })).statusCode).toBe(200);
    expect(names(await get(manager, '?scope=unassigned'))).toEqual(['Hamid Rahimi']);
  });

  it('refuses: a consultant may not assign (403), another municipality’s citizen is 404 (audited), a colleague elsewhere or of the wrong role is 400', async () => {
    const jonasId = await userId(f, 'jonas@607');
    const larsId = await userId(f, 'lars@727');
    const managerId = await userId(f, 'manager@607');
    const url = `/api/citizens/${ids.rasha}/assignment`;
    expect((await f.app.inject({ method: 'PUT', url, headers: consultant.headers, payload: { caseworkerId: jonasId, consultantId: null } })).statusCode).toBe(403);
    const other = await f.app.inject({ method: 'PUT', url: `/api/citizens/${ids.odder}/assignment`, headers: mette.headers, payload: { caseworkerId: jonasId, consultantId: null } });
    expect(other.statusCode).toBe(404);
    expect(await lastAudit(f)).toMatchObject({ action: 'access.denied', entity_id: ids.odder, detail: { action: 'citizen.assign', status: 404 } });
    expectFieldError(await f.app.inject({ method: 'PUT', url, headers: mette.headers, payload: { caseworkerId: larsId, consultantId: null } }), 'caseworkerId', 'a caseworker of 727');
    expectFieldError(await f.app.inject({ method: 'PUT', url, headers: mette.headers, payload: { caseworkerId: managerId, consultantId: null } }), 'caseworkerId', 'a manager as caseworker');
    expectFieldError(await f.app.inject({ method: 'PUT', url, headers: mette.headers, payload: { caseworkerId: null, consultantId: jonasId } }), 'consultantId', 'a caseworker as consultant');
    expectFieldError(await f.app.inject({ method: 'PUT', url, headers: mette.headers, payload: { caseworkerId: 'nope', consultantId: null } }), 'caseworkerId', 'not an id');
    expectFieldError(await f.app.inject({ method: 'PUT', url, headers: mette.headers, payload: { caseworkerId: jonasId } }), 'consultantId', 'missing consultant');
    // Even past the command's check, the database refuses a caseworker of another municipality.
    await expect(
      f.test.db.kysely.updateTable('citizens').set({ caseworker_id: larsId }).where('id', '=', ids.rasha ?? '').execute(),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('the assignees: the municipality’s active caseworkers and consultants', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/caseload/assignees', headers: { cookie: mette.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().caseworkers.map((c: { name: string }) => c.name)).toEqual(['jonas@607', 'mette@607']);
    expect(res.json().consultants.map((c: { name: string }) => c.name)).toEqual(['company@607']);
    expect((await f.app.inject({ method: 'GET', url: '/api/caseload/assignees', headers: { cookie: odder.headers.cookie ?? '' } })).json().caseworkers.map((c: { name: string }) => c.name)).toEqual(['lars@727']);
    expect((await f.app.inject({ method: 'GET', url: '/api/caseload/assignees', headers: { cookie: consultant.headers.cookie ?? '' } })).statusCode).toBe(403);
  });

  it('the managers’ overview: citizens and overdue now per caseworker, the unassigned last; others 403', async () => {
    const res = await f.app.inject({ method: 'GET', url: '/api/caseload/overview', headers: { cookie: manager.headers.cookie ?? '' } });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { caseworker: { name: string } | null; citizens: number; overdue: number; due: number }[];
    expect(rows.map((r) => [r.caseworker?.name ?? null, r.citizens])).toEqual([['jonas@607', 0], ['mette@607', 2], [null, 1]]);
    expect(await lastAudit(f)).toMatchObject({ action: 'caseload.overview', entity: 'municipality', entity_id: '607' });
    // Overdue per caseworker agrees with the caseload's own deadline filter.
    const breached = ((await get(manager, '?scope=all&deadline=breached')).json() as Page).citizens;
    expect(rows.reduce((n, r) => n + r.overdue, 0)).toBe(breached.length);
    expect((await f.app.inject({ method: 'GET', url: '/api/caseload/overview', headers: { cookie: mette.headers.cookie ?? '' } })).statusCode).toBe(403);
  });

  it('a full page (50 citizens, the largest page size) stays under 50 KB', async () => {
    for (let i = 0; i < 50; i++) await registerCitizen(f, mette, { name: `Fatima Abdullahi Mohamed Warsame ${String(i).padStart(3, '0')}`, cpr: `0501${String(70 + (i % 20)).padStart(2, '0')}-${String(2000 + i)}` });
    const metteId = await userId(f, 'mette@607');
    const consultantId = await userId(f, 'company@607');
    await f.test.db.kysely.updateTable('citizens').set({ consultant_id: consultantId }).where('caseworker_id', '=', metteId).execute();
    const res = await get(mette, '?scope=all&pageSize=50');
    expect(res.statusCode).toBe(200);
    expect((res.json() as Page).citizens).toHaveLength(50);
    const bytes = Buffer.byteLength(res.body);
    console.log(`caseload page of 50: ${bytes} bytes`);
    expect(bytes).toBeLessThan(50 * 1024);
  });
});
