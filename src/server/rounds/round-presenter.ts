// Round rows and their answers (round-queries.ts) → the API's Round and CitizenRound: pure.
import type { CitizenRound, Round } from '../../contract/types.ts';
import type { AnswerRow, RoundRow } from './round-queries.ts';

export type { CitizenRound, Round };

/** The rounds in the order given, each with its answers by respondent and item. */
export function presentRounds(rows: readonly RoundRow[], answers: readonly AnswerRow[]): Round[] {
  const byRound = new Map<string, Round['answers']>(rows.map((row) => [row.id, { citizen: {}, caseworker: {} }]));
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

/**
 * The round as the citizen holding a handed-over tablet sees it: their own answers and whether
 * they finished; nothing of the caseworker's assessment (neither answers nor completion).
 */
export function presentCitizenRound(row: RoundRow, citizenAnswers: readonly Pick<AnswerRow, 'item_id' | 'value'>[]): CitizenRound {
  return { ...roundHead(row), answers: { citizen: Object.fromEntries(citizenAnswers.map((a) => [a.item_id, a.value])) } };
}
