// A v2 instrument never re-interprets old rounds: a round started before v2 was published keeps
// fip-v1 (its response says so, its answers are checked against v1, GET /api/instruments/fip/fip-v1
// serves its wording and it is scored with it), while a round started now is on v2.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asInstrument, indexScores, progression, type Instrument } from '../../domain/fip/index.ts';
import { buildApp } from '../app.ts';
import { databases } from '../platform/db/testing.ts';
import { createFixture, createUser, expectFieldError, login, registerCitizen, startRound, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import { V2_C01, instrumentDir } from '../../../tests/support/instrument-versions.ts';

interface RoundJson {
  id: string;
  roundNo: number;
  instrumentVersion: string;
  answers: { citizen: Record<string, number | null>; caseworker: Record<string, number | null> };
}

describe.each(databases)('instrument versions on %s', (kind) => {
  let f: Fixture; // the server before v2: content/instruments holds fip-v1 only
  let v2: Fixture; // the same database after fip-v2.json was published
  let cw: Login;
  let citizenId: string;
  let oldRound: string;
  let newRound: string;
  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date('2026-11-25T09:00:00Z'), instrumentDir: instrumentDir({ v1Only: true }) });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    cw = await login(f, 'caseworker@607');
    citizenId = await registerCitizen(f, cw);
    oldRound = await startRound(f, cw, citizenId);
    const app: FastifyInstance = await buildApp({ db: f.test.db, cprKey: f.cprKey, logger: false, nodeEnv: 'test', now: () => new Date('2026-11-25T10:00:00Z'), instrumentDir: instrumentDir() });
    v2 = { ...f, app, close: () => app.close() };
  });
  afterAll(async () => {
    await v2.close();
    await f.close();
  });

  const put = (roundId: string, payload: Record<string, unknown>) =>
    v2.app.inject({ method: 'PUT', url: `/api/rounds/${roundId}/answers`, headers: cw.headers, payload });
  const instrumentAt = async (url: string): Promise<Instrument> => {
    const res = await v2.app.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return asInstrument(res.json());
  };

  it('serves the newest as the current instrument and every version by its tag, without login', async () => {
    const current = await instrumentAt('/api/instruments/fip');
    expect(current.version).toBe('2');
    expect(current.items.find((i) => i.id === 'c01')?.text.da.text).toBe(V2_C01);
    expect((await instrumentAt('/api/instruments/fip/fip-v2')).version).toBe('2');
    const v1 = await instrumentAt('/api/instruments/fip/fip-v1');
    expect(v1.version).toBe('1');
    expect(v1.items.find((i) => i.id === 'c01')?.text.da.text).toBe('Hvor vigtigt er det for dig at få et arbejde inden for de næste 6 måneder?');
    expect(v1.items.some((i) => i.id === 'c12')).toBe(false);
    const missing = await v2.app.inject({ method: 'GET', url: '/api/instruments/fip/fip-v9' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });

  it('keeps the old round on v1 and starts a new round on v2', async () => {
    const started = await v2.app.inject({ method: 'POST', url: `/api/citizens/${citizenId}/rounds`, headers: cw.headers });
    expect(started.statusCode).toBe(201);
    newRound = (started.json() as { round: RoundJson }).round.id;
    expect(started.json().round).toMatchObject({ roundNo: 2, instrumentVersion: 'fip-v2' });
    const view = await v2.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: cw.headers });
    const rounds = (view.json() as { rounds: RoundJson[] }).rounds;
    expect(rounds.map((r) => [r.id, r.roundNo, r.instrumentVersion])).toEqual([
      [oldRound, 1, 'fip-v1'],
      [newRound, 2, 'fip-v2'],
    ]);
  });

  it("checks each round's answers against its own version", async () => {
    expectFieldError(await put(oldRound, { respondent: 'citizen', answers: [{ itemId: 'c12', value: 5 }], complete: false }), 'answers.0.itemId', 'c12 on v1');
    const v1Answers = { c09: 2, c10: 4, c11: 3, c01: 6 };
    const old = await put(oldRound, { respondent: 'citizen', answers: Object.entries(v1Answers).map(([itemId, value]) => ({ itemId, value })), complete: false });
    expect(old.statusCode, old.body).toBe(200);
    const fresh = await put(newRound, { respondent: 'citizen', answers: [{ itemId: 'c09', value: 2 }, { itemId: 'c10', value: 4 }, { itemId: 'c11', value: 3 }, { itemId: 'c12', value: 7 }], complete: false });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json().round).toMatchObject({ instrumentVersion: 'fip-v2', answers: { citizen: { c12: 7 } } });
  });

  it('presents and scores the old round against v1 and the new one against v2', async () => {
    const view = await v2.app.inject({ method: 'GET', url: `/api/citizens/${citizenId}`, headers: cw.headers });
    const rounds = (view.json() as { rounds: RoundJson[] }).rounds;
    const versions = new Map<string, Instrument>();
    for (const r of rounds) versions.set(r.instrumentVersion, await instrumentAt(`/api/instruments/fip/${r.instrumentVersion}`));
    const [first, second] = rounds;
    const v1 = versions.get(first?.instrumentVersion ?? '');
    const v2i = versions.get(second?.instrumentVersion ?? '');
    if (!first || !second || !v1 || !v2i) throw new Error('expected two rounds on two versions');
    // readiness: v1 has c09–c11 (mean 3); v2 adds c12 (mean of 2, 4, 3, 7 = 4).
    expect(indexScores(v1, first.answers.citizen, 'citizen').readiness?.mean).toBe(3);
    expect(indexScores(v2i, second.answers.citizen, 'citizen').readiness?.mean).toBe(4);
    const prog = progression(v2i, rounds.map((r) => ({ roundNo: r.roundNo, citizen: r.answers.citizen, caseworker: r.answers.caseworker, instrument: versions.get(r.instrumentVersion) })));
    expect(prog.indices.find((r) => r.id === 'readiness' && r.respondent === 'citizen')?.values).toEqual([3, 4]);
    expect(prog.items.find((r) => r.id === 'c12')?.values).toEqual([null, 7]);
    expect(prog.items.find((r) => r.id === 'c01')?.values).toEqual([6, null]);
  });

  it('the hand-over round carries its version too', async () => {
    const handover = await v2.app.inject({ method: 'POST', url: `/api/rounds/${oldRound}/handover`, headers: cw.headers });
    expect(handover.statusCode, handover.body).toBe(200);
    const res = await v2.app.inject({ method: 'GET', url: '/api/handover/round', headers: cw.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().round).toMatchObject({ id: oldRound, instrumentVersion: 'fip-v1' });
    // The questionnaire of that version stays reachable from the handed-over session.
    const inst = await v2.app.inject({ method: 'GET', url: '/api/instruments/fip/fip-v1', headers: cw.headers });
    expect(inst.statusCode).toBe(200);
  });
});
