// Authorization as one typed vocabulary of pure predicates: can(actor, action, resource?).
// The server checks these before every command and sends the caller's abilities with the
// resource, so the web app never re-derives the rules.

export const ROLES = ['caseworker', 'company_consultant', 'manager', 'evaluator', 'national_admin', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'citizen.list',
  'citizen.view',
  'citizen.create',
  'round.start',
  'round.answer',
  'round.handover',
  'offer.view',
  'offer.create',
  'offer.update',
  'outcome.view',
  'outcome.create',
  'deadline.view',
  'company.view',
  'company.create',
  'company.needs',
  'package.view',
  'package.create',
  'package.enrol',
  'package.signoff',
  'package.advance',
  'evaluation.run',
  'evaluation.view',
  'citizen.access_log',
  'citizen.export',
  'audit.head',
  'national.view',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  role: Role;
  municipalityCode: string | null;
}

/** A resource that belongs to a municipality (a citizen, a round), or to none (a national evaluation run). */
export interface TenantResource {
  municipalityCode: string | null;
}

/** Which roles may perform each action (within their own municipality). */
const GRANTS: Record<Action, readonly Role[]> = {
  'citizen.list': ['caseworker', 'manager', 'company_consultant'],
  'citizen.view': ['caseworker', 'manager', 'company_consultant'],
  'citizen.create': ['caseworker'],
  'round.start': ['caseworker'],
  'round.answer': ['caseworker'],
  'round.handover': ['caseworker'],
  // Offers and outcomes: caseworkers and company consultants plan and record them; managers read.
  'offer.view': ['caseworker', 'company_consultant', 'manager'],
  'offer.create': ['caseworker', 'company_consultant'],
  'offer.update': ['caseworker', 'company_consultant'],
  'outcome.view': ['caseworker', 'company_consultant', 'manager'],
  'outcome.create': ['caseworker', 'company_consultant'],
  'deadline.view': ['caseworker', 'company_consultant', 'manager'],
  // Companies and industry packages: company consultants and caseworkers build and run them;
  // managers read.
  'company.view': ['caseworker', 'company_consultant', 'manager'],
  'company.create': ['caseworker', 'company_consultant'],
  // Labour needs and open slots: kept by the company consultants (DOMAIN.md §roles); others read them with company.view.
  'company.needs': ['company_consultant'],
  'package.view': ['caseworker', 'company_consultant', 'manager'],
  'package.create': ['caseworker', 'company_consultant'],
  'package.enrol': ['caseworker', 'company_consultant'],
  'package.signoff': ['caseworker', 'company_consultant'],
  'package.advance': ['caseworker', 'company_consultant'],
  // Evaluation runs hold pseudonymised register data only; never for caseworkers and the like.
  'evaluation.run': ['evaluator', 'admin'],
  'evaluation.view': ['evaluator', 'admin'],
  // Who looked at a citizen (the audit rows about them): the municipality's managers.
  'citizen.access_log': ['manager'],
  // The data-subject export (GDPR art. 15): everything held about one citizen, their access log included.
  'citizen.export': ['manager'],
  // The audit chain head and last checkpoint (hashes and ids only): the national administrator.
  'audit.head': ['admin'],
  // The national view: every municipality's indicators as suppressed aggregates (no personal data);
  // a manager sees their own municipality beside the country.
  'national.view': ['national_admin', 'manager'],
};

/** Actions that national users (no municipality) may perform too, on national resources. */
const NATIONAL: ReadonlySet<Action> = new Set<Action>(['evaluation.run', 'evaluation.view', 'audit.head', 'national.view']);

export function can(actor: Actor, action: Action, resource?: TenantResource): boolean {
  if (!GRANTS[action].includes(actor.role)) return false;
  if (actor.municipalityCode === null && !NATIONAL.has(action)) return false;
  if (resource && resource.municipalityCode !== actor.municipalityCode) return false;
  return true;
}

/** Every action the actor may perform on the resource, in vocabulary order. */
export function abilitiesFor(actor: Actor, resource?: TenantResource): Action[] {
  return ACTIONS.filter((action) => can(actor, action, resource));
}
