// Industry packages: create a municipality's package from a template, enrol a citizen (module 1
// starts), sign off goals, and advance through the gate (or with an override reason). The rules
// are the pure functions of src/domain/packages (enrol, signOffGoal, advance, makeOverride,
// gate); this command loads their input from the tables, maps their errors to API errors and
// writes the rows of a step (enrolment, sign-off, override, module history in
// enrolment_modules) with their audit rows in the caller's transaction. Rows are found under
// row-level security: another municipality's package, enrolment or citizen is 404.
import type { Selectable } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditTrail } from '../platform/audit/audit-trail.ts';
import type { PackageEnrolmentsTable, PackagesTable } from '../platform/db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { type AuditActor } from '../platform/audit/audit-writer.ts';
import { conflictOnUnique } from '../platform/db/unique-conflict.ts';
import {
  advance, enrol, gate, makeOverride, signOffGoal,
  type Enrolment, type IndustryPackage, type PackageErrorCode, type PackageModule, type PackageResult,
} from '../../domain/packages/index.ts';
import type { NewPackage, SignOffInput } from '../../contract/packages.ts';

export type PackageRow = Selectable<PackagesTable>;
export type EnrolmentRow = Selectable<PackageEnrolmentsTable>;
type MunicipalActor = AuditActor & { municipalityCode: string };

/** The domain package of a row: the template's modules under the row's id. */
export function packageOf(row: PackageRow): IndustryPackage {
  return {
    id: row.id,
    version: row.template_version,
    municipalityCode: row.municipality_code,
    industry: row.industry as IndustryPackage['industry'],
    title: row.title as IndustryPackage['title'],
    modules: row.modules as readonly PackageModule[],
  };
}

export interface LoadedEnrolment {
  row: EnrolmentRow;
  pkg: IndustryPackage;
  /**
   * The domain enrolment with the current module's progress only: the pure functions read and
   * change the last module only; earlier modules' sign-offs and overrides stay in their tables.
   */
  enrolment: Enrolment;
}

const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

export async function loadEnrolment(tx: Tx, enrolmentId: string, forUpdate = false): Promise<LoadedEnrolment | null> {
  let query = tx.selectFrom('package_enrolments').selectAll().where('id', '=', enrolmentId);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const pkgRow = await tx.selectFrom('packages').selectAll().where('id', '=', row.package_id).executeTakeFirstOrThrow();
  const signoffs = await tx
    .selectFrom('goal_signoffs').selectAll()
    .where('enrolment_id', '=', row.id).where('module_index', '=', row.current_module_index)
    .orderBy('signed_at').execute();
  return { row, pkg: packageOf(pkgRow), enrolment: enrolmentOf(row, packageOf(pkgRow), signoffs) };
}

export function enrolmentOf(
  row: EnrolmentRow, pkg: IndustryPackage, signoffs: readonly { goal_id: string; signed_by: string; signed_at: Date; note: string }[],
): Enrolment {
  const module = pkg.modules[row.current_module_index];
  return {
    packageId: pkg.id,
    citizenId: row.citizen_id,
    enrolledOn: row.started_on,
    completedOn: row.completed_on,
    progress: module === undefined ? [] : [{
      moduleId: module.id,
      startedOn: row.module_started_on,
      endedOn: row.completed_on,
      signOffs: signoffs.map((s) => ({ goalId: s.goal_id, signedBy: s.signed_by, signedOn: isoDay(s.signed_at), note: s.note })),
      override: null,
    }],
  };
}

/** Domain refusals as API errors: a bad goal id is the caller's input; the rest conflict with the state. */
function unwrap<T>(result: PackageResult<T>, field: string): T {
  if (result.ok) return result.value;
  const { code, message } = result.error;
  const asField: PackageErrorCode[] = ['unknown_goal', 'empty_reason', 'missing_signer', 'invalid_date'];
  if (asField.includes(code)) throw new DomainError('invalid', 'Invalid body', [{ field, message }]);
  throw new DomainError('conflict', message, undefined, { reason: code });
}

export async function createPackage(tx: Tx, trail: AuditTrail, actor: MunicipalActor, template: IndustryPackage, body: NewPackage): Promise<PackageRow> {
  const row = await tx
    .insertInto('packages')
    .values({
      municipality_code: actor.municipalityCode,
      db07: template.industry.db07,
      template_id: template.id,
      template_version: template.version,
      name: body.name ?? template.title.da,
      title: JSON.stringify(template.title),
      industry: JSON.stringify(template.industry),
      modules: JSON.stringify(template.modules),
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  trail.record('package.create', 'package', row.id, { templateId: template.id, templateVersion: template.version });
  return row;
}

export async function enrolCitizen(tx: Tx, trail: AuditTrail, actor: MunicipalActor, packageId: string, citizenId: string, today: string): Promise<LoadedEnrolment> {
  const pkgRow = await tx.selectFrom('packages').selectAll().where('id', '=', packageId).executeTakeFirst();
  if (!pkgRow) throw new DomainError('not_found', 'No such package');
  const citizen = await tx.selectFrom('citizens').select(['id', 'municipality_code']).where('id', '=', citizenId).executeTakeFirst();
  if (!citizen) throw new DomainError('not_found', 'No such citizen');
  const existing = await tx.selectFrom('package_enrolments').select('id')
    .where('package_id', '=', pkgRow.id).where('citizen_id', '=', citizen.id).executeTakeFirst();
  if (existing) throw new DomainError('conflict', 'The citizen is already enrolled in this package');
  const pkg = packageOf(pkgRow);
  const enrolment = unwrap(enrol(pkg, citizen.id, today), 'citizenId');
  const row = await conflictOnUnique('The citizen is already enrolled in this package', () => tx
    .insertInto('package_enrolments')
    .values({
      package_id: pkgRow.id,
      citizen_id: citizen.id,
      municipality_code: citizen.municipality_code,
      current_module_index: 0,
      started_on: enrolment.enrolledOn,
      module_started_on: enrolment.enrolledOn,
      completed_on: null,
      status: 'active',
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow());
  await tx.insertInto('enrolment_modules').values({
    enrolment_id: row.id,
    municipality_code: row.municipality_code,
    module_index: 0,
    module_id: pkg.modules[0]?.id ?? '',
    started_on: enrolment.enrolledOn,
    ended_on: null,
    advanced_by: null,
    via_override: false,
  }).execute();
  trail.record('enrolment.create', 'enrolment', row.id, { packageId: pkgRow.id, citizenId: citizen.id });
  return { row, pkg, enrolment };
}

export async function signOff(tx: Tx, trail: AuditTrail, actor: MunicipalActor, enrolmentId: string, body: SignOffInput, now: Date): Promise<LoadedEnrolment> {
  const loaded = await loadEnrolment(tx, enrolmentId, true);
  if (!loaded) throw new DomainError('not_found', 'No such enrolment');
  const note = body.note ?? '';
  const next = unwrap(signOffGoal(loaded.pkg, loaded.enrolment, { goalId: body.goalId, signedBy: actor.userId, signedOn: isoDay(now), note }), 'goalId');
  await tx
    .insertInto('goal_signoffs')
    .values({
      enrolment_id: loaded.row.id,
      municipality_code: loaded.row.municipality_code,
      module_index: loaded.row.current_module_index,
      goal_id: body.goalId,
      signed_by: actor.userId,
      signed_at: now,
      note,
    })
    .execute();
  trail.record('enrolment.signoff', 'enrolment', loaded.row.id, { moduleIndex: loaded.row.current_module_index, goalId: body.goalId });
  return { ...loaded, enrolment: next };
}

export async function advanceEnrolment(
  tx: Tx, trail: AuditTrail, actor: MunicipalActor, enrolmentId: string, override: { reason: string } | undefined, now: Date,
): Promise<LoadedEnrolment> {
  const loaded = await loadEnrolment(tx, enrolmentId, true);
  if (!loaded) throw new DomainError('not_found', 'No such enrolment');
  const today = isoDay(now);
  const g = gate(loaded.pkg, loaded.enrolment);
  const unmetGoalIds = g.unmetGoals.map((x) => x.id);
  if (g.currentModule !== null && g.blocked && override === undefined) {
    throw new DomainError('gate_blocked', `Unmet goals in module ${g.currentModule.id}: ${unmetGoalIds.join(', ')}`, undefined, { unmetGoalIds });
  }
  const decision = override === undefined ? null : unwrap(makeOverride({ reason: override.reason, decidedBy: actor.userId, decidedOn: today, unmetGoalIds }), 'override.reason');
  const next = unwrap(advance(loaded.pkg, loaded.enrolment, today, decision), 'override');
  const fromIndex = loaded.row.current_module_index;
  const completed = next.completedOn !== null;
  const row = await tx
    .updateTable('package_enrolments')
    .set(completed
      ? { status: 'completed', completed_on: next.completedOn }
      : { current_module_index: fromIndex + 1, module_started_on: today })
    .where('id', '=', loaded.row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Module history: the module left ends today (or on completion); the next one starts today.
  await tx.updateTable('enrolment_modules')
    .set({ ended_on: next.completedOn ?? today, advanced_by: actor.userId, via_override: decision !== null })
    .where('enrolment_id', '=', row.id).where('module_index', '=', fromIndex)
    .execute();
  if (!completed) {
    await tx.insertInto('enrolment_modules').values({
      enrolment_id: row.id,
      municipality_code: row.municipality_code,
      module_index: fromIndex + 1,
      module_id: loaded.pkg.modules[fromIndex + 1]?.id ?? '',
      started_on: today,
      ended_on: null,
      advanced_by: null,
      via_override: false,
    }).execute();
  }
  if (decision !== null) {
    await tx
      .insertInto('gate_overrides')
      .values({
        enrolment_id: row.id,
        municipality_code: row.municipality_code,
        module_index: fromIndex,
        reason: decision.reason,
        decided_by: actor.userId,
        decided_at: now,
        unmet_goal_ids: JSON.stringify(decision.unmetGoalIds),
      })
      .execute();
    trail.record('enrolment.override', 'enrolment', row.id, { moduleIndex: fromIndex, unmetGoalIds: decision.unmetGoalIds });
  }
  trail.record('enrolment.advance', 'enrolment', row.id, { fromModuleIndex: fromIndex, completed, override: decision !== null });
  return { row, pkg: loaded.pkg, enrolment: enrolmentOf(row, loaded.pkg, []) };
}
