// Round rows and their answers as stored; the presenter (round-presenter.ts) turns them into the
// API's shapes without touching the database.
import type { Tx } from '../platform/db/tenant.ts';

export interface RoundRow {
  id: string;
  citizen_id: string;
  round_no: number;
  started_on: string;
  /** The instrument version the round was started on (e.g. fip-v1); its answers mean that version's items. */
  instrument_version: string;
  citizen_completed_at: Date | null;
  caseworker_completed_at: Date | null;
}

export const ROUND_COLUMNS = ['id', 'citizen_id', 'round_no', 'started_on', 'instrument_version', 'citizen_completed_at', 'caseworker_completed_at'] as const;

/**
 * The round to save answers to, locked until the transaction ends: a caseworker finishing the round
 * and an answer arriving for it are applied one after the other, so an answer never lands in a
 * round that another transaction has just closed (decision 023).
 */
export async function lockRound(tx: Tx, roundId: string): Promise<(RoundRow & { municipality_code: string }) | undefined> {
  return tx
    .selectFrom('fip_rounds')
    .select([...ROUND_COLUMNS, 'municipality_code'])
    .where('id', '=', roundId)
    .forUpdate()
    .executeTakeFirst();
}

export interface AnswerRow {
  round_id: string;
  respondent: 'citizen' | 'caseworker';
  item_id: string;
  value: number | null;
}

/** Every answer of the given rounds (both respondents), by item id. */
export async function answersOf(tx: Tx, rows: readonly RoundRow[]): Promise<AnswerRow[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return tx.selectFrom('fip_answers').select(['round_id', 'respondent', 'item_id', 'value']).where('round_id', 'in', ids).orderBy('item_id').execute();
}

/**
 * The citizen's own answers of one round, and nothing of the caseworker's: only citizen rows are
 * read, so none can slip into what the handed-over tablet is sent.
 */
export async function citizenAnswersOf(tx: Tx, row: RoundRow): Promise<Pick<AnswerRow, 'item_id' | 'value'>[]> {
  return tx.selectFrom('fip_answers').select(['item_id', 'value']).where('round_id', '=', row.id).where('respondent', '=', 'citizen').orderBy('item_id').execute();
}
