// The country's FIP means (GET /api/national/fip-means) on both databases, on the demo data (both
// municipalities): every published mean equals a direct SQL average over the whole country for the
// year's round-1 cohort; women + men = all; no mean where n is suppressed; a year without answers
// publishes zeros and no numbers; national administrator and managers only; audited; 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { z } from 'zod';
import { databases } from '../platform/db/testing.ts';
import { seedDemo } from '../demo/seed.ts';
import { createFixture, expectFieldError, login, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import type { nationalFipMeans } from '../../contract/national-fip.ts';

type Means = z.infer<typeof nationalFipMeans>;
const TODAY = '2026-11-25';

describe.each(databases)('the country’s FIP means on %s', (kind) => {
  let f: Fixture;
  let nat: Login;
  let year: number;
  const get = (l: Login, qs: string) => f.app.inject({ method: 'GET', url: `/api/national/fip-means${qs}`, headers: { cookie: l.headers.cookie ?? '' } });

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    await seedDemo(f.test.db, { cprKey: f.cprKey, seed: 42, today: TODAY, nodeEnv: 'test' });
    nat = await login(f, 'national@siri', 'demo');
    // The year most round-1s fell in (as the owner: the whole country).
    year = Number((await sql<{ y: number }>`SELECT extract(year FROM started_on)::int AS y FROM fip_rounds WHERE round_no = 1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(f.test.db.kysely)).rows[0]?.y);
  }, 120_000);
  afterAll(async () => {
    await f.close();
  });

  it('every published mean is the direct average over every municipality, for round 1 and round 2', async () => {
    for (const round of [1, 2]) {
      const res = await get(nat, `?year=${year}&round=${round}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Means;
      expect(body).toMatchObject({ year, round, minPersons: 5 });
      expect(body.items).toHaveLength(22);
      const direct = (
        await sql<{ gender: string | null; item_id: string; n: number; mean: number; municipalities: number }>`
          SELECT c.gender, a.item_id, count(a.value)::int AS n, avg(a.value)::float8 AS mean, count(DISTINCT c.municipality_code)::int AS municipalities
          FROM citizens c JOIN fip_rounds r1 ON r1.citizen_id = c.id AND r1.round_no = 1
          JOIN fip_rounds r ON r.citizen_id = c.id AND r.round_no = ${round}
          JOIN fip_answers a ON a.round_id = r.id AND a.value IS NOT NULL
          WHERE extract(year FROM r1.started_on) = ${year}
          GROUP BY GROUPING SETS ((c.gender, a.item_id), (a.item_id))`.execute(f.test.db.kysely)
      ).rows;
      expect(direct.length).toBe(22 * 3);
      if (round === 1) expect(Math.max(...direct.map((d) => d.municipalities))).toBe(2);
      for (const d of direct) {
        const cell = body.items.find((i) => i.itemId === d.item_id)?.cells.find((c) => c.gender === (d.gender ?? 'all'));
        if (cell?.n.value === null) {
          expect(cell.mean).toBeNull();
          continue;
        }
        expect(cell?.n.value, `${round} ${d.item_id} ${d.gender}`).toBe(d.n);
        expect(cell?.mean).toBeCloseTo(d.mean, 12);
        if (d.n >= 2) expect((cell?.low ?? Infinity) <= d.mean && d.mean <= (cell?.high ?? -Infinity)).toBe(true);
      }
    }
  });

  it('a year without answers publishes zeros and no means; a manager sees the country too, a caseworker may not; audited; bad parameters are 400s', async () => {
    const empty = (await get(nat, '?year=2001&round=1')).json() as Means;
    expect(empty.items.every((i) => i.cells.every((c) => c.n.value === 0 && c.mean === null))).toBe(true);
    const manager = await login(f, 'manager@607', 'demo');
    const seen = await get(manager, `?year=${year}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as Means).items).toEqual(((await get(nat, `?year=${year}&round=1`)).json() as Means).items);
    const cw = await login(f, 'caseworker@607', 'demo');
    expect((await get(cw, `?year=${year}`)).statusCode).toBe(403);
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'national.view').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ year, fipRound: 1 });
    expectFieldError(await get(nat, '?round=3'), 'round', 'round 3');
    expectFieldError(await get(nat, '?year=20x6'), 'year', 'a bad year');
  });
});
