// Offers and outcomes: register an offer (with the defaults of src/domain/offers), change one
// (actual end, status, the 13-week extension of the planned end), record an outcome. The
// citizen or offer is found under row-level security (another municipality's is 404) and every
// write is audited in the same transaction.
import type { Selectable } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import type { OutcomesTable } from '../platform/db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuditActor } from '../platform/audit/audit-writer.ts';
import { defaultPlannedEnd, defaultStatus, sortSchoolPeriods, validateSchoolPeriods } from '../../domain/offers/index.ts';
import { schoolPeriodsOf, type OfferRow } from '../deadlines/index.ts';
import type { NewOffer, NewOutcome, OfferPatch } from '../../contract/offers.ts';

export type OutcomeRow = Selectable<OutcomesTable>;

async function citizenOrThrow(tx: Tx, citizenId: string): Promise<{ id: string; municipality_code: string }> {
  const citizen = await tx.selectFrom('citizens').select(['id', 'municipality_code']).where('id', '=', citizenId).executeTakeFirst();
  if (!citizen) throw new DomainError('not_found', 'No such citizen');
  return citizen;
}

export async function createOffer(tx: Tx, trail: AuditTrail, actor: AuditActor, citizenId: string, body: NewOffer, today: string): Promise<OfferRow> {
  const citizen = await citizenOrThrow(tx, citizenId);
  const plannedEnd = body.plannedEnd === undefined ? defaultPlannedEnd(body.kind, body.startDate) : body.plannedEnd;
  const schoolPeriods = body.schoolPeriods ?? [];
  const periodIssues = validateSchoolPeriods(body.kind, schoolPeriods, body.startDate, plannedEnd);
  if (periodIssues.length > 0) throw new DomainError('invalid', 'Invalid body', periodIssues.map(({ field, message }) => ({ field, message })));
  // Row-level security hides other municipalities' companies, and the composite foreign key
  // (company_id, municipality_code) backs this up: unknown and foreign ids are one 400.
  const company = body.companyId
    ? await tx.selectFrom('companies').select(['id', 'name']).where('id', '=', body.companyId).where('municipality_code', '=', citizen.municipality_code).executeTakeFirst()
    : null;
  if (body.companyId && !company) {
    throw new DomainError('invalid', 'Invalid body', [{ field: 'companyId', message: 'No such company in this municipality' }]);
  }
  const row = await tx
    .insertInto('offers')
    .values({
      citizen_id: citizen.id,
      municipality_code: citizen.municipality_code,
      kind: body.kind,
      company_name: company ? company.name : (body.companyName ?? null),
      company_id: company ? company.id : null,
      start_date: body.startDate,
      planned_end: plannedEnd,
      actual_end: null,
      hours_per_week: body.hoursPerWeek ?? null,
      status: body.status ?? defaultStatus(body.startDate, today),
      school_periods: JSON.stringify(sortSchoolPeriods(schoolPeriods)),
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  trail.record('offer.create', 'offer', row.id, { citizenId, kind: row.kind, companyId: row.company_id, startDate: row.start_date, plannedEnd: row.planned_end, schoolPeriods: schoolPeriods.length });
  return row;
}

export async function updateOffer(tx: Tx, trail: AuditTrail, actor: AuditActor, offerId: string, patch: OfferPatch): Promise<OfferRow> {
  const offer = await tx.selectFrom('offers').selectAll().where('id', '=', offerId).forUpdate().executeTakeFirst();
  if (!offer) throw new DomainError('not_found', 'No such offer');
  for (const field of ['actualEnd', 'plannedEnd'] as const) {
    const value = patch[field];
    if (value != null && value < offer.start_date) {
      throw new DomainError('invalid', 'Invalid body', [{ field, message: `Before the offer's start ${offer.start_date}` }]);
    }
  }
  // School periods stay inside the offer: a new list is checked against the (possibly new)
  // planned end; a new planned end alone must still hold the stored periods.
  const plannedEnd = patch.plannedEnd !== undefined ? patch.plannedEnd : offer.planned_end;
  if (patch.schoolPeriods !== undefined) {
    const issues = validateSchoolPeriods(offer.kind, patch.schoolPeriods, offer.start_date, plannedEnd);
    if (issues.length > 0) throw new DomainError('invalid', 'Invalid body', issues.map(({ field, message }) => ({ field, message })));
  } else if (patch.plannedEnd !== undefined && validateSchoolPeriods(offer.kind, schoolPeriodsOf(offer), offer.start_date, plannedEnd).length > 0) {
    throw new DomainError('invalid', 'Invalid body', [{ field: 'plannedEnd', message: 'A school period would end after the planned end' }]);
  }
  const changes = {
    ...(patch.schoolPeriods !== undefined ? { school_periods: JSON.stringify(sortSchoolPeriods(patch.schoolPeriods)) } : {}),
    ...(patch.actualEnd !== undefined ? { actual_end: patch.actualEnd } : {}),
    ...(patch.plannedEnd !== undefined ? { planned_end: patch.plannedEnd } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.hoursPerWeek !== undefined ? { hours_per_week: patch.hoursPerWeek } : {}),
  };
  const row = await tx.updateTable('offers').set(changes).where('id', '=', offerId).returningAll().executeTakeFirstOrThrow();
  trail.record('offer.update', 'offer', row.id, { citizenId: row.citizen_id, changed: Object.keys(changes) });
  return row;
}

export async function createOutcome(tx: Tx, trail: AuditTrail, actor: AuditActor, citizenId: string, body: NewOutcome): Promise<OutcomeRow> {
  const citizen = await citizenOrThrow(tx, citizenId);
  const row = await tx
    .insertInto('outcomes')
    .values({
      citizen_id: citizen.id,
      municipality_code: citizen.municipality_code,
      kind: body.kind,
      date: body.date,
      sector: body.sector ?? null,
      db07: body.db07 ?? null,
      hours: body.hours ?? null,
      company_name: body.companyName ?? null,
      source: body.source ?? 'caseworker',
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  trail.record('outcome.create', 'outcome', row.id, { citizenId, kind: row.kind, date: row.date });
  return row;
}
