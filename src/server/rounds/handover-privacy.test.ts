// Hand-over privacy: whatever the tablet holder can get from a handed-over session holds only
// the citizen's own round and answers, never the caseworker's assessment or another citizen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, login, registerCitizen, startRound, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';

const CASEWORKER_ITEMS = Array.from({ length: 11 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`);

describe.each(databases)('hand-over privacy on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  let citizenId: string;
  let otherId: string;
  let earlierRound: string;
  let otherRound: string;
  let roundId: string;
  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date('2026-11-25T09:00:00Z') });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    cw = await login(f, 'caseworker@607');
    citizenId = await registerCitizen(f, cw, { name: 'Hawa Warsame', language: 'so' });
    otherId = await registerCitizen(f, cw, { name: 'Dawit Tesfamariam', language: 'ti' });
    const put = async (id: string, respondent: 'citizen' | 'caseworker', items: string[], complete: boolean) => {
      const answers = items.map((itemId, i) => ({ itemId, value: (i % 7) + 1 }));
      const res = await f.app.inject({ method: 'PUT', url: `/api/rounds/${id}/answers`, headers: cw.headers, payload: { respondent, answers, complete } });
      expect(res.statusCode).toBe(200);
    };
    earlierRound = await startRound(f, cw, citizenId);
    await put(earlierRound, 'citizen', ['c01', 'c02'], false);
    await put(earlierRound, 'caseworker', CASEWORKER_ITEMS, true);
    otherRound = await startRound(f, cw, otherId);
    await put(otherRound, 'citizen', ['c03'], false);
    await put(otherRound, 'caseworker', CASEWORKER_ITEMS, true);
    // The handed-over round: the caseworker has already assessed it, the citizen started.
    roundId = await startRound(f, cw, citizenId);
    await put(roundId, 'caseworker', CASEWORKER_ITEMS, true);
    await put(roundId, 'citizen', ['c01'], false);
  });
  afterAll(async () => {
    await f.close();
  });

  function expectNothingBeyondTheCitizen(res: LightMyRequestResponse, what: string): void {
    for (const secret of [...CASEWORKER_ITEMS, 'caseworkerCompletedAt', otherId, 'Dawit', 'Tesfamariam', earlierRound, otherRound]) {
      expect(res.body, `${what} contains ${secret}`).not.toContain(secret);
    }
    expect(res.body, what).not.toMatch(/"caseworker"\s*:\s*\{/);
  }

  it('shows the tablet holder only the citizen’s own items and answers of the handed-over round', async () => {
    const tablet = await login(f, 'caseworker@607');
    const handed = await f.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/handover`, headers: tablet.headers });
    expect(handed.statusCode).toBe(200);
    const cookie = { cookie: tablet.headers.cookie ?? '' };
    const put = (id: string, payload: Record<string, unknown>) => f.app.inject({ method: 'PUT', url: `/api/rounds/${id}/answers`, headers: tablet.headers, payload });

    const form = await f.app.inject({ method: 'GET', url: '/api/handover/round', headers: cookie });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toEqual({
      round: { id: roundId, citizenId, roundNo: 2, startedOn: '2026-11-25', instrumentVersion: 'fip-v1', citizenCompletedAt: null, answers: { citizen: { c01: 1 } } },
      language: 'so',
    });
    const saved = await put(roundId, { respondent: 'citizen', answers: [{ itemId: 'c02', value: 4 }], complete: false });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      round: { id: roundId, citizenId, roundNo: 2, startedOn: '2026-11-25', instrumentVersion: 'fip-v1', citizenCompletedAt: null, answers: { citizen: { c01: 1, c02: 4 } } },
    });
    const finished = await put(roundId, { respondent: 'citizen', answers: [], complete: true });
    expect(finished.json().round).toMatchObject({ citizenCompletedAt: '2026-11-25T09:00:00.000Z', answers: { citizen: { c01: 1, c02: 4 } } });

    const everything = [
      ['GET /api/auth/me', await f.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie })],
      ['GET /api/handover/round', form],
      ['PUT answers', saved],
      ['PUT answers complete', finished],
      ['PUT caseworker answers', await put(roundId, { respondent: 'caseworker', answers: [{ itemId: 'w01', value: 2 }], complete: false })],
      ['PUT a caseworker item as citizen', await put(roundId, { respondent: 'citizen', answers: [{ itemId: 'w01', value: 2 }], complete: false })],
      ['PUT another round', await put(otherRound, { respondent: 'citizen', answers: [{ itemId: 'c01', value: 2 }], complete: false })],
      ['GET the citizen', await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: cookie })],
      ['GET another citizen', await f.app.inject({ method: 'GET', url: `/api/citizens/${otherId}`, headers: cookie })],
      ['GET the caseload', await f.app.inject({ method: 'GET', url: '/api/citizens', headers: cookie })],
      ['wrong take-back', await f.app.inject({ method: 'POST', url: '/api/auth/takeback', headers: tablet.headers, payload: { password: 'guess' } })],
    ] as const;
    for (const [what, res] of everything) expectNothingBeyondTheCitizen(res, what);
    expect(everything.map(([what, res]) => [what, res.statusCode])).toEqual([
      ['GET /api/auth/me', 200],
      ['GET /api/handover/round', 200],
      ['PUT answers', 200],
      ['PUT answers complete', 200],
      ['PUT caseworker answers', 423],
      ['PUT a caseworker item as citizen', 400],
      ['PUT another round', 423],
      ['GET the citizen', 423],
      ['GET another citizen', 423],
      ['GET the caseload', 423],
      ['wrong take-back', 403],
    ]);

    // The caseworker's answers were kept, and after the take-back the caseworker sees them again.
    const back = await f.app.inject({ method: 'POST', url: '/api/auth/takeback', headers: tablet.headers, payload: { password: 'secret-pass' } });
    expect(back.statusCode).toBe(200);
    const detail = await f.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: cookie });
    const round = (detail.json().rounds as { id: string; answers: { caseworker: Record<string, number> } }[]).find((r) => r.id === roundId);
    expect(Object.keys(round?.answers.caseworker ?? {})).toEqual(CASEWORKER_ITEMS);
  });

  it('gives the caseworker’s own session the full round from the same PUT', async () => {
    // The earlier round, whose citizen's part is still open (the handed-over one is finished now:
    // it takes no more answers, decision 023).
    const res = await f.app.inject({
      method: 'PUT',
      url: `/api/rounds/${earlierRound}/answers`,
      headers: cw.headers,
      payload: { respondent: 'caseworker', answers: [{ itemId: 'w01', value: 3 }], complete: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().round.answers.caseworker).toMatchObject({ w01: 3, w11: 4 });
    expect(res.json().round.caseworkerCompletedAt).toBe('2026-11-25T09:00:00.000Z');
  });
});
