/** The module gate: the next module may start only when every goal of the current one is signed off. */
import type { Enrolment, IndustryPackage, ModuleGoal, PackageModule } from './types.ts';

export interface GateResult {
  /** True when some goal of the current module is not signed off. */
  readonly blocked: boolean;
  readonly currentModule: PackageModule | null;
  readonly unmetGoals: readonly ModuleGoal[];
  /** True when the current module is the package's last (passing the gate completes the package). */
  readonly isLastModule: boolean;
}

/** Current module of an enrolment (null when the package is completed or the enrolment is empty). */
export function currentModule(pkg: IndustryPackage, enrolment: Enrolment): PackageModule | null {
  if (enrolment.completedOn !== null) return null;
  const last = enrolment.progress[enrolment.progress.length - 1];
  return last === undefined ? null : (pkg.modules.find((m) => m.id === last.moduleId) ?? null);
}

/** @example gate(pkg, enrolment) // { blocked: true, unmetGoals: [goal 2], ... } */
export function gate(pkg: IndustryPackage, enrolment: Enrolment): GateResult {
  const module = currentModule(pkg, enrolment);
  const progress = enrolment.progress[enrolment.progress.length - 1];
  if (module === null || progress === undefined) {
    return { blocked: false, currentModule: null, unmetGoals: [], isLastModule: false };
  }
  const signed = new Set(progress.signOffs.map((s) => s.goalId));
  const unmetGoals = module.goals.filter((g) => !signed.has(g.id));
  const isLastModule = pkg.modules[pkg.modules.length - 1]?.id === module.id;
  return { blocked: unmetGoals.length > 0, currentModule: module, unmetGoals, isLastModule };
}
