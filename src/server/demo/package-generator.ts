// Demo industry packages: in 607 four packages from Vejle's templates, in 727 one, with citizens
// at every stage — in the introduction course, in a company placement, waiting at an open gate
// (all goals signed off days ago, not advanced), blocked (goals unmet, long in the module),
// moved on through an override (with a reason), and completed (preferably citizens whose demo
// outcome is ordinary employment). Deterministic with the seed and `today`.
//
// The plan (which module, how long, which goals signed off when) is pure; it is carried out
// through the same commands as the API (commands/package-gatekeeper.ts) with backdated dates, so
// the domain rules of src/domain/packages decide every step and each step is audited as usual.
import type { Database } from '../platform/db/database.ts';
import { audited } from './audited.ts';
import { withTenant, type Tx } from '../platform/db/tenant.ts';
import { addDays, daysBetween } from '../../domain/dates.ts';
import type { IndustryPackage } from '../../domain/packages/index.ts';
import { advanceEnrolment, createPackage, enrolCitizen, signOff } from '../packages/index.ts';
import { loadPackageTemplates } from '../packages/index.ts';
import type { Rng } from './prng.ts';

export type DemoStage = 'intro' | 'placement' | 'waiting' | 'blocked' | 'override' | 'completed';
/** Assignment order: with few citizens every stage still occurs once before any repeats. */
export const STAGE_ORDER: readonly DemoStage[] = ['waiting', 'intro', 'completed', 'blocked', 'override', 'placement'];

/** One module of a planned enrolment: its length, how many goals are signed off, how it ends. */
export interface PlannedModule {
  days: number;
  /** Goals signed off, from the first; `all` = every goal of the module. */
  signed: number | 'all';
  /** How the module ends: normal advance, override (reason), or null = still current. */
  end: { override: string | null } | null;
  /** For a current module with every goal signed off: days since the last sign-off. */
  waitedDays?: number;
}

export interface EnrolmentPlan {
  stage: DemoStage;
  modules: PlannedModule[];
  /** Days from the last module's end to today (completed enrolments). */
  sinceEnd: number;
}

const OVERRIDE_REASONS = [
  'Praktikvirksomheden kan tage borgeren nu; de resterende mål følges op i praktikken.',
  'Borgeren har fået tilbud om løntilskud i branchen; målene vurderes i næste modul.',
  'Sygdom i perioden; virksomhedens kontaktperson bekræfter, at borgeren er klar.',
];
const NOTES = ['', '', '', 'Mødt stabilt op alle dage.', 'Bekræftet af virksomhedens kontaktperson.', 'Drøftet på opfølgningssamtalen.', 'Vurderet sammen med mentor.'];

const done = (days: number): PlannedModule => ({ days, signed: 'all', end: { override: null } });

/** The modules of an enrolment at `stage` (pure). */
export function planEnrolment(rng: Rng, stage: DemoStage): EnrolmentPlan {
  const intro = (): PlannedModule => done(rng.int(21, 42));
  const trial = (): PlannedModule => done(rng.int(14, 28));
  const placement = (): PlannedModule => done(rng.int(42, 70));
  switch (stage) {
    case 'intro':
      return { stage, modules: [{ days: rng.int(3, 20), signed: rng.int(0, 2), end: null }], sinceEnd: 0 };
    case 'placement':
      return { stage, modules: [intro(), trial(), { days: rng.int(5, 50), signed: rng.int(0, 2), end: null }], sinceEnd: 0 };
    case 'waiting': {
      const waitedDays = rng.pick([2, 5, 9, 16, 23, 31]);
      const current: PlannedModule = { days: waitedDays + rng.int(14, 40), signed: 'all', end: null, waitedDays };
      return { stage, modules: rng.chance(0.5) ? [intro(), current] : [intro(), trial(), current], sinceEnd: 0 };
    }
    case 'blocked':
      return { stage, modules: [intro(), trial(), { days: rng.int(75, 110), signed: rng.int(1, 2), end: null }], sinceEnd: 0 };
    case 'override':
      return {
        stage,
        modules: [intro(), { days: rng.int(10, 21), signed: 1, end: { override: rng.pick(OVERRIDE_REASONS) } }, { days: rng.int(7, 35), signed: rng.int(0, 1), end: null }],
        sinceEnd: 0,
      };
    case 'completed':
      return { stage, modules: [intro(), trial(), placement(), placement(), placement()], sinceEnd: rng.int(5, 45) };
  }
}

/** Days from enrolment to today. */
export const planSpan = (plan: EnrolmentPlan): number => plan.modules.reduce((s, m) => s + m.days, 0) + plan.sinceEnd;

/** The plan shortened to fit into `available` days (a citizen taken over recently). */
export function fitPlan(plan: EnrolmentPlan, available: number): EnrolmentPlan {
  const span = planSpan(plan);
  if (span <= available) return plan;
  const factor = available / span;
  return {
    ...plan,
    sinceEnd: Math.floor(plan.sinceEnd * factor),
    modules: plan.modules.map((m) => {
      const days = Math.max(1, Math.floor(m.days * factor));
      return m.waitedDays === undefined ? { ...m, days } : { ...m, days, waitedDays: Math.min(m.waitedDays, days - 1) };
    }),
  };
}

interface DemoActors {
  caseworker: string;
  consultant: string;
}

const at = (day: string): Date => new Date(`${day}T10:00:00Z`);

/** Carry out a plan through the gatekeeper, starting `today - span`. */
async function carryOut(tx: Tx, rng: Rng, code: string, actors: DemoActors, pkg: IndustryPackage, citizenId: string, plan: EnrolmentPlan, today: string): Promise<void> {
  const actor = (userId: string) => ({ userId, role: userId === actors.caseworker ? 'caseworker' : 'company_consultant', municipalityCode: code });
  const caseworker = actor(actors.caseworker);
  let start = addDays(today, -planSpan(plan));
  const { row } = await audited(tx, caseworker, (trail) => enrolCitizen(tx, trail, caseworker, pkg.id, citizenId, start));
  for (const [index, planned] of plan.modules.entries()) {
    const module = pkg.modules[index];
    if (!module) break;
    const end = addDays(start, planned.days);
    const count = planned.signed === 'all' ? module.goals.length : Math.min(planned.signed, module.goals.length - (planned.end === null ? 1 : 0));
    // Sign-offs spread over the module; for a waiting citizen the last one `waitedDays` ago.
    const lastDay = planned.waitedDays !== undefined ? addDays(today, -planned.waitedDays) : planned.end === null ? today : end;
    const span = Math.max(0, daysBetween(start, lastDay));
    for (let g = 0; g < count; g += 1) {
      const goal = module.goals[g];
      if (!goal) break;
      const day = addDays(start, count === 1 ? span : Math.round((span * (g + 1)) / count));
      const signer = index >= 1 && rng.chance(0.5) ? actor(actors.consultant) : caseworker;
      const note = rng.pick(NOTES);
      await audited(tx, signer, (trail) => signOff(tx, trail, signer, row.id, note ? { goalId: goal.id, note } : { goalId: goal.id }, at(day)));
    }
    if (planned.end === null) break;
    const override = planned.end.override === null ? undefined : { reason: planned.end.override };
    await audited(tx, caseworker, (trail) => advanceEnrolment(tx, trail, caseworker, row.id, override, at(end)));
    start = end;
  }
}

export interface DemoPackagesResult {
  packages: number;
  enrolments: number;
}

const PLAN: Record<string, { templates: readonly string[]; share: number; max: number }> = {
  '607': { templates: ['vejle-retail-assistant', 'vejle-cleaning', 'vejle-warehouse', 'vejle-care'], share: 0.14, max: 30 },
  '727': { templates: ['vejle-kitchen-service'], share: 0.06, max: 5 },
};

const DEMO_ACTORS: Record<string, { caseworker: string; consultant: string }> = {
  '607': { caseworker: 'caseworker@607', consultant: 'company@607' },
  '727': { caseworker: 'caseworker@727', consultant: 'caseworker@727' },
};

/** Create the demo packages and enrolments of 607 and 727 (after the citizens and outcomes). */
export async function seedPackages(db: Database, rng: Rng, today: string): Promise<DemoPackagesResult> {
  const templates = loadPackageTemplates();
  let packages = 0;
  let enrolments = 0;
  for (const [code, plan] of Object.entries(PLAN)) {
    const names = DEMO_ACTORS[code] ?? { caseworker: '', consultant: '' };
    const users = await db.kysely.selectFrom('users').select(['id', 'username']).where('username', 'in', [names.caseworker, names.consultant]).execute();
    const idOf = (username: string): string => users.find((u) => u.username === username)?.id ?? '';
    const actors = { caseworker: idOf(names.caseworker), consultant: idOf(names.consultant) };
    if (!actors.caseworker) continue;
    const result = await withTenant(db, { municipalityCode: code, userId: actors.caseworker, role: 'caseworker' }, async (tx) => {
      const citizens = await tx.selectFrom('citizens').select(['id', 'takeover_date'])
        .orderBy('takeover_date').orderBy('name').orderBy('cpr_hash').execute();
      const employed = new Set((await tx.selectFrom('outcomes').select('citizen_id').where('kind', '=', 'employment').execute()).map((o) => o.citizen_id));
      const count = Math.min(plan.max, Math.max(Math.min(6, citizens.length - 2), Math.round(citizens.length * plan.share)));
      if (count <= 0) return { packages: 0, enrolments: 0 };
      const pkgs: IndustryPackage[] = [];
      for (const templateId of plan.templates) {
        const template = templates.byId(templateId);
        if (!template) throw new Error(`Demo package template ${templateId} is missing`);
        const creator = { userId: actors.caseworker, role: 'caseworker', municipalityCode: code };
        const row = await audited(tx, creator, (trail) => createPackage(tx, trail, creator, template, { templateId }));
        pkgs.push({ ...template, id: row.id, municipalityCode: code });
      }
      const free = [...citizens];
      let made = 0;
      for (let i = 0; i < count && free.length > 0; i += 1) {
        const stage = STAGE_ORDER[i % STAGE_ORDER.length] ?? 'intro';
        const wanted = planEnrolment(rng, stage);
        // Long paths go to citizens taken over long enough ago; completed ones preferably to the employed.
        const fits = (c: { takeover_date: string }) => daysBetween(c.takeover_date, today) >= planSpan(wanted) + 7;
        let pickAt = stage === 'completed' ? free.findIndex((c) => employed.has(c.id) && fits(c)) : -1;
        if (pickAt < 0) pickAt = free.findIndex(fits);
        if (pickAt < 0) pickAt = 0; // the longest-standing citizen left; the plan is shortened to fit
        const [citizen] = free.splice(pickAt, 1);
        if (!citizen) break;
        const available = Math.max(0, daysBetween(citizen.takeover_date, today) - 7);
        const pkg = pkgs[i % pkgs.length];
        if (!pkg || available < wanted.modules.length) continue;
        await carryOut(tx, rng, code, actors, pkg, citizen.id, fitPlan(wanted, available), today);
        made += 1;
      }
      return { packages: pkgs.length, enrolments: made };
    });
    packages += result.packages;
    enrolments += result.enrolments;
  }
  return { packages, enrolments };
}
