// Assign a citizen (decision 026): the responsible caseworker and the company consultant, each an
// active user of that role in the citizen's municipality (the foreign keys of migration 018 hold
// the municipality even if this check were wrong). Records `citizen.assign` with before and after.
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import { DomainError } from '../../domain/errors.ts';
import { activeColleague, type Colleague } from './caseload-queries.ts';

export interface Assignment {
  caseworker: Colleague | null;
  consultant: Colleague | null;
}

export async function assignCitizen(
  tx: Tx,
  trail: AuditTrail,
  citizenId: string,
  input: { caseworkerId: string | null; consultantId: string | null },
): Promise<Assignment> {
  const citizen = await tx.selectFrom('citizens').select(['id', 'municipality_code', 'caseworker_id', 'consultant_id']).where('id', '=', citizenId).executeTakeFirst();
  if (!citizen) throw new DomainError('not_found', 'No such citizen');
  const caseworker = input.caseworkerId ? await activeColleague(tx, citizen.municipality_code, 'caseworker', input.caseworkerId) : null;
  const consultant = input.consultantId ? await activeColleague(tx, citizen.municipality_code, 'company_consultant', input.consultantId) : null;
  const issues = [
    ...(caseworker === undefined ? [{ field: 'caseworkerId', message: 'Not an active caseworker of the municipality' }] : []),
    ...(consultant === undefined ? [{ field: 'consultantId', message: 'Not an active company consultant of the municipality' }] : []),
  ];
  if (issues.length > 0) throw new DomainError('invalid', 'Invalid assignment', issues);
  await tx
    .updateTable('citizens')
    .set({ caseworker_id: caseworker?.id ?? null, consultant_id: consultant?.id ?? null })
    .where('id', '=', citizenId)
    .execute();
  trail.record('citizen.assign', 'citizen', citizenId, {
    before: { caseworkerId: citizen.caseworker_id, consultantId: citizen.consultant_id },
    after: { caseworkerId: caseworker?.id ?? null, consultantId: consultant?.id ?? null },
  });
  return { caseworker: caseworker ?? null, consultant: consultant ?? null };
}
