/**
 * Pick the deadline policy in force on a date: the one with the latest `effectiveFrom` on or
 * before it. Callers pass the citizen's takeover date (see docs/deadline-rules.md §1).
 */
import { toDayNumber, type IsoDate } from './date-math.ts';
import type { DeadlinePolicy } from './policy.ts';

/**
 * @returns the policy in force on `date`, or `null` when every policy starts later.
 * @throws RangeError if two policies share an effective-from date (ambiguous) or a date is malformed.
 * @example selectPolicy([p2016, p2019], '2018-05-01') // p2016
 */
export function selectPolicy(policies: readonly DeadlinePolicy[], date: IsoDate): DeadlinePolicy | null {
  const day = toDayNumber(date);
  const seen = new Set<string>();
  let best: DeadlinePolicy | null = null;
  for (const p of policies) {
    if (seen.has(p.effectiveFrom)) throw new RangeError(`two policies take effect on ${p.effectiveFrom}`);
    seen.add(p.effectiveFrom);
    const from = toDayNumber(p.effectiveFrom);
    if (from <= day && (best === null || from > toDayNumber(best.effectiveFrom))) best = p;
  }
  return best;
}
