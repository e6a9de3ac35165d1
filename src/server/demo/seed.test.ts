import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, databases, type TestDatabase } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { seedDemo } from './seed.ts';
import { ROUND1_CITIZEN_MEANS } from './reference-means.ts';
import { createRng } from './prng.ts';
import { generateCitizen } from './citizen-generator.ts';
import { generateOffers, withJob } from './offer-generator.ts';
import { addDays } from '../../domain/dates.ts';
import { loadCases } from '../deadlines/case-queries.ts';
import { loadPolicies } from '../deadlines/policy-store.ts';
import { evaluateDeadlines } from '../../domain/deadlines/index.ts';
import { validateSchoolPeriods } from '../../domain/offers/index.ts';
import { discreteMean, latentFor } from './answer-model.ts';
import { loadCohort, validityData } from '../fip-analytics/index.ts';
import { fipValidity } from '../../evaluation/fip-validity/validity.ts';
import { loadInstruments } from '../instruments/index.ts';

const TODAY = '2026-11-25';

describe.each(databases)('demo data on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t.db, { cprKey: randomBytes(32), seed: 7, today: TODAY, nodeEnv: 'test' });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('creates the demo users and ~300 citizens in 607 and 727', async () => {
    const users = await t.db.kysely.selectFrom('users').select(['username', 'role', 'municipality_code']).orderBy('username').execute();
    expect(users.map((u) => u.username)).toEqual(['admin', 'caseworker@607', 'caseworker@727', 'company@607', 'evaluator@607', 'manager@607', 'national@siri']);
    const perMunicipality = async (code: string) =>
      withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, async (tx) =>
        Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM citizens`.execute(tx)).rows[0]?.n),
      );
    expect(await perMunicipality('607')).toBe(220);
    expect(await perMunicipality('727')).toBe(80);
  });

  it("speaks mostly the citizens' own languages: about one in ten demo citizens has Danish", async () => {
    const rows = await withTenant(t.db, { municipalityCode: '607', userId: null, role: 'test' }, async (tx) =>
      (await sql<{ language: string; n: number }>`SELECT language, count(*)::int AS n FROM citizens GROUP BY language`.execute(tx)).rows,
    );
    const total = rows.reduce((a, r) => a + r.n, 0);
    const danish = rows.find((r) => r.language === 'da')?.n ?? 0;
    expect(danish / total).toBeLessThan(0.2);
    expect(rows.map((r) => r.language).sort()).toEqual(expect.arrayContaining(['ar', 'fa', 'so', 'ti']));
  });

  it('has 1–4 rounds per citizen, some overdue', async () => {
    const counts = await withTenant(t.db, { municipalityCode: '607', userId: null, role: 'test' }, async (tx) =>
      (await sql<{ n: number; last: string | null }>`SELECT count(r.id)::int AS n, max(r.started_on)::text AS last FROM citizens c
        LEFT JOIN fip_rounds r ON r.citizen_id = c.id GROUP BY c.id`.execute(tx)).rows,
    );
    expect(Math.max(...counts.map((c) => c.n))).toBe(4);
    expect(counts.filter((c) => c.n >= 1).length).toBeGreaterThan(150);
    const overdue = counts.filter((c) => c.last !== null && c.last < '2026-08-01' && c.n < 4);
    expect(overdue.length).toBeGreaterThan(5);
  });

  it('round-1 citizen means by gender are within ±0.3 of the reference, per item', async () => {
    const rows: { gender: 'F' | 'M'; item_id: string; mean: number; n: number }[] = [];
    for (const code of ['607', '727']) {
      await withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, async (tx) => {
        const r = await sql<{ gender: 'F' | 'M'; item_id: string; total: number; n: number }>`
          SELECT c.gender, a.item_id, sum(a.value)::float8 AS total, count(a.value)::int AS n
          FROM fip_answers a JOIN fip_rounds r ON r.id = a.round_id JOIN citizens c ON c.id = r.citizen_id
          WHERE r.round_no = 1 AND a.respondent = 'citizen' AND a.value IS NOT NULL
          GROUP BY c.gender, a.item_id`.execute(tx);
        for (const row of r.rows) rows.push({ gender: row.gender, item_id: row.item_id, mean: row.total, n: row.n });
      });
    }
    for (const gender of ['F', 'M'] as const) {
      ROUND1_CITIZEN_MEANS[gender].forEach((reference, i) => {
        const itemId = `c${String(i + 1).padStart(2, '0')}`;
        const parts = rows.filter((r) => r.gender === gender && r.item_id === itemId);
        const n = parts.reduce((s, r) => s + r.n, 0);
        const mean = parts.reduce((s, r) => s + r.mean, 0) / n;
        expect(n).toBeGreaterThan(80);
        expect(Math.abs(mean - reference), `${gender} ${itemId}: ${mean.toFixed(2)} vs ${reference}`).toBeLessThanOrEqual(0.3);
      });
    }
  });

  it('gives citizens offers of every main kind and some outcomes, in both municipalities', async () => {
    for (const code of ['607', '727']) {
      const seen = await withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, async (tx) => ({
        kinds: (await tx.selectFrom('offers').select('kind').distinct().execute()).map((r) => r.kind),
        statuses: (await tx.selectFrom('offers').select('status').distinct().execute()).map((r) => r.status),
        outcomes: (await tx.selectFrom('outcomes').select('kind').execute()).map((r) => r.kind),
      }));
      expect(seen.kinds, code).toEqual(expect.arrayContaining(['praktik_private', 'praktik_public', 'wage_subsidy_private']));
      expect(seen.statuses, code).toEqual(expect.arrayContaining(['active', 'completed']));
      expect(seen.outcomes.length, code).toBeGreaterThan(0);
    }
    const all = await t.db.kysely.selectFrom('offers').select('kind').distinct().execute();
    expect(all.map((r) => r.kind)).toEqual(expect.arrayContaining(['igu', 'guidance_upskilling', 'wage_subsidy_public', 'introduction_course']));
    const outcomes = await t.db.kysely.selectFrom('outcomes').select('kind').distinct().execute();
    expect(outcomes.map((r) => r.kind)).toEqual(expect.arrayContaining(['employment', 'igu_start']));
  });

  it('gives every demo IGU four school periods that pass the check the API uses, and no other offer any', async () => {
    const rows = await t.db.kysely.selectFrom('offers').select(['kind', 'start_date', 'planned_end', 'school_periods']).execute();
    const igus = rows.filter((r) => r.kind === 'igu');
    expect(igus.length).toBeGreaterThan(0);
    for (const r of igus) {
      const periods = r.school_periods as { start: string; end: string }[];
      expect(periods).toHaveLength(4);
      expect(validateSchoolPeriods('igu', periods, r.start_date, r.planned_end)).toEqual([]);
    }
    expect(rows.filter((r) => r.kind !== 'igu' && (r.school_periods as unknown[]).length > 0)).toEqual([]);
  });

  it('as of today: most first-offer deadlines met, some breached, some due within 7 days', async () => {
    const policies = loadPolicies();
    const states: string[] = [];
    for (const code of ['607', '727']) {
      const cases = await withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, (tx) => loadCases(tx));
      for (const c of cases) {
        const rule = evaluateDeadlines(c, policies.forDate(c.takeoverDate), TODAY).rules.find((r) => r.ruleId === 'first_offer_deadline');
        states.push(rule?.state ?? 'missing');
      }
    }
    const count = (state: string) => states.filter((s) => s === state).length;
    expect(count('breached')).toBeGreaterThan(0);
    expect(count('due')).toBeGreaterThan(0);
    expect(count('ok') / states.length).toBeGreaterThan(0.6);
    expect(count('ok') + count('due') + count('breached')).toBe(300);
  });

  it("predicts employment as the booklet found: c02 and w02 (own and caseworker's belief in a job within 6 months) among the five strongest items by AUC", async () => {
    // Both municipalities' citizens whose 6 months after round 1 have passed, through the FIP analytics' own query and the fip-validity core.
    const cohort = [];
    for (const code of ['607', '727']) {
      cohort.push(...(await withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, (tx) => loadCohort(tx, { from: null, to: TODAY, targetGroup: 'all', today: TODAY }))));
    }
    const v = fipValidity(validityData(cohort, loadInstruments().instrument), loadInstruments().instrument);
    const employed = validityData(cohort, loadInstruments().instrument).employed;
    expect(employed.length).toBeGreaterThan(100);
    const share = employed.reduce((a, b) => a + b, 0) / employed.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.6);
    const top5 = [...v.items].sort((a, b) => (b.auc ?? 0) - (a.auc ?? 0)).slice(0, 5).map((i) => i.item_id);
    expect(top5, JSON.stringify(v.items.map((i) => [i.item_id, i.auc]))).toEqual(expect.arrayContaining(['c02', 'w02']));
  });

  it('does nothing the second time', async () => {
    expect(await seedDemo(t.db, { cprKey: randomBytes(32), today: TODAY, nodeEnv: 'test' })).toMatchObject({ skipped: true });
  });
});

describe('demo data rules', () => {
  it('is refused in production', async () => {
    const t = await createTestDatabase('pglite');
    try {
      await expect(seedDemo(t.db, { cprKey: randomBytes(32), nodeEnv: 'production' })).rejects.toThrow(/NODE_ENV=production/);
    } finally {
      await t.drop();
    }
  });

  it('is deterministic with the seed', () => {
    const make = () => {
      const rng = createRng(11);
      const used = new Set<string>();
      return Array.from({ length: 20 }, () => generateCitizen(rng, TODAY, ['c01', 'c02'], ['w01'], new Map([['w01', 'c01']]), used));
    };
    expect(make()).toEqual(make());
  });

  it('offers are deterministic with the seed', () => {
    const make = () => {
      const rng = createRng(13);
      return ['2025-12-01', '2026-06-15', '2026-10-30', '2026-11-20'].map((takeover) => generateOffers(rng, takeover, TODAY, '607'));
    };
    expect(make()).toEqual(make());
  });

  it('a job ends the offers running at its date and drops later ones; a job or IGU before it, or a date after today, changes nothing', () => {
    const drawn = generateOffers(createRng(13), '2025-12-01', TODAY, '607');
    const first = drawn.offers.find((o) => o.kind !== 'introduction_course' && o.kind !== 'guidance_upskilling');
    expect(first).toBeDefined();
    const jobOn = addDays(first?.startDate ?? TODAY, 10);
    const after = withJob(drawn, jobOn, TODAY, createRng(1), '607');
    expect(after.offers.every((o) => o.startDate < jobOn)).toBe(true);
    expect(after.offers.every((o) => o.status === 'completed' && (o.actualEnd ?? '') < jobOn)).toBe(true);
    expect(after.outcomes.at(-1)).toMatchObject({ kind: 'employment', date: jobOn });
    expect(after.outcomes.every((o) => o.date <= jobOn)).toBe(true);
    expect(withJob(after, addDays(jobOn, 30), TODAY, createRng(1), '607')).toBe(after);
    expect(withJob(drawn, addDays(TODAY, 1), TODAY, createRng(1), '607')).toBe(drawn);
  });

  it('calibrates the latent mean so the discrete mean hits the target', () => {
    for (const target of [3.2, 5.0, 6.4]) expect(discreteMean(latentFor(target))).toBeCloseTo(target, 6);
  });
});
