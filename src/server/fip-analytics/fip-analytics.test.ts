// FIP group analytics on both databases, on the demo data (the default seed 42, 2026-11-25): the booklet's
// round-1 means by gender come back from the API; every mean agrees with a direct SQL average;
// the page's item validity equals `bin/jobvej fip-validity` run on an export of the same rows;
// small cells are suppressed; bad parameters are 400s naming the field; only managers and
// evaluators of the municipality reach it, and the read is audited.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import { databases } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { seedDemo } from '../demo/seed.ts';
import { ROUND1_CITIZEN_MEANS } from '../demo/reference-means.ts';
import { createFixture, createUser, expectFieldError, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import type { fipAnalytics } from '../../contract/fip-analytics.ts';

type Analytics = z.infer<typeof fipAnalytics>;

const TODAY = '2026-11-25';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

describe.each(databases)('FIP analytics on %s', (kind) => {
  let f: Fixture;
  let manager: Login;
  let evaluator: Login;
  let body: Analytics;
  const cookie = (l: Login) => ({ cookie: l.headers.cookie ?? '' });
  const get = (l: Login, qs = '') => f.app.inject({ method: 'GET', url: `/api/fip-analytics${qs}`, headers: cookie(l) });

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    await seedDemo(f.test.db, { cprKey: f.cprKey, seed: 42, today: TODAY, nodeEnv: 'test' });
    manager = await login(f, 'manager@607', 'demo');
    evaluator = await login(f, 'evaluator@607', 'demo');
    const res = await get(manager);
    expect(res.statusCode, res.body).toBe(200);
    body = res.json() as Analytics;
  }, 120_000);
  afterAll(async () => {
    await f.close();
  });

  const cell = (b: Analytics, itemId: string, gender: string) => b.itemMeans.find((i) => i.itemId === itemId)?.cells.find((c) => c.gender === gender);

  it("returns the booklet's round-1 citizen means by gender for the demo municipality (±0.3)", () => {
    expect(body.municipalityCode).toBe('607');
    expect(body.round).toBe(1);
    for (const [gender, means] of Object.entries(ROUND1_CITIZEN_MEANS)) {
      means.forEach((target, i) => {
        const c = cell(body, `c${String(i + 1).padStart(2, '0')}`, gender);
        expect(c?.n.value, `${gender} c${i + 1}`).toBeGreaterThan(40);
        expect(Math.abs((c?.mean ?? Number.NaN) - target), `${gender} c${i + 1}: ${c?.mean} vs ${target}`).toBeLessThanOrEqual(0.3);
        expect(c?.low).toBeLessThan(c?.mean ?? 0);
        expect(c?.high).toBeGreaterThan(c?.mean ?? 0);
      });
    }
  });

  it('every item mean, n and distribution agrees with a direct SQL aggregate of the same rows', async () => {
    const rows = await withTenant(f.test.db, { municipalityCode: '607', userId: null, role: 'test' }, async (tx) =>
      (
        await sql<{ gender: string; item_id: string; n: number; mean: number; dk: number }>`
          SELECT c.gender, a.item_id, count(a.value)::int AS n, avg(a.value)::float8 AS mean, count(*) FILTER (WHERE a.value IS NULL)::int AS dk
          FROM fip_answers a JOIN fip_rounds r ON r.id = a.round_id JOIN citizens c ON c.id = r.citizen_id
          WHERE r.round_no = 1 GROUP BY GROUPING SETS ((c.gender, a.item_id), (a.item_id))`.execute(tx)
      ).rows,
    );
    expect(rows.length).toBe(22 * 3);
    for (const r of rows) {
      const c = cell(body, r.item_id, r.gender ?? 'all');
      expect(c?.n.value, `${r.item_id} ${r.gender}`).toBe(r.n);
      expect(c?.mean).toBeCloseTo(r.mean, 12);
      if (r.gender === null) {
        const d = body.distribution.find((x) => x.itemId === r.item_id);
        const dk = d?.counts.find((x) => x.value === 'dont_know')?.n;
        // A don't-know count is published as it is, or hidden: as 1–4 (primary) or as a complement.
        if (dk?.value !== null) expect(dk?.value).toBe(r.dk);
        else expect(dk?.suppressed === 'secondary' || (r.dk >= 1 && r.dk <= 4)).toBe(true);
      }
    }
    // The paired change is after − before on the citizens with both rounds, and its CI contains it.
    const paired = body.paired.items.find((i) => i.itemId === 'c02')?.cells.find((c) => c.gender === 'all');
    expect(paired?.n.value).toBeGreaterThan(20);
    expect((paired?.after ?? 0) - (paired?.before ?? 0)).toBeCloseTo(paired?.change ?? Number.NaN, 12);
    expect(paired?.low).toBeLessThan(paired?.change ?? 0);
    // Every mirrored citizen item has a gap entry.
    expect(body.gaps.map((g) => `${g.citizenItemId}/${g.caseworkerItemId}`)).toEqual(['c01/w01', 'c02/w02', 'c03/w03', 'c04/w04', 'c06/w05', 'c08/w06', 'c10/w07']);
  });

  it('item validity on the page equals `jobvej fip-validity` on an export of the same rows', async () => {
    // Export exactly FORMATS.md's files from the database (the persons whose 6 months have passed).
    const { answers, outcomes } = await withTenant(f.test.db, { municipalityCode: '607', userId: null, role: 'test' }, async (tx) => {
      const a = await sql<{ person_id: string; gender: string; round_no: number; respondent: string; item_id: string; value: number | null; started_on: string }>`
        SELECT c.id AS person_id, c.gender, r.round_no, a.respondent, a.item_id, a.value, r.started_on::text AS started_on
        FROM fip_answers a JOIN fip_rounds r ON r.id = a.round_id JOIN citizens c ON c.id = r.citizen_id
        JOIN fip_rounds r1 ON r1.citizen_id = c.id AND r1.round_no = 1
        WHERE r1.started_on + 182 <= ${TODAY}::date ORDER BY c.id, r.round_no, a.item_id`.execute(tx);
      const o = await sql<{ person_id: string; employed: boolean }>`
        SELECT c.id AS person_id, EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = c.id AND o.kind IN ('employment', 'igu_start')
          AND o.date BETWEEN r1.started_on AND r1.started_on + 182) AS employed
        FROM citizens c JOIN fip_rounds r1 ON r1.citizen_id = c.id AND r1.round_no = 1 WHERE r1.started_on + 182 <= ${TODAY}::date`.execute(tx);
      return { answers: a.rows, outcomes: o.rows };
    });
    const dir = mkdtempSync(join(tmpdir(), 'jv-fip-agree-'));
    try {
      writeFileSync(join(dir, 'answers.csv'), ['person_id,gender,round,respondent,item_id,value,answered_on', ...answers.map((r) => `${r.person_id},${r.gender},${r.round_no},${r.respondent},${r.item_id},${r.value ?? ''},${r.started_on}`)].join('\n') + '\n');
      writeFileSync(join(dir, 'outcomes.csv'), ['person_id,employed_6m', ...outcomes.map((r) => `${r.person_id},${r.employed ? 1 : 0}`)].join('\n') + '\n');
      await run(join(ROOT, 'bin/jobvej'), ['fip-validity', '--answers', join(dir, 'answers.csv'), '--outcomes', join(dir, 'outcomes.csv'), '--out', join(dir, 'v.json'), '--quiet'], { cwd: ROOT });
      const cli = JSON.parse(readFileSync(join(dir, 'v.json'), 'utf8')) as { items: Record<string, number | string | null>[]; indices: Record<string, number | string | null>[] };
      expect(body.validity.persons.value).toBe(outcomes.length);
      expect(body.validity.employed.value).toBe(outcomes.filter((o) => o.employed).length);
      expect(body.validity.items.map((i) => i.itemId)).toEqual(cli.items.map((i) => i.item_id));
      const same = (page: Analytics['validity']['items'][number] | Analytics['validity']['indices'][number], c: Record<string, number | string | null>) => {
        expect(page.n.value).toBe(c.n);
        for (const [mine, theirs] of [['logOdds', 'log_odds'], ['se', 'se'], ['oddsRatio', 'odds_ratio'], ['ciLow', 'ci_low'], ['ciHigh', 'ci_high'], ['pValue', 'p_value'], ['auc', 'auc']] as const) {
          const a = page[mine];
          const b = c[theirs] as number | null;
          if (b === null) expect(a, `${theirs}`).toBeNull();
          else expect(a, `${theirs}`).toBeCloseTo(b, 12);
        }
      };
      cli.items.forEach((c, k) => same(body.validity.items[k] as Analytics['validity']['items'][number], c));
      cli.indices.forEach((c, k) => {
        const page = body.validity.indices[k] as Analytics['validity']['indices'][number];
        expect(page.indexId).toBe(c.index);
        same(page, c);
        if (c.alpha === null) expect(page.alpha).toBeNull();
        else expect(page.alpha).toBeCloseTo(c.alpha as number, 12);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('ranks c02 and w02 (the citizen\'s and the caseworker\'s belief in a job within 6 months) among the five strongest items by AUC on the demo data', () => {
    const ranked = [...body.validity.items].filter((i) => i.auc !== null).sort((a, b) => (b.auc ?? 0) - (a.auc ?? 0));
    expect(ranked.length).toBe(22);
    const top5 = ranked.slice(0, 5).map((i) => i.itemId);
    expect(top5, JSON.stringify(ranked.map((i) => [i.itemId, i.auc]))).toContain('c02');
    expect(top5).toContain('w02');
    // Most items point the booklet's way (higher answer, more often employed); on ~100 persons an
    // item that shares only the general latent can fall just under 0.5.
    expect(ranked.filter((i) => (i.auc ?? 0) > 0.5).length).toBeGreaterThanOrEqual(18);
  });

  it('suppresses counts under 5 with their complements, and shows no mean for them', async () => {
    // A one-week period: a handful of citizens.
    const small = (await get(manager, `?from=2026-03-01&to=2026-03-10`)).json() as Analytics;
    const all = small.citizens.find((c) => c.gender === 'all')?.n;
    expect(all?.value === null || (all?.value ?? 0) >= 5 || all?.value === 0).toBe(true);
    let hidden = 0;
    for (const item of small.itemMeans) {
      for (const c of item.cells) {
        if (c.n.value === null) {
          hidden += 1;
          expect(c.mean).toBeNull();
          expect(c.low).toBeNull();
        } else expect(c.n.value === 0 || c.n.value >= 5).toBe(true);
      }
      // Women + men = all cannot give a hidden cell away: zero or at least two of the three hidden.
      expect(item.cells.filter((c) => c.n.value === null).length).not.toBe(1);
    }
    expect(hidden).toBeGreaterThan(0);
    for (const d of small.distribution) for (const c of d.counts) if (c.n.value !== null) expect(c.n.value === 0 || c.n.value >= 5).toBe(true);
    for (const g of small.gaps) if (g.n.value === null) expect(g.gap).toBeNull();
  });

  it('an empty period answers 200 with zero counts and no numbers', async () => {
    const res = await get(manager, '?from=1990-01-01&to=1990-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const empty = res.json() as Analytics;
    expect(empty.citizens.find((c) => c.gender === 'all')?.n).toEqual({ value: 0, suppressed: null });
    expect(empty.itemMeans.every((i) => i.cells.every((c) => c.n.value === 0 && c.mean === null))).toBe(true);
    expect(empty.validity.items.every((i) => i.auc === null && i.n.value === 0)).toBe(true);
    expect(empty.validity.warnings.some((w) => w.code === 'no_data')).toBe(true);
  });

  it('filters by target group and round, and agrees with the database on the cohort', async () => {
    const selected = (await get(evaluator, '?targetGroup=selected&round=2')).json() as Analytics;
    const counts = await withTenant(f.test.db, { municipalityCode: '607', userId: null, role: 'test' }, async (tx) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM citizens c JOIN fip_rounds r ON r.citizen_id = c.id AND r.round_no = 1 WHERE c.target_group = 'selected'`.execute(tx)).rows[0]?.n,
    );
    const n = selected.citizens.find((c) => c.gender === 'all')?.n.value;
    expect(n).toBe(counts);
    expect(selected.round).toBe(2);
    expect(selected.targetGroup).toBe('selected');
  });

  it("each round's answer text (migration 023's triggers) equals its answers after inserts, updates and deletes", async () => {
    const tenant = { municipalityCode: '607', userId: null, role: 'test' };
    const mismatches = () =>
      withTenant(f.test.db, tenant, async (tx) =>
        (
          await sql<{ id: string }>`
            SELECT r.id FROM fip_rounds r
            WHERE r.answer_codes IS DISTINCT FROM (
              SELECT string_agg(a.item_id || '=' || coalesce(a.value::text, ''), ',' ORDER BY a.item_id) FROM fip_answers a WHERE a.round_id = r.id)`.execute(tx)
        ).rows,
      );
    expect(await mismatches()).toEqual([]);
    const round = await withTenant(f.test.db, tenant, async (tx) => (await sql<{ id: string; answer_codes: string }>`SELECT id, answer_codes FROM fip_rounds WHERE answer_codes LIKE 'c01=%' ORDER BY id LIMIT 1`.execute(tx)).rows[0]);
    expect(round?.answer_codes).toMatch(/^c01=[1-7]?,c02=/);
    await withTenant(f.test.db, tenant, async (tx) => {
      await sql`UPDATE fip_answers SET value = NULL WHERE round_id = ${round?.id} AND item_id = 'c01'`.execute(tx);
      await sql`DELETE FROM fip_answers WHERE round_id = ${round?.id} AND item_id = 'c02'`.execute(tx);
    });
    const after = await withTenant(f.test.db, tenant, async (tx) => (await sql<{ answer_codes: string }>`SELECT answer_codes FROM fip_rounds WHERE id = ${round?.id}`.execute(tx)).rows[0]?.answer_codes);
    expect(after?.startsWith('c01=,c03=')).toBe(true);
    await withTenant(f.test.db, tenant, async (tx) => {
      await sql`INSERT INTO fip_answers (round_id, municipality_code, respondent, item_id, value) VALUES (${round?.id}, '607', 'citizen', 'c02', 6)`.execute(tx);
    });
    expect(await mismatches()).toEqual([]);
    const restored = await withTenant(f.test.db, tenant, async (tx) => (await sql<{ answer_codes: string }>`SELECT answer_codes FROM fip_rounds WHERE id = ${round?.id}`.execute(tx)).rows[0]?.answer_codes);
    expect(restored?.startsWith('c01=,c02=6,c03=')).toBe(true);
  });

  it('bad parameters are 400s naming the field', async () => {
    for (const [qs, field] of [
      ['?round=0', 'round'],
      ['?round=x', 'round'],
      ['?round=21', 'round'],
      ['?from=2026-13-01', 'from'],
      ['?to=yesterday', 'to'],
      ['?from=2026-05-01&to=2026-04-01', 'to'],
      ['?targetGroup=everyone', 'targetGroup'],
      ['?round=1&round=2', 'round'],
    ] as const) {
      expectFieldError(await get(manager, qs), field, qs);
    }
  });

  it('only managers and evaluators of a municipality reach it (not caseworkers, not the national administrator), and a read is audited', async () => {
    await createUser(f, 'cw-analytics', 'caseworker', '607');
    await createUser(f, 'nat-analytics', 'national_admin', null);
    for (const who of ['cw-analytics', 'nat-analytics']) {
      const res = await get(await login(f, who));
      expect(res.statusCode, who).toBe(403);
    }
    // Odder's manager sees Odder's citizens only (row-level security): a different cohort.
    await createUser(f, 'manager-727', 'manager', '727');
    const odder = (await get(await login(f, 'manager-727'))).json() as Analytics;
    expect(odder.municipalityCode).toBe('727');
    expect(odder.citizens.find((c) => c.gender === 'all')?.n.value).toBeLessThan(body.citizens.find((c) => c.gender === 'all')?.n.value ?? 0);
    await get(manager, '?round=2&targetGroup=broad');
    const audit = await f.test.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'detail', 'municipality_code'])
      .where('action', '=', 'fip_analytics.view')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity: 'municipality', entity_id: '607', municipality_code: '607', detail: { round: 2, targetGroup: 'broad', to: TODAY, from: null } });
  });
});
