// The caseload's next deadlines from their stored form (issue 13 item 1, decision 035, migration
// 024): one query reads every citizen's epoch with their stored row; only the rows that are
// missing, of an older epoch or policy set, or not valid for today are computed again — by the
// pure rules, as nextDeadlines always did (loadCases for just those citizens, their exit outcomes)
// — and written back; every other citizen's deadline is read back for today by date arithmetic
// (src/domain/deadlines/stored-next.ts). On a quiet day that is one query and no rule evaluation.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../platform/db/tenant.ts';
import type { PolicyStore } from './policy-store.ts';
import { holdsOn, nextAsOf, storeNext, type StoredNext } from '../../domain/deadlines/stored-next.ts';
import type { NextDeadline } from '../../domain/deadlines/index.ts';
import { EXIT_OUTCOME_KINDS } from '../../domain/outcomes.ts';
import { loadCases } from './case-queries.ts';

const keys = new WeakMap<PolicyStore, string>();

/** A fingerprint of the policy set: rows stored under other policies are recomputed. */
export function policyKey(policies: PolicyStore): string {
  let key = keys.get(policies);
  if (key === undefined) {
    key = createHash('sha256').update(JSON.stringify(policies.policies)).digest('hex').slice(0, 32);
    keys.set(policies, key);
  }
  return key;
}

interface StateRow {
  id: string;
  municipality_code: string;
  deadline_epoch: number;
  epoch: number | null;
  policy_key: string | null;
  computed_for: string | null;
  valid_until: string | null;
  stored: unknown;
}

function parseStored(row: StateRow): StoredNext | null {
  if (row.computed_for === null || row.stored === null || typeof row.stored !== 'object') return null;
  const s = row.stored as { dueSoonDays?: unknown; next?: unknown };
  if (typeof s.dueSoonDays !== 'number') return null;
  return { computedFor: row.computed_for, validUntil: row.valid_until, dueSoonDays: s.dueSoonDays, next: (s.next ?? null) as NextDeadline | null };
}

export interface StoredDeadlines {
  next: Map<string, NextDeadline | null>;
  /** How many citizens' rules were evaluated for this read (the rest were read back). */
  recomputed: number;
  /** Citizens whose case could not be evaluated (their deadline is shown as none; the caller logs them). */
  failed: string[];
}

export async function storedNextDeadlines(tx: Tx, policies: PolicyStore, today: string): Promise<StoredDeadlines> {
  const key = policyKey(policies);
  const rows = (
    await sql<StateRow>`
      SELECT c.id, c.municipality_code, c.deadline_epoch, s.epoch, s.policy_key, s.computed_for, s.valid_until, s.stored
      FROM citizens c LEFT JOIN citizen_deadline_state s ON s.citizen_id = c.id`.execute(tx)
  ).rows;
  const next = new Map<string, NextDeadline | null>();
  const stale: StateRow[] = [];
  for (const row of rows) {
    const stored = row.epoch === row.deadline_epoch && row.policy_key === key ? parseStored(row) : null;
    if (stored && holdsOn(stored, today)) next.set(row.id, nextAsOf(stored, today));
    else stale.push(row);
  }
  const failed: string[] = [];
  if (stale.length > 0) {
    const ids = stale.map((r) => r.id).sort();
    const cases = await loadCases(tx, ids);
    const exits = new Map<string, string[]>();
    for (const o of await tx.selectFrom('outcomes').select(['citizen_id', 'date']).where('kind', 'in', EXIT_OUTCOME_KINDS).where('citizen_id', 'in', ids).execute()) {
      const list = exits.get(o.citizen_id);
      if (list) list.push(o.date);
      else exits.set(o.citizen_id, [o.date]);
    }
    const byId = new Map(stale.map((r) => [r.id, r]));
    const writes: { citizen_id: string; municipality_code: string; epoch: number; policy_key: string; computed_for: string; valid_until: string | null; stored: string }[] = [];
    for (const c of cases) {
      const row = byId.get(c.citizenId);
      if (!row) continue;
      let stored: StoredNext;
      try {
        stored = storeNext(c, policies.forDate(c.takeoverDate), exits.get(c.citizenId) ?? [], today);
      } catch {
        // One citizen's unreadable case must not take the caseload down: no deadline shown, reported to the caller.
        failed.push(c.citizenId);
        next.set(c.citizenId, null);
        continue;
      }
      next.set(c.citizenId, stored.next);
      writes.push({
        citizen_id: c.citizenId,
        municipality_code: row.municipality_code,
        epoch: row.deadline_epoch,
        policy_key: key,
        computed_for: today,
        valid_until: stored.validUntil,
        stored: JSON.stringify({ dueSoonDays: stored.dueSoonDays, next: stored.next }),
      });
    }
    for (let i = 0; i < writes.length; i += 1000) {
      await tx
        .insertInto('citizen_deadline_state')
        .values(writes.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.column('citizen_id').doUpdateSet((eb) => ({
            epoch: eb.ref('excluded.epoch'),
            policy_key: eb.ref('excluded.policy_key'),
            computed_for: eb.ref('excluded.computed_for'),
            valid_until: eb.ref('excluded.valid_until'),
            stored: eb.ref('excluded.stored'),
          })).where((eb) => eb('citizen_deadline_state.epoch', '<=', eb.ref('excluded.epoch'))),
        )
        .execute();
    }
  }
  return { next, recomputed: stale.length, failed };
}
