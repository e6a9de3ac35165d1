// Labour needs of a company: record one (DB07 code defaulting to the company's), change its
// slots or close/reopen it. The company and need are found under row-level security (another
// municipality's is 404) and every write is audited in the same transaction.
import type { Selectable } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import type { LabourNeedsTable } from '../platform/db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuditActor } from '../platform/audit/audit-writer.ts';
import { parseDb07 } from '../../domain/companies/index.ts';
import type { NeedPatch, NewNeed } from '../../contract/needs.ts';

export type LabourNeedRow = Selectable<LabourNeedsTable>;

export async function createNeed(tx: Tx, trail: AuditTrail, actor: AuditActor, companyId: string, body: NewNeed): Promise<LabourNeedRow> {
  const company = await tx.selectFrom('companies').select(['id', 'municipality_code', 'db07']).where('id', '=', companyId).executeTakeFirst();
  if (!company) throw new DomainError('not_found', 'No such company');
  const given = body.db07 ?? company.db07;
  const parsed = given ? parseDb07(given) : null;
  if (!parsed?.ok) {
    const message = given ? 'Not a DB07 code' : 'The company has no DB07 code: give the industry of the need';
    throw new DomainError('invalid', 'Invalid body', [{ field: 'db07', message }]);
  }
  const row = await tx
    .insertInto('labour_needs')
    .values({
      municipality_code: company.municipality_code,
      company_id: company.id,
      db07: parsed.code,
      kind: body.kind,
      slots: body.slots,
      period_from: body.periodFrom,
      period_to: body.periodTo,
      note: body.note ? body.note : null,
      closed_on: null,
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  trail.record('need.create', 'labour_need', row.id, { companyId: company.id, kind: row.kind, slots: row.slots, db07: row.db07 });
  return row;
}

export async function updateNeed(tx: Tx, trail: AuditTrail, actor: AuditActor, needId: string, patch: NeedPatch): Promise<LabourNeedRow> {
  const need = await tx.selectFrom('labour_needs').select('id').where('id', '=', needId).forUpdate().executeTakeFirst();
  if (!need) throw new DomainError('not_found', 'No such labour need');
  const changes = {
    ...(patch.slots !== undefined ? { slots: patch.slots } : {}),
    ...(patch.closedOn !== undefined ? { closed_on: patch.closedOn } : {}),
  };
  const row = await tx.updateTable('labour_needs').set(changes).where('id', '=', needId).returningAll().executeTakeFirstOrThrow();
  trail.record('need.update', 'labour_need', row.id, { companyId: row.company_id, ...patch });
  return row;
}
