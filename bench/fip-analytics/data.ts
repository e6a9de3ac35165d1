// The benchmark's data: `citizens` citizens in Fredericia (607) with the booklet's share of
// rounds (all a round 1, 55 % a round 2, 22 % / 9 % / 3 % rounds 3–5), 22 answers per round (3 %
// don't know) and an employment for 30 %, generated in SQL with a fixed seed, then ANALYZE.
import { sql } from 'kysely';
import type { Database } from '../../src/server/platform/db/database.ts';
import { withTenant } from '../../src/server/platform/db/tenant.ts';

const TENANT = { municipalityCode: '607', userId: null, role: 'seed' };
const ITEMS = [...Array.from({ length: 11 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 11 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`)];

export async function generateBenchData(db: Database, citizens: number): Promise<{ rounds: number; answers: number; outcomes: number }> {
  await withTenant(db, TENANT, async (tx) => {
    await sql`SELECT setseed(0.20261207)`.execute(tx);
    await sql`
      INSERT INTO citizens (municipality_code, name, cpr_encrypted, cpr_hash, gender, birth_date, origin_country, arrival_date, takeover_date, language, target_group)
      SELECT '607', 'Bench ' || g, 'bench', md5('bench' || g), CASE WHEN random() < 0.5 THEN 'F' ELSE 'M' END, DATE '1990-01-01',
             'SY', DATE '2023-01-01' + (g % 1000), DATE '2023-01-20' + (g % 1000), 'da', CASE WHEN random() < 0.8 THEN 'broad' ELSE 'selected' END
      FROM generate_series(1, ${citizens}::integer) g`.execute(tx);
    await sql`
      INSERT INTO fip_rounds (citizen_id, municipality_code, round_no, started_on, instrument_version, citizen_completed_at, caseworker_completed_at)
      SELECT c.id, '607', k, c.takeover_date + 30 + 91 * (k - 1), 'fip-v1', now(), now()
      FROM (SELECT id, takeover_date, random() AS u FROM citizens) c CROSS JOIN generate_series(1, 5) k
      WHERE c.u < (ARRAY[1.0, 0.55, 0.22, 0.09, 0.03])[k]`.execute(tx);
    await sql`
      INSERT INTO fip_answers (round_id, municipality_code, respondent, item_id, value)
      SELECT r.id, '607', CASE WHEN left(i, 1) = 'c' THEN 'citizen' ELSE 'caseworker' END, i,
             CASE WHEN random() < 0.03 THEN NULL ELSE least(7, greatest(1, round(4.3 + (random() + random() + random() - 1.5) * 2.4)))::smallint END
      FROM fip_rounds r CROSS JOIN unnest(${ITEMS}::text[]) i`.execute(tx);
    await sql`
      INSERT INTO outcomes (citizen_id, municipality_code, kind, date, sector, db07, hours, company_name, source)
      SELECT r.citizen_id, '607', 'employment', r.started_on + (random() * 300)::integer, 'private', '471100', 30, 'Bench ApS', 'caseworker'
      FROM fip_rounds r WHERE r.round_no = 1 AND random() < 0.3`.execute(tx);
  });
  await sql`ANALYZE`.execute(db.kysely);
  const counts = await withTenant(db, TENANT, async (tx) =>
    (await sql<{ rounds: number; answers: number; outcomes: number }>`SELECT (SELECT count(*)::int FROM fip_rounds) AS rounds, (SELECT count(*)::int FROM fip_answers) AS answers, (SELECT count(*)::int FROM outcomes) AS outcomes`.execute(tx)).rows[0],
  );
  return { rounds: counts?.rounds ?? 0, answers: counts?.answers ?? 0, outcomes: counts?.outcomes ?? 0 };
}
