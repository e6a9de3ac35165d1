// EXPLAIN ANALYZE of the FIP analytics' two queries on the benchmark's data (run.ts generates it): which step costs what.
//   TEST_DATABASE_URL=… node --import tsx bench/fip-analytics/explain.ts
import { sql } from 'kysely';
import { createTestDatabase } from '../../src/server/platform/db/testing.ts';
import { withTenant } from '../../src/server/platform/db/tenant.ts';
import { cohortQueries } from '../../src/server/fip-analytics/fip-analytics-queries.ts';
import { generateBenchData } from './data.ts';

const t = await createTestDatabase('postgres');
try {
  await generateBenchData(t.db, 5000);
  const today = new Date().toISOString().slice(0, 10);
  const q = cohortQueries({ from: null, to: today, targetGroup: 'all', today, rounds: [1, 2] });
  await withTenant(t.db, { municipalityCode: '607', userId: null, role: 'manager' }, async (tx) => {
    if (process.argv.includes('--no-jit')) await sql`SET LOCAL jit = off`.execute(tx);
    for (const query of [q.citizens, q.rounds]) {
      const compiled = query.compile(tx);
      const plan = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${compiled.sql.replace(/\$(\d+)/g, (_: string, i: string) => { const v = compiled.parameters[Number(i) - 1]; return Array.isArray(v) ? `ARRAY[${v.map((x) => `'${String(x)}'`).join(',')}]` : typeof v === 'number' ? String(v) : `'${String(v)}'`; })}`).execute(tx);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'), '\n');
    }
  });
} finally {
  await t.drop();
}
