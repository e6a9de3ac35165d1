// Append one audit row in the caller's transaction (so it commits or rolls back with the data).
// The database chains the rows (prev_hash, hash) and refuses UPDATE and DELETE.
import type { Tx } from '../db/tenant.ts';

export interface AuditActor {
  userId: string;
  role: string;
  municipalityCode: string | null;
}

export type AuditAction =
  | 'citizen.list'
  | 'citizen.view'
  | 'citizen.create'
  /** A manager read who looked at a citizen (GET /api/citizens/:id/access-log). */
  | 'citizen.access_log'
  | 'citizen.export'
  /** A citizen's responsible caseworker or company consultant set (detail: before and after, user ids). */
  | 'citizen.assign'
  /** A manager read the caseload per caseworker (counts only). */
  | 'caseload.overview'
  /** The administration of user accounts (decision 026); detail never holds a password. */
  | 'user.list'
  | 'user.create'
  | 'user.update'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.password_reset'
  /** A user created on their first sign-in through their municipality's IdP (decision 032; detail: provider, role). */
  | 'user.provision'
  /** A sign-in (detail: method — oidc — and provider). */
  | 'auth.login'
  | 'round.start'
  | 'round.answers'
  | 'round.handover'
  | 'round.takeback'
  | 'round.view'
  | 'offer.list'
  | 'offer.create'
  | 'offer.update'
  | 'outcome.list'
  | 'outcome.create'
  | 'deadline.view'
  | 'timeliness.read'
  | 'company.list'
  | 'company.view'
  | 'company.create'
  | 'need.list'
  | 'need.create'
  | 'need.update'
  | 'demand.view'
  | 'package.list'
  | 'package.view'
  | 'package.create'
  | 'package.templates'
  | 'enrolment.list'
  | 'enrolment.create'
  | 'enrolment.signoff'
  | 'enrolment.advance'
  | 'enrolment.override'
  | 'evaluation.create'
  | 'evaluation.list'
  | 'evaluation.view'
  | 'evaluation.resume'
  | 'evaluation.interrupted'
  /** The national view's aggregates were read (detail: the year). */
  | 'national.view'
  /** The FIP analytics' aggregates were read (detail: period, target group, round). */
  | 'fip_analytics.view'
  /** The employment model (decision 029): its page read; turned on or off; refitted (detail: version, n, events, CV AUC, status). */
  | 'employment_model.view'
  | 'employment_model.enable'
  | 'employment_model.disable'
  | 'employment_model.refit'
  /** A citizen's employment probability was read (detail: shown or why not, the model version). */
  | 'employment_probability.view'
  /** A pseudonymised export was made (decision 033; detail: the selection, the file, rows per dataset). */
  | 'export.create'
  /** A demo data set loaded in bulk (decision 034): one event per municipality naming what was loaded (counts, seed, date), one for the users. */
  | 'demo.load'
  /** A spoken question's clip recorded or replaced, reviewed, removed (decision 023; detail: the SHA-256s). */
  | 'audio.save'
  | 'audio.review'
  | 'audio.remove'
  /** A refused read or write of an id (403/404); detail names the action tried. */
  | 'access.denied';

export type AuditEntity = 'citizen' | 'round' | 'evaluation_run' | 'offer' | 'outcome' | 'municipality' | 'company' | 'labour_need' | 'package' | 'enrolment' | 'user' | 'instrument_audio';

export async function writeAudit(
  tx: Tx,
  actor: AuditActor,
  action: AuditAction,
  entity: AuditEntity,
  entityId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor_user_id: actor.userId,
      actor_role: actor.role,
      municipality_code: actor.municipalityCode,
      action,
      entity,
      entity_id: entityId,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/**
 * An audit row for a command-line job (no user): actor_role `system`, actor_user_id null, in the
 * municipality the transaction is set to (the audit policy requires the same municipality).
 */
export async function writeSystemAudit(
  tx: Tx,
  municipalityCode: string | null,
  action: AuditAction,
  entity: 'municipality' | 'evaluation_run',
  entityId: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({ actor_user_id: null, actor_role: 'system', municipality_code: municipalityCode, action, entity, entity_id: entityId, detail: JSON.stringify(detail) })
    .execute();
}
