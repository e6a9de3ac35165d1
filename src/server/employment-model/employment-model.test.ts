// The employment probability on both databases, on the demo data (seed 42, 2026-11-25, 700 citizens): off by
// default (no probability, nothing to see); the manager's switch and refit audited; a refit
// stores a new version with n, events and the cross-validated AUC, on exactly the citizens whose
// round 1 is complete and 182 days old; the probability with its interval on a citizen; too weak
// a model (a municipality with few outcomes) gives the reason instead; another municipality's
// caseworker gets 404; bad input is a 400 naming the field and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databases } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { seedDemo } from '../demo/seed.ts';
import { createFixture, createUser, expectFieldError, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import type { EmploymentModelView, EmploymentProbability } from '../../contract/employment-model.ts';
import { MODEL_RULES } from '../../evaluation/employment-model/model.ts';

const TODAY = '2026-11-25';

describe.each(databases)('employment probability on %s', (kind) => {
  let f: Fixture;
  let manager: Login;
  let caseworker: Login;
  let caseworker727: Login;
  let manager727: Login;
  const as607 = { municipalityCode: '607', userId: null, role: 'test' };
  const get = (l: Login, url: string) => f.app.inject({ method: 'GET', url, headers: { cookie: l.headers.cookie ?? '' } });
  const post = (l: Login, url: string) => f.app.inject({ method: 'POST', url, headers: l.headers });
  const probability = async (l: Login, id: string) => {
    const res = await get(l, `/api/citizens/${id}/employment-probability`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as EmploymentProbability;
  };
  const auditRows = (action: string) =>
    withTenant(f.test.db, as607, async (tx) =>
      (await sql<{ entity_id: string | null; detail: Record<string, unknown> }>`SELECT entity_id, detail FROM audit_log WHERE action = ${action} ORDER BY id`.execute(tx)).rows,
    );
  let complete: string;
  let noRound: string;

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    // 700 citizens: the default 300 leave 607 with 54 complete, closed round-1 histories, under the
    // model's 100 (decision 029); 700 give it ~130.
    await seedDemo(f.test.db, { cprKey: f.cprKey, seed: 42, today: TODAY, nodeEnv: 'test', citizens: 700 });
    await createUser(f, 'manager@727', 'manager', '727');
    manager = await login(f, 'manager@607', 'demo');
    caseworker = await login(f, 'caseworker@607', 'demo');
    caseworker727 = await login(f, 'caseworker@727', 'demo');
    manager727 = await login(f, 'manager@727');
    await withTenant(f.test.db, as607, async (tx) => {
      // A citizen whose round 1 has all 22 answers as numbers; one without any round.
      complete = (
        await sql<{ id: string }>`
          SELECT r.citizen_id AS id FROM fip_rounds r JOIN fip_answers a ON a.round_id = r.id
          WHERE r.round_no = 1 GROUP BY r.citizen_id HAVING count(a.value) = 22 ORDER BY r.citizen_id LIMIT 1`.execute(tx)
      ).rows[0]!.id;
      noRound = (await sql<{ id: string }>`SELECT c.id FROM citizens c WHERE NOT EXISTS (SELECT 1 FROM fip_rounds r WHERE r.citizen_id = c.id) ORDER BY c.id LIMIT 1`.execute(tx)).rows[0]!.id;
    });
  }, 180_000);
  afterAll(async () => {
    await f.close();
  });

  it('is off by default: no probability for anyone, the page says off, and only managers reach it', async () => {
    const page = await get(manager, '/api/employment-model');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ municipalityCode: '607', enabled: false, changedAt: null, model: null, rules: { minPersons: MODEL_RULES.minPersons, minCvAuc: 0.6, folds: 5 } });
    expect(await probability(caseworker, complete)).toEqual({ status: 'off' });
    expect((await auditRows('employment_probability.view')).map((r) => [r.entity_id, r.detail.status])).toEqual([[complete, 'off']]);
    expect((await get(caseworker, '/api/employment-model')).statusCode).toBe(403);
    expect((await post(caseworker, '/api/employment-model/enable')).statusCode).toBe(403);
    expect((await post(caseworker, '/api/employment-model/refit')).statusCode).toBe(403);
  });

  it('bad input is a 400 naming the field, and writes nothing', async () => {
    expectFieldError(await get(caseworker, '/api/citizens/not-an-id/employment-probability'), 'id', 'citizen id');
    expectFieldError(await get(caseworker, `/api/citizens/${complete}x/employment-probability`), 'id', 'citizen id with a trailing character');
    const stored = await withTenant(f.test.db, as607, async (tx) => (await sql<{ n: number }>`SELECT (SELECT count(*) FROM employment_models)::int + (SELECT count(*) FROM employment_model_settings)::int AS n`.execute(tx)).rows[0]!.n);
    expect(stored).toBe(0);
  });

  it('the manager turns it on (audited); before a refit there is no model to show', async () => {
    const on = await post(manager, '/api/employment-model/enable');
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ enabled: true, changedBy: 'Hanne Juul (leder, Fredericia)' });
    expect((await auditRows('employment_model.enable')).map((r) => [r.entity_id, r.detail])).toEqual([['607', { before: false, after: true }]]);
    expect(await probability(caseworker, complete)).toEqual({ status: 'unavailable', reason: 'no_model', model: null });
  });

  it('a refit stores version 1 with n, events and the CV AUC of the complete, closed round-1 histories (audited)', async () => {
    const res = await post(manager, '/api/employment-model/refit');
    expect(res.statusCode, res.body).toBe(200);
    const { model } = res.json() as EmploymentModelView;
    const expected = await withTenant(f.test.db, as607, async (tx) =>
      (
        await sql<{ n: number; events: number }>`
          WITH complete AS (
            SELECT r.citizen_id, r.started_on FROM fip_rounds r JOIN fip_answers a ON a.round_id = r.id
            WHERE r.round_no = 1 AND r.started_on + 182 <= ${TODAY}::date GROUP BY r.citizen_id, r.started_on HAVING count(a.value) = 22)
          SELECT count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = k.citizen_id
            AND o.kind IN ('employment', 'igu_start') AND o.date BETWEEN k.started_on AND k.started_on + 182))::int AS events
          FROM complete k`.execute(tx)
      ).rows[0]!,
    );
    expect(model).toMatchObject({ version: 1, source: 'municipality', n: expected.n, events: expected.events, fittedBy: 'Hanne Juul (leder, Fredericia)', instrumentVersion: '1' });
    expect(model?.n).toBeGreaterThanOrEqual(MODEL_RULES.minPersons);
    // The demo draws employment from the belief in a job (c02's latent): the model is adequate.
    expect(model?.status).toBe('adequate');
    expect(model?.cvAuc).toBeGreaterThanOrEqual(0.6);
    expect(model?.foldAuc).toHaveLength(5);
    expect(model?.cvAuc).toBeCloseTo((model?.foldAuc ?? []).reduce((a, b) => a + b, 0) / 5, 12);
    expect(model?.terms?.map((t) => t.term)).toEqual(['intercept', 'job_prospects', 'danish', 'work_skills', 'readiness', 'self_confidence', 'goal_orientation', 'qualifications', 'male', 'years_in_denmark']);
    const jp = model?.terms?.find((t) => t.term === 'job_prospects');
    expect(jp?.estimate).toBeGreaterThan(0);
    expect(jp?.ciLow).toBeLessThan(jp?.oddsRatio ?? 0);
    for (const g of ['F', 'M'] as const) {
      const deciles = model?.calibration?.[g] ?? [];
      expect(deciles).toHaveLength(10);
      const n = deciles.reduce((a, d) => a + d.n, 0);
      expect(deciles.map((d) => d.predicted)).toEqual([...deciles.map((d) => d.predicted)].sort((a, b) => a - b));
      expect(n).toBeGreaterThan(0);
    }
    expect((model?.calibration?.F ?? []).concat(model?.calibration?.M ?? []).reduce((a, d) => a + d.n, 0)).toBe(expected.n);
    const audited = await auditRows('employment_model.refit');
    expect(audited.map((r) => [r.entity_id, r.detail.version, r.detail.n, r.detail.status])).toEqual([['607', 1, expected.n, 'adequate']]);
  });

  it('the caseworker sees the probability with its 95 % interval and what it rests on; a second refit is version 2', async () => {
    const shown = await probability(caseworker, complete);
    expect(shown.status).toBe('shown');
    if (shown.status !== 'shown') return;
    expect(shown.low).toBeLessThan(shown.probability);
    expect(shown.high).toBeGreaterThan(shown.probability);
    expect(shown.model).toMatchObject({ version: 1, source: 'municipality' });
    expect(await probability(caseworker, noRound)).toMatchObject({ status: 'unavailable', reason: 'no_complete_round', model: { version: 1 } });
    const again = await post(manager, '/api/employment-model/refit');
    expect((again.json() as EmploymentModelView).model?.version).toBe(2);
    expect(await probability(manager, complete)).toMatchObject({ status: 'shown', model: { version: 2 } });
  });

  it("another municipality's caseworker cannot see it (404, audited as denied); its own too-weak model gives the reason", async () => {
    expect((await get(caseworker727, `/api/citizens/${complete}/employment-probability`)).statusCode).toBe(404);
    const denied = await withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'test' }, async (tx) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND entity_id = ${complete}`.execute(tx)).rows[0]!.n,
    );
    expect(denied).toBe(1);
    // 727 (Odder) has few citizens: its model is stored with the reason, and no probability is shown.
    expect((await post(manager727, '/api/employment-model/enable')).statusCode).toBe(200);
    const refit = (await post(manager727, '/api/employment-model/refit')).json() as EmploymentModelView;
    expect(refit.model).toMatchObject({ version: 1, terms: null, cvAuc: null });
    expect(['too_few_persons', 'too_few_events']).toContain(refit.model?.status);
    const citizen727 = await withTenant(f.test.db, { municipalityCode: '727', userId: null, role: 'test' }, async (tx) =>
      (await sql<{ id: string }>`SELECT citizen_id AS id FROM fip_rounds WHERE round_no = 1 ORDER BY citizen_id LIMIT 1`.execute(tx)).rows[0]!.id,
    );
    expect(await probability(caseworker727, citizen727)).toMatchObject({ status: 'unavailable', reason: refit.model?.status, model: { version: 1 } });
    // 607's switch and models are its own.
    expect(((await get(manager, '/api/employment-model')).json() as EmploymentModelView).model?.version).toBe(2);
  });

  it('turned off again (audited): no probability, whatever the model', async () => {
    expect(((await post(manager, '/api/employment-model/disable')).json() as EmploymentModelView).enabled).toBe(false);
    expect(await probability(caseworker, complete)).toEqual({ status: 'off' });
    expect((await auditRows('employment_model.disable')).map((r) => r.detail)).toEqual([{ before: true, after: false }]);
  });
});
