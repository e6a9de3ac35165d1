// The next deadline of every citizen in the caller's municipality (the caseload's sort key):
// three queries for the whole caseload (citizens' takeover dates, all offers, all FIP round
// dates — loadCases) plus one for exit outcomes, then the pure rules of src/domain/deadlines.
import type { Tx } from '../platform/db/tenant.ts';
import type { PolicyStore } from './policy-store.ts';
import { evaluateDeadlines, nextDeadline, type NextDeadline } from '../../domain/deadlines/index.ts';
import { loadCases } from './case-queries.ts';
import { activeOf } from './timeliness.ts';


/**
 * citizen id → the next deadline as of `today` (null when the citizen has left the programme,
 * is not yet taken over, or has no pending obligation).
 */
export async function nextDeadlines(tx: Tx, policies: PolicyStore, today: string): Promise<Map<string, NextDeadline | null>> {
  const cases = await loadCases(tx);
  const active = new Set((await activeOf(tx, cases, today)).map((c) => c.citizenId));
  const out = new Map<string, NextDeadline | null>();
  for (const c of cases) {
    if (!active.has(c.citizenId)) {
      out.set(c.citizenId, null);
      continue;
    }
    const policy = policies.forDate(c.takeoverDate);
    out.set(c.citizenId, nextDeadline(evaluateDeadlines(c, policy, today), policy.dueSoonDays));
  }
  return out;
}
