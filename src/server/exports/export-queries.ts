// The rows of an export (decision 033), read in the caller's tenant transaction (row-level
// security keeps them to the municipality). The selection's citizens: in the target group, taken
// over on or before the period's end and not gone (programme end, self-sufficiency) before its
// start. Their offers running in the period and their outcomes dated in it. The FIP answers are
// FIP analytics' cohort (decision 025): the citizens in the target group whose round 1 lies in the
// period and whose 182 days after it have passed, every round of theirs up to the period's end,
// with employment or IGU start within the 182 days (outcomes.csv's employed_6m).
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import { EMPLOYMENT_DAYS, EMPLOYMENT_KINDS } from '../fip-analytics/index.ts';
import { EXIT_OUTCOME_KINDS } from '../../domain/outcomes.ts';
import type { ExportDataset } from '../../domain/exports/codebook.ts';

export interface ExportFilter {
  from: string | null;
  to: string;
  targetGroup: 'all' | 'broad' | 'selected';
  today: string;
}

export interface CitizenRow { id: string; municipality_code: string; gender: string; birth_date: string; origin_country: string; arrival_date: string; takeover_date: string; language: string; target_group: string }
export interface AnswerRow { citizen_id: string; gender: string; round_no: number; respondent: string; item_id: string; value: number | null; started_on: string }
export interface EmployedRow { citizen_id: string; employed: boolean }
export interface OfferRow { citizen_id: string; kind: string; status: string; start_date: string; planned_end: string | null; actual_end: string | null; hours_per_week: number | string | null; company_db07: string | null }
export interface OutcomeRow { citizen_id: string; kind: string; date: string; sector: string | null; db07: string | null; hours: number | string | null }

export interface ExportRows {
  citizens: CitizenRow[];
  answers: AnswerRow[];
  employed: EmployedRow[];
  offers: OfferRow[];
  outcomes: OutcomeRow[];
  /** Citizens of the FIP cohort left out because their 182 days have not passed yet. */
  answersWindowOpen: number;
}

const selected = (f: ExportFilter) => sql`
  SELECT c.id FROM citizens c
  WHERE c.takeover_date <= ${f.to}::date
    ${f.targetGroup === 'all' ? sql`` : sql`AND c.target_group = ${f.targetGroup}`}
    ${f.from === null ? sql`` : sql`AND NOT EXISTS (SELECT 1 FROM outcomes x WHERE x.citizen_id = c.id AND x.kind IN (${sql.join([...EXIT_OUTCOME_KINDS])}) AND x.date < ${f.from}::date)`}`;

const fipCohort = (f: ExportFilter) => sql`
  SELECT c.id, c.gender, r1.started_on AS first_on,
         r1.started_on + ${EMPLOYMENT_DAYS}::integer <= ${f.today}::date AS window_closed
  FROM citizens c JOIN fip_rounds r1 ON r1.citizen_id = c.id AND r1.round_no = 1
  WHERE r1.started_on <= ${f.to}::date
    ${f.from === null ? sql`` : sql`AND r1.started_on >= ${f.from}::date`}
    ${f.targetGroup === 'all' ? sql`` : sql`AND c.target_group = ${f.targetGroup}`}`;

const text = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
const maybeText = (value: unknown): string | null => (value === null || value === undefined ? null : text(value));

/** The rows the datasets need (only those asked for are read). */
export async function loadExportRows(tx: Tx, f: ExportFilter, datasets: readonly ExportDataset[]): Promise<ExportRows> {
  const want = new Set(datasets);
  const out: ExportRows = { citizens: [], answers: [], employed: [], offers: [], outcomes: [], answersWindowOpen: 0 };
  await sql`SET LOCAL jit = off`.execute(tx);
  if (want.has('citizens')) {
    const r = await sql<CitizenRow>`
      SELECT c.id, c.municipality_code, c.gender, c.birth_date, c.origin_country, c.arrival_date, c.takeover_date, c.language, c.target_group
      FROM citizens c WHERE c.id IN (${selected(f)}) ORDER BY c.id`.execute(tx);
    out.citizens = r.rows.map((c) => ({ ...c, birth_date: text(c.birth_date), arrival_date: text(c.arrival_date), takeover_date: text(c.takeover_date) }));
  }
  if (want.has('answers') || want.has('outcomes')) {
    const open = await sql<{ n: string | number }>`WITH k AS (${fipCohort(f)}) SELECT count(*) AS n FROM k WHERE NOT k.window_closed`.execute(tx);
    out.answersWindowOpen = Number(open.rows[0]?.n ?? 0);
    const answers = await sql<AnswerRow>`
      WITH k AS (${fipCohort(f)})
      SELECT k.id AS citizen_id, k.gender, r.round_no, a.respondent, a.item_id, a.value, r.started_on
      FROM k JOIN fip_rounds r ON r.citizen_id = k.id JOIN fip_answers a ON a.round_id = r.id
      WHERE k.window_closed AND r.started_on <= ${f.to}::date
      ORDER BY k.id, r.round_no, a.respondent, a.item_id`.execute(tx);
    out.answers = answers.rows.map((a) => ({ ...a, round_no: Number(a.round_no), value: a.value === null ? null : Number(a.value), started_on: text(a.started_on) }));
    const employed = await sql<EmployedRow>`
      WITH k AS (${fipCohort(f)})
      SELECT k.id AS citizen_id,
        EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = k.id AND o.kind IN (${sql.join([...EMPLOYMENT_KINDS])})
                AND o.date >= k.first_on AND o.date <= k.first_on + ${EMPLOYMENT_DAYS}::integer) AS employed
      FROM k WHERE k.window_closed
        AND EXISTS (SELECT 1 FROM fip_rounds r JOIN fip_answers a ON a.round_id = r.id WHERE r.citizen_id = k.id AND r.started_on <= ${f.to}::date)
      ORDER BY k.id`.execute(tx);
    out.employed = employed.rows;
  }
  if (want.has('offers')) {
    const r = await sql<OfferRow>`
      SELECT o.citizen_id, o.kind, o.status, o.start_date, o.planned_end, o.actual_end, o.hours_per_week, co.db07 AS company_db07
      FROM offers o LEFT JOIN companies co ON co.id = o.company_id
      WHERE o.citizen_id IN (${selected(f)}) AND o.start_date <= ${f.to}::date
        ${f.from === null ? sql`` : sql`AND (coalesce(o.actual_end, o.planned_end) IS NULL OR coalesce(o.actual_end, o.planned_end) >= ${f.from}::date)`}
      ORDER BY o.citizen_id, o.start_date, o.id`.execute(tx);
    out.offers = r.rows.map((o) => ({ ...o, start_date: text(o.start_date), planned_end: maybeText(o.planned_end), actual_end: maybeText(o.actual_end) }));
  }
  if (want.has('outcome_register')) {
    const r = await sql<OutcomeRow>`
      SELECT o.citizen_id, o.kind, o.date, o.sector, o.db07, o.hours
      FROM outcomes o
      WHERE o.citizen_id IN (${selected(f)}) AND o.date <= ${f.to}::date ${f.from === null ? sql`` : sql`AND o.date >= ${f.from}::date`}
      ORDER BY o.citizen_id, o.date, o.id`.execute(tx);
    out.outcomes = r.rows.map((o) => ({ ...o, date: text(o.date) }));
  }
  return out;
}
