// The cohort behind the FIP analytics: the citizens of the transaction's municipality (row-level
// security) whose round 1 lies in the period, with the chosen rounds' answers and whether an
// employment or IGU start follows within 182 days of the round-1 date. Two queries, whatever the
// cohort's size: the rounds with their answers as the one text migration 023 keeps on each round
// (`item=value` pairs; not 22 answer rows per round, a benchmark finding, docs/benchmarks.md), and
// the outcomes. The answers are parsed straight into one dense matrix per round.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import { EMPLOYMENT_DAYS, EMPLOYMENT_KINDS, type Cohort, type CohortCitizen } from './fip-analytics-presenter.ts';

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
  round_no: number;
  answer_codes: string | null;
}

interface CitizenRow {
  citizen_id: string;
  gender: 'F' | 'M';
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
    SELECT k.id AS citizen_id, r.round_no, r.answer_codes
    FROM cohort k JOIN fip_rounds r ON r.citizen_id = k.id
    ${f.rounds === undefined ? sql`` : sql`WHERE r.round_no IN (${sql.join([...new Set(f.rounds)])})`}`;
  const citizens = sql<CitizenRow>`
    WITH cohort AS (${cohortSql(f)})
    SELECT k.id AS citizen_id, k.gender,
      EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = k.id AND o.kind IN (${sql.join([...EMPLOYMENT_KINDS])})
              AND o.date >= k.first_on AND o.date <= k.first_on + ${EMPLOYMENT_DAYS}::integer) AS employed,
      k.first_on + ${EMPLOYMENT_DAYS}::integer <= ${f.today}::date AS window_closed
    FROM cohort k`;
  return { rounds, citizens };
}

/** Writes a round's `item=value,…` text into row i of a citizens × items matrix (0 = don't know; unknown items ignored). */
export function parseAnswerCodes(text: string, col: ReadonlyMap<string, number>, into: Float64Array, offset: number): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(',', start);
    if (end < 0) end = text.length;
    const eq = text.indexOf('=', start);
    if (eq > start && eq < end) {
      const j = col.get(text.slice(start, eq));
      if (j !== undefined) into[offset + j] = eq + 1 === end ? 0 : Number(text.slice(eq + 1, end));
    }
    start = end + 1;
  }
}

/** Every item id the rounds' texts name, sorted (when the caller does not say which items it wants). */
function itemIdsIn(rows: readonly RoundRow[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) for (const pair of (r.answer_codes ?? '').split(',')) if (pair.indexOf('=') > 0) ids.add(pair.slice(0, pair.indexOf('=')));
  return [...ids].sort();
}

/** The cohort in dense form (citizens ordered by id: the same cohort gives bit-identical numbers every time). */
export async function loadCohortMatrix(tx: Tx, f: CohortFilter, items?: readonly string[]): Promise<Cohort> {
  const q = cohortQueries(f);
  // PostgreSQL would JIT-compile these plans (their cost estimate is high), which took longer than
  // running them: off for this transaction only.
  await sql`SET LOCAL jit = off`.execute(tx);
  const people = (await q.citizens.execute(tx)).rows;
  const roundRows = (await q.rounds.execute(tx)).rows;
  people.sort((a, b) => (a.citizen_id < b.citizen_id ? -1 : a.citizen_id > b.citizen_id ? 1 : 0));
  const itemIds = items ?? itemIdsIn(roundRows);
  const n = people.length;
  const p = itemIds.length;
  const row = new Map(people.map((c, i) => [c.citizen_id, i]));
  const col = new Map(itemIds.map((id, j) => [id, j]));
  const rounds = new Map<number, { answers: Float64Array; has: Uint8Array }>();
  for (const r of roundRows) {
    const i = row.get(r.citizen_id);
    if (i === undefined) continue;
    const no = Number(r.round_no);
    let m = rounds.get(no);
    if (!m) {
      m = { answers: new Float64Array(n * p).fill(Number.NaN), has: new Uint8Array(n) };
      rounds.set(no, m);
    }
    m.has[i] = 1;
    if (r.answer_codes) parseAnswerCodes(r.answer_codes, col, m.answers, i * p);
  }
  return {
    ids: people.map((c) => c.citizen_id),
    female: Uint8Array.from(people, (c) => (c.gender === 'F' ? 1 : 0)),
    employed: Uint8Array.from(people, (c) => (c.employed ? 1 : 0)),
    windowClosed: Uint8Array.from(people, (c) => (c.window_closed ? 1 : 0)),
    itemIds,
    rounds,
  };
}

/** The cohort one citizen at a time (item id → value; null = don't know), for callers that want rows, not matrices. */
export async function loadCohort(tx: Tx, f: CohortFilter, items?: readonly string[]): Promise<CohortCitizen[]> {
  const m = await loadCohortMatrix(tx, f, items);
  const { itemIds } = m;
  const p = itemIds.length;
  return m.ids.map((id, i) => {
    const rounds = new Map<number, Record<string, number | null>>();
    for (const [no, r] of m.rounds) {
      if (!r.has[i]) continue;
      const answers: Record<string, number | null> = {};
      itemIds.forEach((item, j) => {
        const v = r.answers[i * p + j] as number;
        if (!Number.isNaN(v)) answers[item] = v === 0 ? null : v;
      });
      rounds.set(no, answers);
    }
    return { id, gender: m.female[i] ? 'F' : 'M', rounds, employed: m.employed[i] === 1, windowClosed: m.windowClosed[i] === 1 };
  });
}
