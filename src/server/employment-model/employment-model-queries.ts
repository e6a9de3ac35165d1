// The employment model's reads: the municipality's modelled history (row-level security keeps it
// to the transaction's municipality) — every citizen with a round 1 whose 182 days have passed,
// with the round-1 answers, gender, arrival date and whether an employment or IGU start followed
// within 182 days; one citizen's round 1; the switch; the newest stored model.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import { EMPLOYMENT_KINDS, WINDOW_DAYS } from '../../evaluation/employment-model/model.ts';
import type { ModelStatus } from '../../evaluation/employment-model/model.ts';
import type { CalibrationGroup } from '../../stats/calibration.ts';

export interface RoundOneRow {
  citizen_id: string;
  gender: 'F' | 'M';
  arrival_date: string;
  round_on: string;
  /** `item=value` pairs ('' for don't know), comma-separated; null without answers. */
  answers: string | null;
}

export interface HistoryRow extends RoundOneRow {
  employed: boolean;
}

export function parseAnswers(text: string | null): Record<string, number | null> {
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

/**
 * Every citizen whose round 1 lies at least WINDOW_DAYS before `today`, in a fixed order — round-1
 * date, birth date, name, then id — so the same history gives the same seeded folds, and so the same
 * cross-validated AUC, on every refit and in every database holding the same citizens.
 */
export async function loadHistory(tx: Tx, today: string): Promise<HistoryRow[]> {
  const rows = await sql<HistoryRow>`
    SELECT c.id AS citizen_id, c.gender, c.arrival_date::text AS arrival_date, r.started_on::text AS round_on,
      string_agg(a.item_id || '=' || coalesce(a.value::text, ''), ',') AS answers,
      EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = c.id AND o.kind IN (${sql.join([...EMPLOYMENT_KINDS])})
              AND o.date >= r.started_on AND o.date <= r.started_on + ${WINDOW_DAYS}::integer) AS employed
    FROM citizens c JOIN fip_rounds r ON r.citizen_id = c.id AND r.round_no = 1
    LEFT JOIN fip_answers a ON a.round_id = r.id
    WHERE r.started_on + ${WINDOW_DAYS}::integer <= ${today}::date
    GROUP BY c.id, c.gender, c.arrival_date, r.started_on
    ORDER BY r.started_on, c.birth_date, c.name, c.id`.execute(tx);
  return rows.rows;
}

/** One citizen (undefined: not in this municipality) and their round 1 (null: none yet). */
export async function loadRoundOne(tx: Tx, citizenId: string): Promise<{ round: RoundOneRow | null } | undefined> {
  const citizen = await tx.selectFrom('citizens').select('id').where('id', '=', citizenId).executeTakeFirst();
  if (!citizen) return undefined;
  const rows = await sql<RoundOneRow>`
    SELECT c.id AS citizen_id, c.gender, c.arrival_date::text AS arrival_date, r.started_on::text AS round_on,
      string_agg(a.item_id || '=' || coalesce(a.value::text, ''), ',') AS answers
    FROM citizens c JOIN fip_rounds r ON r.citizen_id = c.id AND r.round_no = 1
    LEFT JOIN fip_answers a ON a.round_id = r.id
    WHERE c.id = ${citizenId}
    GROUP BY c.id, c.gender, c.arrival_date, r.started_on`.execute(tx);
  return { round: rows.rows[0] ?? null };
}

export interface SettingsRow {
  enabled: boolean;
  changed_at: Date;
  changed_by: string;
}

export async function loadSettings(tx: Tx): Promise<SettingsRow | null> {
  const rows = await sql<SettingsRow>`
    SELECT s.enabled, s.changed_at, u.display_name AS changed_by
    FROM employment_model_settings s JOIN users u ON u.id = s.changed_by`.execute(tx);
  return rows.rows[0] ?? null;
}

export interface ModelRow {
  version: number;
  source: 'municipality';
  status: ModelStatus;
  n: number;
  events: number;
  terms: string[];
  coefficients: number[] | null;
  std_errors: number[] | null;
  covariance: number[] | null;
  cv_auc: number | null;
  fold_aucs: number[] | null;
  calibration: { F: CalibrationGroup[]; M: CalibrationGroup[] } | null;
  instrument_version: string;
  fitted_at: Date;
  fitted_by: string;
}

/** The newest stored model of the municipality (null before the first refit). */
export async function loadNewestModel(tx: Tx): Promise<ModelRow | null> {
  const rows = await sql<ModelRow>`
    SELECT m.version, m.source, m.status, m.n, m.events, m.terms, m.coefficients, m.std_errors, m.covariance, m.cv_auc,
      m.fold_aucs, m.calibration, m.instrument_version, m.fitted_at, u.display_name AS fitted_by
    FROM employment_models m JOIN users u ON u.id = m.fitted_by
    ORDER BY m.version DESC LIMIT 1`.execute(tx);
  return rows.rows[0] ?? null;
}
