// Register a citizen: normalise and encrypt the CPR, take the birth date from it, refuse a
// registration that contradicts itself (a birth date other than the CPR's, an arrival after the
// take-over: 400 on the field) and a second registration of the same CPR in the municipality
// (409), insert, and audit — all in the caller's transaction.
import { parseCpr } from '../../domain/cpr.ts';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import type { CprVault } from '../platform/crypto/cpr-vault.ts';
import { DomainError } from '../../domain/errors.ts';
import { conflictOnUnique } from '../platform/db/unique-conflict.ts';
import { type AuditActor } from '../platform/audit/audit-writer.ts';
import type { NewCitizen } from '../../contract/citizens.ts';
import { registrationIssues } from '../../domain/registration.ts';

export async function registerCitizen(tx: Tx, trail: AuditTrail, vault: CprVault, actor: AuditActor & { municipalityCode: string }, input: NewCitizen): Promise<string> {
  const parsed = parseCpr(input.cpr);
  if (!parsed.ok) throw new DomainError('invalid', 'Invalid citizen', [{ field: 'cpr', message: 'Not a valid CPR number' }]);
  // The route's schema checks the same; this keeps every caller of the registrar to it.
  const issues = registrationIssues(input);
  if (issues.length > 0) throw new DomainError('invalid', 'Invalid citizen', issues);
  const cprHash = vault.hash(parsed.cpr);
  const existing = await tx.selectFrom('citizens').select('id').where('cpr_hash', '=', cprHash).executeTakeFirst();
  const duplicate = 'A citizen with this CPR number is already registered in the municipality';
  if (existing) throw new DomainError('conflict', duplicate);
  const row = await conflictOnUnique(duplicate, () => tx
    .insertInto('citizens')
    .values({
      municipality_code: actor.municipalityCode,
      name: input.name,
      cpr_encrypted: vault.encrypt(parsed.cpr),
      cpr_hash: cprHash,
      cpr_tail_hash: vault.tailHash(parsed.cpr.slice(6)),
      // The registering caseworker is responsible for the citizen until someone reassigns them (decision 026).
      caseworker_id: actor.role === 'caseworker' ? actor.userId : null,
      gender: input.gender,
      birth_date: parsed.birthDate,
      origin_country: input.originCountry,
      arrival_date: input.arrivalDate,
      takeover_date: input.takeoverDate,
      language: input.language,
      target_group: input.targetGroup,
    })
    .returning('id')
    .executeTakeFirstOrThrow());
  trail.record('citizen.create', 'citizen', row.id);
  return row.id;
}
