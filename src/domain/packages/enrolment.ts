/**
 * Enrolment in an industry package: enrolling starts module 1, goals are signed off one by one,
 * and `advance` moves to the next module only through the gate (or with an override).
 * All functions are pure: they return a new enrolment and never mutate their input.
 */
import { isIsoDate, toDayNumber, type IsoDate } from '../deadlines/date-math.ts';
import { gate } from './gate.ts';
import type { Enrolment, GoalSignOff, IndustryPackage, ModuleProgress, OverrideDecision, PackageResult } from './types.ts';

const fail = <T>(code: Extract<PackageResult<T>, { ok: false }>['error']['code'], message: string): PackageResult<T> => ({
  ok: false, error: { code, message },
});

function replaceLast(enrolment: Enrolment, progress: ModuleProgress): ModuleProgress[] {
  return [...enrolment.progress.slice(0, -1), progress];
}

/** Enrol a citizen: module 1 starts on `date`. */
export function enrol(pkg: IndustryPackage, citizenId: string, date: IsoDate): PackageResult<Enrolment> {
  const first = pkg.modules[0];
  if (first === undefined) return fail('empty_package', `package ${pkg.id} has no modules`);
  if (!isIsoDate(date)) return fail('invalid_date', `not a calendar date: ${date}`);
  return {
    ok: true,
    value: {
      packageId: pkg.id, citizenId, enrolledOn: date, completedOn: null,
      progress: [{ moduleId: first.id, startedOn: date, endedOn: null, signOffs: [], override: null }],
    },
  };
}

/** Sign off one goal of the current module (who, when, note). */
export function signOffGoal(pkg: IndustryPackage, enrolment: Enrolment, signOff: GoalSignOff): PackageResult<Enrolment> {
  if (enrolment.packageId !== pkg.id) return fail('wrong_package', `enrolment is in ${enrolment.packageId}, not ${pkg.id}`);
  const g = gate(pkg, enrolment);
  const progress = enrolment.progress[enrolment.progress.length - 1];
  if (g.currentModule === null || progress === undefined) return fail('already_completed', 'the package is completed');
  if (!g.currentModule.goals.some((x) => x.id === signOff.goalId)) {
    return fail('unknown_goal', `goal ${signOff.goalId} is not a goal of module ${g.currentModule.id}`);
  }
  if (progress.signOffs.some((s) => s.goalId === signOff.goalId)) return fail('already_signed_off', `goal ${signOff.goalId} is already signed off`);
  if (signOff.signedBy.trim().length === 0) return fail('missing_signer', 'a sign-off needs the signing user');
  if (!isIsoDate(signOff.signedOn)) return fail('invalid_date', `not a calendar date: ${signOff.signedOn}`);
  if (toDayNumber(signOff.signedOn) < toDayNumber(progress.startedOn)) {
    return fail('date_before_module_start', `sign-off ${signOff.signedOn} is before the module started (${progress.startedOn})`);
  }
  return { ok: true, value: { ...enrolment, progress: replaceLast(enrolment, { ...progress, signOffs: [...progress.signOffs, signOff] }) } };
}

/**
 * Leave the current module on `date`: start the next one, or complete the package after the last.
 * Blocked while goals are unmet unless an override (see `makeOverride`) is given; an override
 * when nothing is unmet is refused, so overrides in the record always mean something.
 */
export function advance(
  pkg: IndustryPackage, enrolment: Enrolment, date: IsoDate, override: OverrideDecision | null = null,
): PackageResult<Enrolment> {
  if (enrolment.packageId !== pkg.id) return fail('wrong_package', `enrolment is in ${enrolment.packageId}, not ${pkg.id}`);
  const g = gate(pkg, enrolment);
  const progress = enrolment.progress[enrolment.progress.length - 1];
  if (g.currentModule === null || progress === undefined) return fail('already_completed', 'the package is completed');
  if (!isIsoDate(date)) return fail('invalid_date', `not a calendar date: ${date}`);
  if (toDayNumber(date) < toDayNumber(progress.startedOn)) return fail('date_before_module_start', `${date} is before the module started (${progress.startedOn})`);
  if (g.blocked && override === null) {
    return fail('blocked', `unmet goals in ${g.currentModule.id}: ${g.unmetGoals.map((x) => x.id).join(', ')}`);
  }
  if (!g.blocked && override !== null) return fail('override_not_needed', 'all goals are met; no override is needed');
  if (override !== null && override.reason.trim().length === 0) return fail('empty_reason', 'an override needs a reason');
  const recorded = override === null ? null : { ...override, unmetGoalIds: g.unmetGoals.map((x) => x.id) };
  const ended: ModuleProgress = { ...progress, endedOn: date, override: recorded };
  if (g.isLastModule) return { ok: true, value: { ...enrolment, completedOn: date, progress: replaceLast(enrolment, ended) } };
  const index = pkg.modules.findIndex((m) => m.id === g.currentModule?.id);
  const next = pkg.modules[index + 1];
  if (next === undefined) return fail('already_completed', 'no next module');
  const started: ModuleProgress = { moduleId: next.id, startedOn: date, endedOn: null, signOffs: [], override: null };
  return { ok: true, value: { ...enrolment, progress: [...replaceLast(enrolment, ended), started] } };
}
