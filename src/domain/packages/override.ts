/** An override lets a citizen start the next module with unmet goals; it must say why. */
import { isIsoDate, type IsoDate } from '../deadlines/date-math.ts';
import type { OverrideDecision, PackageResult } from './types.ts';

/**
 * @returns an override decision, or an error when the reason is empty/blank, the decider is
 *   missing or the date is not a calendar date.
 */
export function makeOverride(input: {
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedOn: IsoDate;
  readonly unmetGoalIds: readonly string[];
}): PackageResult<OverrideDecision> {
  const reason = input.reason.trim();
  if (reason.length === 0) return { ok: false, error: { code: 'empty_reason', message: 'an override needs a reason' } };
  if (input.decidedBy.trim().length === 0) return { ok: false, error: { code: 'missing_signer', message: 'an override needs the deciding user' } };
  if (!isIsoDate(input.decidedOn)) return { ok: false, error: { code: 'invalid_date', message: `not a calendar date: ${input.decidedOn}` } };
  return { ok: true, value: { reason, decidedBy: input.decidedBy, decidedOn: input.decidedOn, unmetGoalIds: [...input.unmetGoalIds] } };
}
