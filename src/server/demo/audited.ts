// The demo seed calls the same commands the routes call, outside any request: each call's audit
// events are written as the acting user's rows in the seed's transaction, as the route wrapper
// would write them, so demo data has the audit trail real data has.
import type { Tx } from '../platform/db/tenant.ts';
import type { AuditActor } from '../platform/audit/audit-writer.ts';
import { createAuditTrail, writeTrail, type AuditTrail } from '../platform/audit/audit-trail.ts';

export async function audited<T>(tx: Tx, actor: AuditActor, command: (trail: AuditTrail) => Promise<T>): Promise<T> {
  const trail = createAuditTrail();
  const result = await command(trail);
  await writeTrail(tx, actor, trail);
  return result;
}
