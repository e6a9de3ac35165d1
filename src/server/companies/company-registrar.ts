// Companies: register one (CVR checked with parseCvr, unique per municipality → 409). The
// company is written in the actor's municipality under row-level security and audited in the
// same transaction.
import type { Selectable } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import type { CompaniesTable } from '../platform/db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { conflictOnUnique } from '../platform/db/unique-conflict.ts';
import { type AuditActor } from '../platform/audit/audit-writer.ts';
import { parseCvr, parseDb07 } from '../../domain/companies/index.ts';
import type { NewCompany } from '../../contract/companies.ts';

export type CompanyRow = Selectable<CompaniesTable>;

/** The dotted form of a DB07 code the route schema already accepted. */
function db07Code(input: string): string {
  const parsed = parseDb07(input);
  if (!parsed.ok) throw new DomainError('invalid', 'Invalid body', [{ field: 'db07', message: 'Not a DB07 code' }]);
  return parsed.code;
}

export async function createCompany(tx: Tx, trail: AuditTrail, actor: AuditActor & { municipalityCode: string }, body: NewCompany): Promise<CompanyRow> {
  const parsed = parseCvr(body.cvr);
  if (!parsed.ok) {
    const message = parsed.reason === 'format' ? 'Expected 8 digits' : 'Not a valid CVR number (modulus-11 check failed)';
    throw new DomainError('invalid', 'Invalid body', [{ field: 'cvr', message }]);
  }
  const existing = await tx.selectFrom('companies').select('id').where('cvr', '=', parsed.cvr).executeTakeFirst();
  if (existing) throw new DomainError('conflict', `A company with CVR ${parsed.cvr} is already registered`);
  const row = await conflictOnUnique(`A company with CVR ${parsed.cvr} is already registered`, () => tx
    .insertInto('companies')
    .values({
      municipality_code: actor.municipalityCode,
      cvr: parsed.cvr,
      name: body.name,
      db07: body.db07 ? db07Code(body.db07) : null,
      address: body.address ?? null,
      contacts: JSON.stringify(body.contacts ?? []),
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow());
  trail.record('company.create', 'company', row.id, { cvr: row.cvr });
  return row;
}
