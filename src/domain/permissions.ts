// Authorization as one typed vocabulary of pure predicates: can(actor, action, resource?).
// The server checks these before every command and sends the caller's abilities with the
// resource, so the web app never re-derives the rules.

// An interpreter (a municipality's own or a contracted one with an account) records the spoken
// questions and nothing else: no citizen, no round, no case (decision 023).
export const ROLES = ['caseworker', 'company_consultant', 'manager', 'evaluator', 'national_admin', 'admin', 'interpreter'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'citizen.list',
  'citizen.view',
  'citizen.create',
  'citizen.assign',
  'caseload.overview',
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
  'fip_analytics.view',
  'employment_model.manage',
  'employment_model.view',
  'export.create',
  'citizen.access_log',
  'citizen.export',
  'audit.head',
  'national.view',
  'user.admin',
  'instrument.listen',
  'instrument.audio',
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
  // The responsible caseworker and company consultant of a citizen (decision 026): caseworkers hand
  // citizens over to a colleague, managers distribute the caseload.
  'citizen.assign': ['caseworker', 'manager'],
  // The caseload per caseworker (counts, overdue now): the municipality's managers.
  'caseload.overview': ['manager'],
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
  // FIP group analytics: suppressed aggregates of the own municipality's answers and outcomes
  // (decision 025); not the national administrator, who has no municipality.
  'fip_analytics.view': ['manager', 'evaluator'],
  // The employment probability (decision 029): the municipality's managers turn it on and off and
  // refit it; caseworkers and managers see it on a citizen of their municipality while it is on.
  'employment_model.manage': ['manager'],
  'employment_model.view': ['caseworker', 'manager'],
  // Pseudonymised exports with codebooks (decision 033): the own municipality's citizens, FIP
  // answers, offers and outcomes; never the national roles, who have no municipality.
  'export.create': ['manager', 'evaluator'],
  // Who looked at a citizen (the audit rows about them): the municipality's managers.
  'citizen.access_log': ['manager'],
  // The data-subject export (GDPR art. 15): everything held about one citizen, their access log included.
  'citizen.export': ['manager'],
  // The audit chain head and last checkpoint (hashes and ids only): the national administrator.
  'audit.head': ['admin'],
  // The national view: every municipality's indicators as suppressed aggregates (no personal data);
  // a manager sees their own municipality beside the country.
  'national.view': ['national_admin', 'manager'],
  // Users and roles (decision 026): the national administrator for every municipality, a
  // municipality's manager for its own municipality's staff only (canAdministerUser below).
  'user.admin': ['admin', 'manager'],
  // The spoken questions (decision 023): the municipality's recorded clips of the instrument's texts.
  // Played by the citizen on a caseworker's handed-over session, and by those who record them.
  'instrument.listen': ['caseworker', 'manager', 'interpreter'],
  // Recorded, replaced, reviewed and removed by the municipality's managers and interpreters.
  'instrument.audio': ['manager', 'interpreter'],
};

/** Actions that national users (no municipality) may perform too, on national resources. */
const NATIONAL: ReadonlySet<Action> = new Set<Action>(['evaluation.run', 'evaluation.view', 'audit.head', 'national.view', 'user.admin']);

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

/** The roles held in a municipality (the others are national: no municipality). */
export const MUNICIPAL_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'national_admin' && r !== 'admin');

export function isMunicipalRole(role: Role): boolean {
  return MUNICIPAL_ROLES.includes(role);
}

/** A user account as the administration sees it: its role and municipality. */
export interface UserResource {
  role: Role;
  municipalityCode: string | null;
}

/**
 * Whether the actor may administer this user account (create it as such, change it, deactivate it,
 * reset its password): the national administrator any account; a manager only accounts of a
 * municipal role in their own municipality (never a national role, never another municipality's).
 */
export function canAdministerUser(actor: Actor, target: UserResource): boolean {
  if (!can(actor, 'user.admin')) return false;
  if (actor.role === 'admin') return true;
  return isMunicipalRole(target.role) && target.municipalityCode !== null && target.municipalityCode === actor.municipalityCode;
}

/** The roles the actor may give an account, in vocabulary order. */
export function rolesAssignableBy(actor: Actor): Role[] {
  if (!can(actor, 'user.admin')) return [];
  return actor.role === 'admin' ? [...ROLES] : [...MUNICIPAL_ROLES];
}
