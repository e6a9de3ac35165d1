// FIP rounds: start the next round for a citizen; save one respondent's answers (upsert) and
// mark that respondent complete. Each write is audited in the same transaction.
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuditActor } from '../platform/audit/audit-writer.ts';
import type { Respondent } from '../../domain/fip/index.ts';

export async function startRound(tx: Tx, trail: AuditTrail, actor: AuditActor, citizenId: string, today: string, instrumentVersion: string): Promise<string> {
  // Lock the citizen row so two concurrent starts cannot take the same round number.
  const citizen = await tx.selectFrom('citizens').select(['id', 'municipality_code']).where('id', '=', citizenId).forUpdate().executeTakeFirst();
  if (!citizen) throw new DomainError('not_found', 'No such citizen');
  const last = await tx
    .selectFrom('fip_rounds')
    .select(sql<number>`coalesce(max(round_no), 0)::int`.as('n'))
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  const roundNo = last.n + 1;
  const row = await tx
    .insertInto('fip_rounds')
    .values({ citizen_id: citizenId, municipality_code: citizen.municipality_code, round_no: roundNo, started_on: today, instrument_version: instrumentVersion })
    .returning('id')
    .executeTakeFirstOrThrow();
  trail.record('round.start', 'round', row.id, { citizenId, roundNo });
  return row.id;
}

export interface AnswerInput {
  itemId: string;
  value: number | null;
}

/**
 * Whether this submission (by the device's client id) is new for the round; records it if so.
 * A replay of one already received is not applied again, but still recorded on the audit trail.
 */
export async function firstSubmission(tx: Tx, round: { id: string; municipality_code: string }, clientId: string): Promise<boolean> {
  const inserted = await tx
    .insertInto('answer_submissions')
    .values({ round_id: round.id, client_id: clientId, municipality_code: round.municipality_code })
    .onConflict((oc) => oc.columns(['round_id', 'client_id']).doNothing())
    .returning('client_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function saveAnswers(
  tx: Tx, trail: AuditTrail,
  actor: AuditActor,
  round: { id: string; citizen_id: string; municipality_code: string },
  respondent: Respondent,
  answers: AnswerInput[],
  complete: boolean,
  now: Date,
): Promise<void> {
  if (answers.length > 0) {
    await tx
      .insertInto('fip_answers')
      .values(answers.map((a) => ({ round_id: round.id, municipality_code: round.municipality_code, respondent, item_id: a.itemId, value: a.value })))
      .onConflict((oc) =>
        oc.columns(['round_id', 'respondent', 'item_id']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), answered_at: now })),
      )
      .execute();
  }
  if (complete) {
    const column = respondent === 'citizen' ? 'citizen_completed_at' : 'caseworker_completed_at';
    await tx.updateTable('fip_rounds').set({ [column]: now }).where('id', '=', round.id).where(column, 'is', null).execute();
  }
  trail.record('round.answers', 'round', round.id, {
    citizenId: round.citizen_id,
    respondent,
    items: answers.map((a) => a.itemId),
    complete,
  });
}
