/**
 * Demand per industry: companies' open labour needs (placement, job and IGU slots) in a period,
 * next to the citizens in the industry packages of the same industry. Pure: the server loads
 * the rows, this groups and counts them.
 *
 * A need belongs to the row of the most specific package industry that covers its DB07 code
 * (a package for section `Q` takes needs in `87` and `88`; one for `52.10` takes `52.10`), or,
 * when no package covers it, to the row of the most specific reference industry that covers it
 * (`10.71` → `10`), or else to a row of its own code. Packages with the same code share a row.
 * A need counts in the period [from, to] when its own period overlaps it and it was not closed
 * on or before `from`. Citizens are counted as they stand now (not per period): active
 * enrolments per current module, those of them waiting at an open gate (every goal of the
 * current module signed off, not yet advanced), and completed enrolments.
 */
import { addDays, addMonths } from '../dates.ts';
import { compareDb07, db07Covers, db07Depth, db07Name, db07Section, type Db07Reference } from './db07.ts';
import type { LocalName } from '../content-names.ts';

export const LABOUR_NEED_KINDS = ['placement', 'job', 'igu'] as const;
export type LabourNeedKind = (typeof LABOUR_NEED_KINDS)[number];

export interface DemandNeed {
  readonly id: string;
  readonly companyId: string;
  readonly companyName: string;
  readonly db07: string;
  readonly kind: LabourNeedKind;
  readonly slots: number;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly closedOn: string | null;
}

export interface DemandPackage {
  readonly id: string;
  readonly name: string;
  /** The template's title (the package's name per UI language while `name` is the default). */
  readonly title?: LocalName;
  readonly db07: string;
  readonly modules: readonly { readonly title: LocalName; readonly goalIds: readonly string[] }[];
}

export interface DemandEnrolment {
  readonly packageId: string;
  readonly status: 'active' | 'completed';
  readonly moduleIndex: number;
  /** Goals signed off in the current module. */
  readonly signedGoalIds: readonly string[];
}

export interface SlotCounts {
  placement: number;
  job: number;
  igu: number;
  total: number;
}

export interface CitizenCounts {
  active: number;
  waitingAtGate: number;
  completed: number;
}

export interface PackageDemand extends CitizenCounts {
  readonly id: string;
  readonly name: string;
  readonly title: LocalName;
  readonly db07: string;
  readonly modules: { index: number; title: LocalName; active: number; waitingAtGate: number }[];
}

export interface IndustryDemand {
  readonly db07: string;
  readonly section: string | null;
  readonly name: LocalName | null;
  readonly openSlots: SlotCounts;
  /** Companies with open needs in the row, by slots (most first), then name. */
  readonly companies: { id: string; name: string; slots: number }[];
  readonly packages: PackageDemand[];
  readonly citizens: CitizenCounts;
}

export interface DemandInput {
  readonly from: string;
  readonly to: string;
  readonly needs: readonly DemandNeed[];
  readonly packages: readonly DemandPackage[];
  readonly enrolments: readonly DemandEnrolment[];
  readonly reference: Db07Reference;
}

/** The default period: today and the next three months (today + 3 months − 1 day). */
export function defaultDemandPeriod(today: string): { from: string; to: string } {
  return { from: today, to: addDays(addMonths(today, 3), -1) };
}

/** A need counts in [from, to] when its period overlaps and it was not closed on or before `from`. */
export function needOpenIn(need: Pick<DemandNeed, 'periodFrom' | 'periodTo' | 'closedOn'>, from: string, to: string): boolean {
  return need.periodFrom <= to && need.periodTo >= from && (need.closedOn === null || need.closedOn > from);
}

function mostSpecificCover(code: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  for (const candidate of candidates) {
    if (db07Covers(candidate, code) && (best === null || db07Depth(candidate) > db07Depth(best))) best = candidate;
  }
  return best;
}

/**
 * The row a need's code belongs to: the most specific covering package code; else the most
 * specific reference industry covering it (`10.71` → `10`), so needs of one named industry share
 * a row; else the code itself.
 */
export function demandRowFor(code: string, packageCodes: readonly string[], referenceCodes: readonly string[] = []): string {
  return mostSpecificCover(code, packageCodes) ?? mostSpecificCover(code, referenceCodes) ?? code;
}

/** A package's citizens: active per current module, waiting at an open gate, completed. */
export function packageDemand(pkg: DemandPackage, enrolments: readonly DemandEnrolment[]): PackageDemand {
  const modules = pkg.modules.map((m, index) => ({ index, title: m.title, active: 0, waitingAtGate: 0 }));
  let active = 0;
  let waitingAtGate = 0;
  let completed = 0;
  for (const e of enrolments) {
    if (e.packageId !== pkg.id) continue;
    if (e.status === 'completed') {
      completed++;
      continue;
    }
    active++;
    const module = pkg.modules[e.moduleIndex];
    const row = modules[e.moduleIndex];
    if (!module || !row) continue;
    row.active++;
    const signed = new Set(e.signedGoalIds);
    if (module.goalIds.every((id) => signed.has(id))) {
      row.waitingAtGate++;
      waitingAtGate++;
    }
  }
  return { id: pkg.id, name: pkg.name, title: pkg.title ?? { da: pkg.name, en: pkg.name }, db07: pkg.db07, modules, active, waitingAtGate, completed };
}

export function demandByIndustry(input: DemandInput): IndustryDemand[] {
  const packageCodes = [...new Set(input.packages.map((p) => p.db07))];
  const referenceCodes = input.reference.industries.map((i) => i.code);
  const rows = new Map<string, { needs: DemandNeed[]; packages: DemandPackage[] }>();
  const rowOf = (code: string) => {
    let row = rows.get(code);
    if (!row) rows.set(code, (row = { needs: [], packages: [] }));
    return row;
  };
  for (const pkg of input.packages) rowOf(pkg.db07).packages.push(pkg);
  for (const need of input.needs) {
    if (needOpenIn(need, input.from, input.to)) rowOf(demandRowFor(need.db07, packageCodes, referenceCodes)).needs.push(need);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => compareDb07(a, b))
    .map(([code, row]) => {
      const openSlots: SlotCounts = { placement: 0, job: 0, igu: 0, total: 0 };
      const companies = new Map<string, { id: string; name: string; slots: number }>();
      for (const need of row.needs) {
        openSlots[need.kind] += need.slots;
        openSlots.total += need.slots;
        const company = companies.get(need.companyId) ?? { id: need.companyId, name: need.companyName, slots: 0 };
        company.slots += need.slots;
        companies.set(need.companyId, company);
      }
      const packages = row.packages.map((p) => packageDemand(p, input.enrolments)).sort((a, b) => a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id));
      const citizens: CitizenCounts = {
        active: packages.reduce((n, p) => n + p.active, 0),
        waitingAtGate: packages.reduce((n, p) => n + p.waitingAtGate, 0),
        completed: packages.reduce((n, p) => n + p.completed, 0),
      };
      return {
        db07: code,
        section: db07Section(code),
        name: db07Name(input.reference, code),
        openSlots,
        companies: [...companies.values()].sort((a, b) => b.slots - a.slots || a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id)),
        packages,
        citizens,
      };
    });
}
