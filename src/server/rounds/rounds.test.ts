import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../platform/db/testing.ts';
import { expectFieldError, createFixture, createUser, login, registerCitizen, startRound, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

describe.each(databases)('rounds on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let citizenId: string;
  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date('2026-11-25T09:00:00Z') });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'manager@607', 'manager', '607');
    cw = await login(f, 'caseworker@607');
    citizenId = await registerCitizen(f, cw, { language: 'ti' });
  });
  afterAll(async () => {
    await f.close();
  });

  const put = (as: Login, roundId: string, payload: unknown) =>
    f.app.inject({ method: 'PUT', url: `/api/rounds/${roundId}/answers`, headers: as.headers, payload: payload as Record<string, unknown> });

  it('starts rounds with the next number', async () => {
    const first = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/rounds`, headers: cw.headers });
    expect(first.statusCode).toBe(201);
    expect(first.json().round).toMatchObject({ citizenId, roundNo: 1, startedOn: '2026-11-25', citizenCompletedAt: null, answers: { citizen: {}, caseworker: {} } });
    const second = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/rounds`, headers: cw.headers });
    expect(second.json().round.roundNo).toBe(2);
  });

  it('saves answers (null = don’t know), upserts, and marks a respondent complete', async () => {
    const roundId = await startRound(f, cw, citizenId);
    const a = await put(cw, roundId, { respondent: 'caseworker', answers: [{ itemId: 'w01', value: 5 }, { itemId: 'w02', value: null }], complete: false });
    expect(a.statusCode).toBe(200);
    expect(a.json().round.answers).toEqual({ citizen: {}, caseworker: { w01: 5, w02: null } });
    const b = await put(cw, roundId, { respondent: 'caseworker', answers: [{ itemId: 'w01', value: 6 }], complete: true });
    expect(b.json().round.answers.caseworker).toEqual({ w01: 6, w02: null });
    expect(b.json().round.caseworkerCompletedAt).toBe('2026-11-25T09:00:00.000Z');
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().where('entity_id', '=', roundId).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['round.start', 'round.answers', 'round.answers']);
  });

  it('a submission sent again with the same client id is not applied again (a retry cannot undo a later change), and is audited as a replay', async () => {
    const roundId = await startRound(f, cw, citizenId);
    const clientId = '7d1c3a52-5a0e-4c59-9a43-3c1f3e9b8a10';
    const first = await put(cw, roundId, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 3 }], complete: false, clientId });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().replay).toBeUndefined();
    // The item is changed since (a later answer), then the first submission arrives again.
    await put(cw, roundId, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 6 }], complete: false, clientId: 'c0a80121-7ac0-4e1c-9bb5-000000000002' });
    const again = await put(cw, roundId, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 3 }], complete: false, clientId });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ replay: true, round: { answers: { citizen: { c01: 6 } } } });
    const audit = await f.test.db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', roundId).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['round.start', 'round.answers', 'round.answers', 'round.answers']);
    expect(audit.at(-1)?.detail).toMatchObject({ replay: true, clientId });
    // Without a client id the answers are applied as before; a malformed one is a 400 naming it.
    expectFieldError(await put(cw, roundId, { respondent: 'citizen', answers: [], complete: false, clientId: 'nope' }), 'clientId', 'malformed clientId');
  });

  it('refuses an answer to a round finished meanwhile with 409 round_closed, writing nothing; a resend of one received before is still its replay', async () => {
    const roundId = await startRound(f, cw, citizenId);
    // The tablet: handed over, sends one answer, then loses the connection (its next answer waits).
    const tablet = await login(f, 'caseworker@607');
    expect((await f.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/handover`, headers: tablet.headers })).statusCode).toBe(200);
    const early = '5f0b7e9c-0d7e-4b1a-8d55-2a4c1b9e0a01';
    const late = '5f0b7e9c-0d7e-4b1a-8d55-2a4c1b9e0a02';
    expect((await put(tablet, roundId, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 2 }], complete: false, clientId: early })).statusCode).toBe(200);
    // Meanwhile, on the caseworker's own computer, the round is finished: both parts complete.
    expect((await put(cw, roundId, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 3 }], complete: true })).statusCode).toBe(200);
    const done = await put(cw, roundId, { respondent: 'caseworker', answers: [{ itemId: 'w01', value: 5 }], complete: true });
    expect(done.json().round).toMatchObject({ citizenCompletedAt: expect.any(String), caseworkerCompletedAt: expect.any(String) });

    const answersBefore = await f.test.db.kysely.selectFrom('fip_answers').select(['respondent', 'item_id', 'value']).where('round_id', '=', roundId).orderBy('item_id').execute();
    const auditBefore = await f.test.db.kysely.selectFrom('audit_log').select('id').execute();
    // The tablet's waiting answer arrives: refused, dedicated code, nothing applied or recorded.
    const refused = await put(tablet, roundId, { respondent: 'citizen', answers: [{ itemId: 'c02', value: 4 }], complete: false, clientId: late });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 409, code: 'round_closed' });
    // The caseworker's own late change (a second tab) too.
    const cwLate = await put(cw, roundId, { respondent: 'caseworker', answers: [{ itemId: 'w02', value: 1 }], complete: false });
    expect(cwLate.json()).toMatchObject({ code: 'round_closed' });
    expect(await f.test.db.kysely.selectFrom('fip_answers').select(['respondent', 'item_id', 'value']).where('round_id', '=', roundId).orderBy('item_id').execute()).toEqual(answersBefore);
    expect(await f.test.db.kysely.selectFrom('answer_submissions').select('client_id').where('round_id', '=', roundId).execute()).toEqual([{ client_id: early }]);
    expect((await f.test.db.kysely.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore.length);
    // A lost response of the early answer, sent again after the round closed: it was applied, so it is its replay.
    const resent = await put(tablet, roundId, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 2 }], complete: false, clientId: early });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ replay: true, round: { answers: { citizen: { c01: 3 } } } });
  });

  it('rejects bad answers with 400 naming the field, writing nothing', async () => {
    const roundId = await startRound(f, cw, citizenId);
    const cases: [unknown, string][] = [
      [{ respondent: 'citizen', answers: [{ itemId: 'c01', value: 8 }], complete: false }, 'answers.0.value'],
      [{ respondent: 'citizen', answers: [{ itemId: 'c01', value: 2.5 }], complete: false }, 'answers.0.value'],
      [{ respondent: 'citizen', answers: [{ itemId: 'w01', value: 3 }], complete: false }, 'answers.0.itemId'],
      [{ respondent: 'citizen', answers: [{ itemId: 'c01', value: 3 }, { itemId: 'c01', value: 4 }], complete: false }, 'answers.1.itemId'],
      [{ respondent: 'someone', answers: [], complete: false }, 'respondent'],
      [{ respondent: 'citizen', answers: [] }, 'complete'],
    ];
    for (const [payload, field] of cases) {
      const res = await put(cw, roundId, payload);
      expectFieldError(res, field, JSON.stringify(payload));
    }
    const stored = await f.test.db.kysely.selectFrom('fip_answers').selectAll().where('round_id', '=', roundId).execute();
    expect(stored).toEqual([]);
  });

  it('lets a manager read but not record rounds', async () => {
    const manager = await login(f, 'manager@607');
    const res = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/rounds`, headers: manager.headers });
    expect(res.statusCode).toBe(403);
  });

  it('hands the session over to the citizen form and takes it back with the password', async () => {
    const session = await login(f, 'caseworker@607');
    const roundId = await startRound(f, session, citizenId);
    const other = await startRound(f, session, citizenId);
    const handed = await f.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/handover`, headers: session.headers });
    expect(handed.statusCode).toBe(200);
    expect(handed.json()).toEqual({ handover: { roundId, citizenId, language: 'ti' } });

    const cookieOnly = { cookie: session.headers.cookie ?? '' };
    const me = await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookieOnly });
    expect(me.json().handover).toEqual({ roundId, citizenId, language: 'ti' });
    const form = await f.app.inject({ method: 'GET', url: '/api/handover/round', headers: cookieOnly });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ round: { id: roundId }, language: 'ti' });
    expect((await f.app.inject({ method: 'GET', url: '/api/instruments/fip', headers: cookieOnly })).statusCode).toBe(200);

    // Locked: everything else, the caseworker form, and other rounds.
    for (const res of [
      await f.app.inject({ method: 'GET', url: '/api/citizens', headers: cookieOnly }),
      await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: cookieOnly }),
      await f.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers }),
      await put(session, roundId, { respondent: 'caseworker', answers: [{ itemId: 'w01', value: 1 }], complete: false }),
      await put(session, other, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 1 }], complete: false }),
    ]) {
      expect(res.statusCode).toBe(423);
      expect(res.json()).toMatchObject({ code: 'locked_for_citizen' });
    }
    const ok = await put(session, roundId, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 7 }, { itemId: 'c02', value: null }], complete: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().round.answers.citizen).toEqual({ c01: 7, c02: null });

    const wrong = await f.app.inject({ method: 'POST', url: '/api/auth/takeback', headers: session.headers, payload: { password: 'guess' } });
    expect(wrong.statusCode).toBe(403);
    const back = await f.app.inject({ method: 'POST', url: '/api/auth/takeback', headers: session.headers, payload: { password: 'secret-pass' } });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ handover: null });
    expect((await f.app.inject({ method: 'GET', url: '/api/citizens', headers: cookieOnly })).statusCode).toBe(200);
    const audit = await f.test.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', roundId).orderBy('id').execute();
    expect(audit.map((r) => r.action)).toEqual(['round.start', 'round.handover', 'round.view', 'round.answers', 'round.takeback']);
  });
});

describe('request bodies', () => {
  it('accepts an empty JSON body where none is needed, and refuses broken JSON with 400', async () => {
    const f = await createFixture('pglite');
    try {
      await createUser(f, 'caseworker@607', 'caseworker', '607');
      const cw = await login(f, 'caseworker@607');
      const citizenId = await registerCitizen(f, cw);
      const empty = await f.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/rounds`, headers: { ...cw.headers, 'content-type': 'application/json' }, payload: '' });
      expect(empty.statusCode).toBe(201);
      const broken = await f.app.inject({ method: 'PUT', url: `/api/rounds/${empty.json().round.id}/answers`, headers: { ...cw.headers, 'content-type': 'application/json' }, payload: '{"respondent":' });
      expect(broken.statusCode).toBe(400);
      expect(broken.json()).toMatchObject({ code: 'validation_failed' });
      const poisoned = await f.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1},"username":"a","password":"b"}' });
      expect(poisoned.statusCode).toBe(400);
    } finally {
      await f.close();
    }
  });
});
