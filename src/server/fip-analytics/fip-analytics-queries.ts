// The cohort behind the FIP analytics: the citizens of the transaction's municipality (row-level
// security) whose round 1 lies in the period, with every round's answers (one row per round, the
// answers as `item=value` text: '' for don't know) and whether an employment or IGU start
// follows within 182 days of the round-1 date. Two queries, whatever the cohort's size (one
// grouped join, not a subquery per round: a benchmark finding, docs/benchmarks.md).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import { EMPLOYMENT_DAYS, EMPLOYMENT_KINDS, type CohortCitizen } from './fip-analytics-presenter.ts';

export interface CohortFilter {
  from: string | null;
  to: string;
  targetGroup: 'all' | 'broad' | 'selected';
  /** Today: a round-1 date at least EMPLOYMENT_DAYS before it has a closed window. */
  today: string;
  /** The round numbers whose answers are loaded (the figures need 1, 2 and the chosen one); all when absent. */
  rounds?: readonly number[];
}

interface RoundRow {
  citizen_id: string;
  gender: 'F' | 'M';
  round_no: number;
  answers: string | null;
}

interface OutcomeRow {
  citizen_id: string;
  employed: boolean;
  window_closed: boolean;
}

const cohortSql = (f: CohortFilter) => sql`
  SELECT c.id, c.gender, r1.started_on AS first_on
  FROM citizens c JOIN fip_rounds r1 ON r1.citizen_id = c.id AND r1.round_no = 1
  WHERE r1.started_on <= ${f.to}::date
    ${f.from === null ? sql`` : sql`AND r1.started_on >= ${f.from}::date`}
    ${f.targetGroup === 'all' ? sql`` : sql`AND c.target_group = ${f.targetGroup}`}`;

/** The SQL of the two queries, for the benchmark (the same text run directly). */
export function cohortQueries(f: CohortFilter) {
  const rounds = sql<RoundRow>`
    WITH cohort AS (${cohortSql(f)})
    SELECT k.id AS citizen_id, k.gender, r.round_no, string_agg(a.item_id || '=' || coalesce(a.value::text, ''), ',') AS answers
    FROM cohort k JOIN fip_rounds r ON r.citizen_id = k.id LEFT JOIN fip_answers a ON a.round_id = r.id
    ${f.rounds === undefined ? sql`` : sql`WHERE r.round_no IN (${sql.join([...new Set(f.rounds)])})`}
    GROUP BY r.id, k.id, k.gender, r.round_no`;
  const outcomes = sql<OutcomeRow>`
    WITH cohort AS (${cohortSql(f)})
    SELECT k.id AS citizen_id,
      EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = k.id AND o.kind IN (${sql.join([...EMPLOYMENT_KINDS])})
              AND o.date >= k.first_on AND o.date <= k.first_on + ${EMPLOYMENT_DAYS}::integer) AS employed,
      k.first_on + ${EMPLOYMENT_DAYS}::integer <= ${f.today}::date AS window_closed
    FROM cohort k`;
  return { rounds, outcomes };
}

function parseAnswers(text: string | null): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const v = part.slice(eq + 1);
    out[part.slice(0, eq)] = v === '' ? null : Number(v);
  }
  return out;
}

export async function loadCohort(tx: Tx, f: CohortFilter): Promise<CohortCitizen[]> {
  const q = cohortQueries(f);
  // PostgreSQL would JIT-compile these plans (their cost estimate is high), which took longer than
  // running them (~1.2 s of 2 s on the benchmark's data): off for this transaction only.
  // The grouped join sorts ~200 000 answers for 5 000 citizens: in memory, not spilled to disk.
  await sql`SET LOCAL jit = off`.execute(tx);
  await sql`SET LOCAL work_mem = '64MB'`.execute(tx);
  const [rounds, outcomes] = [await q.rounds.execute(tx), await q.outcomes.execute(tx)];
  const byId = new Map<string, { id: string; gender: 'F' | 'M'; rounds: Map<number, Record<string, number | null>>; employed: boolean; windowClosed: boolean }>();
  for (const o of outcomes.rows) byId.set(o.citizen_id, { id: o.citizen_id, gender: 'F', rounds: new Map(), employed: o.employed, windowClosed: o.window_closed });
  for (const r of rounds.rows) {
    const c = byId.get(r.citizen_id);
    if (!c) continue;
    c.gender = r.gender;
    c.rounds.set(Number(r.round_no), parseAnswers(r.answers));
  }
  // Order by id: the same cohort gives the same arrays (and so bit-identical numbers) every time.
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
