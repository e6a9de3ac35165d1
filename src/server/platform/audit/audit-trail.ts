// What a command did, as audit events it records while it works; the route wrapper
// (platform/http/route.ts) writes them in the request's transaction, in order, after the handler
// has returned and its response has been checked. A command therefore never writes an audit row
// itself, and a route whose declared audit action its command did not record fails (500, rolled
// back) instead of committing unaudited. Code outside a request (the demo seed) writes a trail
// with writeTrail the same way.
import type { Tx } from '../db/tenant.ts';
import { writeAudit, type AuditAction, type AuditActor, type AuditEntity } from './audit-writer.ts';

export interface AuditEvent {
  action: AuditAction;
  entity: AuditEntity;
  id: string | null;
  detail: Record<string, unknown>;
}

export interface AuditTrail {
  record(action: AuditAction, entity: AuditEntity, id: string | null, detail?: Record<string, unknown>): void;
  readonly events: readonly AuditEvent[];
}

export function createAuditTrail(): AuditTrail {
  const events: AuditEvent[] = [];
  return {
    record: (action, entity, id, detail = {}) => void events.push({ action, entity, id, detail }),
    events,
  };
}

/** Every event of the trail as an audit row of `actor`, in the order recorded. */
export async function writeTrail(tx: Tx, actor: AuditActor, trail: AuditTrail): Promise<void> {
  for (const e of trail.events) await writeAudit(tx, actor, e.action, e.entity, e.id, e.detail);
}
