// Round rows and their answers → the API's Round.
import type { Tx } from '../platform/db/tenant.ts';
import type { CitizenRound, Round } from '../../contract/types.ts';

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

export type { Round };

/** Load the answers of the given rounds and present them, in the order given. */
export async function presentRounds(tx: Tx, rows: RoundRow[]): Promise<Round[]> {
  const ids = rows.map((row) => row.id);
  const answers = ids.length
    ? await tx.selectFrom('fip_answers').select(['round_id', 'respondent', 'item_id', 'value']).where('round_id', 'in', ids).orderBy('item_id').execute()
    : [];
  const byRound = new Map<string, Round['answers']>(ids.map((id) => [id, { citizen: {}, caseworker: {} }]));
  for (const answer of answers) {
    const target = byRound.get(answer.round_id);
    if (target) target[answer.respondent][answer.item_id] = answer.value;
  }
  return rows.map((row) => ({
    ...roundHead(row),
    caseworkerCompletedAt: row.caseworker_completed_at?.toISOString() ?? null,
    answers: byRound.get(row.id) ?? { citizen: {}, caseworker: {} },
  }));
}

/** What both views of a round share: which round it is and whether the citizen has finished. */
function roundHead(row: RoundRow): Omit<CitizenRound, 'answers'> {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    roundNo: row.round_no,
    startedOn: row.started_on,
    instrumentVersion: row.instrument_version,
    citizenCompletedAt: row.citizen_completed_at?.toISOString() ?? null,
  };
}

export const ROUND_COLUMNS = ['id', 'citizen_id', 'round_no', 'started_on', 'instrument_version', 'citizen_completed_at', 'caseworker_completed_at'] as const;

/**
 * The round as the citizen holding a handed-over tablet sees it: their own answers and whether
 * they finished; nothing of the caseworker's assessment (neither answers nor completion). Only
 * citizen answers are read from the database, so none can slip into the response.
 */
export type { CitizenRound };

export async function presentCitizenRound(tx: Tx, row: RoundRow): Promise<CitizenRound> {
  const answers = await tx
    .selectFrom('fip_answers')
    .select(['item_id', 'value'])
    .where('round_id', '=', row.id)
    .where('respondent', '=', 'citizen')
    .orderBy('item_id')
    .execute();
  return { ...roundHead(row), answers: { citizen: Object.fromEntries(answers.map((a) => [a.item_id, a.value])) } };
}
