/** Shared input of the per-rule evaluators and the pending-state threshold. */
import type { Offer } from '../offers/offer-kinds.ts';
import type { Block } from './coverage.ts';
import type { RuleState } from './evaluation-types.ts';
import type { DeadlinePolicy } from './policy.ts';

export interface RuleContext {
  readonly policy: DeadlinePolicy;
  readonly asOfDay: number;
  readonly takeoverDay: number;
  /** Company-directed coverage (offers started on or before asOf; ends not clipped). */
  readonly blocks: readonly Block[];
  readonly offers: readonly Offer[];
  readonly fipRoundDays: readonly number[];
}

/** State of an obligation that is not yet overdue: `due` within `dueSoonDays` of its due date. */
export function pendingState(daysLeft: number, dueSoonDays: number): RuleState {
  return daysLeft <= dueSoonDays ? 'due' : 'ok';
}

/** Largest `daysOver` of the breaches, or null when there are none. */
export function worstDaysOver(breaches: ReadonlyArray<{ readonly daysOver: number }>): number | null {
  return breaches.length === 0 ? null : Math.max(...breaches.map((b) => b.daysOver));
}
