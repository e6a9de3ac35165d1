// Read side of industry packages: enrolment rows → the API's EnrolmentView (citizen name, the
// current module's sign-offs with the signer's display name, days in module and at the gate,
// module history from enrolment_modules with override reasons) and package rows → summaries
// with counts of citizens active / waiting at a gate / completed. Reads run in the caller's
// withTenant transaction, so row-level security applies; the gate is the domain's gate().
import type { Tx } from '../platform/db/tenant.ts';
import { gate } from '../../domain/packages/index.ts';
import { toDayNumber } from '../../domain/deadlines/date-math.ts';
import type {
  EnrolmentModuleView, EnrolmentView, PackageCounts, PackageSummaryView, PackageView,
} from '../../contract/types.ts';
import { enrolmentOf, packageOf, type EnrolmentRow, type PackageRow } from './package-gatekeeper.ts';

export function presentPackageSummary(row: PackageRow, counts: PackageCounts): PackageSummaryView {
  const pkg = packageOf(row);
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    name: row.name,
    db07: row.db07,
    title: pkg.title,
    industry: pkg.industry,
    moduleCount: pkg.modules.length,
    createdAt: row.created_at.toISOString(),
    counts,
  };
}

export function presentPackage(row: PackageRow, counts: PackageCounts): PackageView {
  const pkg = packageOf(row);
  return {
    ...presentPackageSummary(row, counts),
    modules: pkg.modules.map((m) => ({ ...m, elements: [...m.elements], goals: m.goals.map((g) => ({ ...g })) })),
  };
}

const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The enrolments as of `today`, in the order given; packages are read when not passed. */
export async function readEnrolmentViews(
  tx: Tx, rows: readonly EnrolmentRow[], today: string, packages: readonly PackageRow[] = [],
): Promise<EnrolmentView[]> {
  if (rows.length === 0) return [];
  const enrolmentIds = rows.map((r) => r.id);
  const pkgById = new Map(packages.map((p) => [p.id, p]));
  const missing = [...new Set(rows.map((r) => r.package_id))].filter((id) => !pkgById.has(id));
  if (missing.length > 0) {
    for (const p of await tx.selectFrom('packages').selectAll().where('id', 'in', missing).execute()) pkgById.set(p.id, p);
  }
  const citizenIds = [...new Set(rows.map((r) => r.citizen_id))];
  // One connection per transaction: the reads run one after the other.
  const citizens = await tx.selectFrom('citizens').select(['id', 'name']).where('id', 'in', citizenIds).execute();
  const signoffs = await tx.selectFrom('goal_signoffs').selectAll().where('enrolment_id', 'in', enrolmentIds)
    .orderBy('signed_at').orderBy('goal_id').execute();
  const history = await tx.selectFrom('enrolment_modules').selectAll().where('enrolment_id', 'in', enrolmentIds).orderBy('module_index').execute();
  const overrides = await tx.selectFrom('gate_overrides').select(['enrolment_id', 'module_index', 'reason'])
    .where('enrolment_id', 'in', enrolmentIds).execute();
  const signerIds = [...new Set(signoffs.map((s) => s.signed_by))];
  const signers = signerIds.length === 0 ? [] : await tx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', signerIds).execute();
  const nameOfCitizen = new Map(citizens.map((c) => [c.id, c.name]));
  const nameOfUser = new Map(signers.map((u) => [u.id, u.display_name]));
  const reasonOf = new Map(overrides.map((o) => [`${o.enrolment_id}/${o.module_index}`, o.reason]));
  const days = (from: string): number => toDayNumber(today) - toDayNumber(from);

  return rows.map((row) => {
    const pkgRow = pkgById.get(row.package_id);
    if (!pkgRow) throw new Error(`Package ${row.package_id} of enrolment ${row.id} not found`);
    const pkg = packageOf(pkgRow);
    const current = signoffs.filter((s) => s.enrolment_id === row.id && s.module_index === row.current_module_index);
    const enrolment = enrolmentOf(row, pkg, current);
    const g = gate(pkg, enrolment);
    const module = g.currentModule;
    const gateOpenedOn = current.reduce((latest, s) => (isoDay(s.signed_at) > latest ? isoDay(s.signed_at) : latest), row.module_started_on);
    const moduleHistory: EnrolmentModuleView[] = history.filter((h) => h.enrolment_id === row.id).map((h) => {
      const m = pkg.modules[h.module_index];
      return {
        index: h.module_index,
        id: h.module_id || (m?.id ?? ''),
        title: m?.title ?? { da: h.module_id, en: h.module_id },
        startedOn: h.started_on,
        endedOn: h.ended_on,
        viaOverride: h.via_override,
        overrideReason: reasonOf.get(`${row.id}/${h.module_index}`) ?? null,
      };
    });
    return {
      id: row.id,
      packageId: row.package_id,
      citizenId: row.citizen_id,
      citizenName: nameOfCitizen.get(row.citizen_id) ?? '',
      status: row.status,
      startedOn: row.started_on,
      completedOn: row.completed_on,
      currentModule: module === null ? null : { index: row.current_module_index, id: module.id, title: module.title },
      moduleStartedOn: row.module_started_on,
      signedOffGoalIds: current.map((s) => s.goal_id),
      unmetGoalIds: g.unmetGoals.map((x) => x.id),
      signoffs: current.map((s) => ({ goalId: s.goal_id, signedBy: nameOfUser.get(s.signed_by) ?? '', signedOn: isoDay(s.signed_at), note: s.note })),
      daysInModule: module === null ? null : days(row.module_started_on),
      daysWaitedAtGate: module === null || g.blocked ? null : days(gateOpenedOn),
      moduleHistory,
    };
  });
}

/** Counts per package id: active (incl. waiting at a gate), waiting at a gate, completed. */
export async function readPackageCounts(tx: Tx, packages: readonly PackageRow[]): Promise<Map<string, PackageCounts>> {
  const counts = new Map<string, PackageCounts>(packages.map((p) => [p.id, { active: 0, waitingAtGate: 0, completed: 0 }]));
  if (packages.length === 0) return counts;
  const pkgById = new Map(packages.map((p) => [p.id, packageOf(p)]));
  const rows = await tx.selectFrom('package_enrolments').selectAll().where('package_id', 'in', packages.map((p) => p.id)).execute();
  const active = rows.filter((r) => r.status === 'active');
  const signoffs = active.length === 0 ? [] : await tx.selectFrom('goal_signoffs').selectAll()
    .where('enrolment_id', 'in', active.map((r) => r.id)).execute();
  for (const row of rows) {
    const c = counts.get(row.package_id);
    const pkg = pkgById.get(row.package_id);
    if (!c || !pkg) continue;
    if (row.status === 'completed') { c.completed += 1; continue; }
    c.active += 1;
    const current = signoffs.filter((s) => s.enrolment_id === row.id && s.module_index === row.current_module_index);
    if (!gate(pkg, enrolmentOf(row, pkg, current)).blocked) c.waitingAtGate += 1;
  }
  return counts;
}
