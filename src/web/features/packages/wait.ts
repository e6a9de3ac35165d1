// Waiting at the gate on the package page: the order of its citizens and how a wait is shown.
import type { EnrolmentView } from '../../lib/types.ts';

/** Days at an open gate from which a wait counts as long (red) or getting long (yellow). */
export const LONG_WAIT_DAYS = 14;
export const SOME_WAIT_DAYS = 7;

export type WaitLevel = 'completed' | 'in_module' | 'short' | 'some' | 'long';

export function waitLevel(e: Pick<EnrolmentView, 'status' | 'daysWaitedAtGate'>): WaitLevel {
  if (e.status === 'completed') return 'completed';
  if (e.daysWaitedAtGate === null) return 'in_module';
  return e.daysWaitedAtGate >= LONG_WAIT_DAYS ? 'long' : e.daysWaitedAtGate >= SOME_WAIT_DAYS ? 'some' : 'short';
}

type Sortable = Pick<EnrolmentView, 'status' | 'daysWaitedAtGate' | 'daysInModule' | 'citizenName'>;

/** Longest wait at the gate first, then longest in the module; completed enrolments last. */
export function byLongestWait(a: Sortable, b: Sortable): number {
  const rank = (e: Sortable): number => (e.status === 'completed' ? 2 : e.daysWaitedAtGate === null ? 1 : 0);
  return rank(a) - rank(b)
    || (b.daysWaitedAtGate ?? -1) - (a.daysWaitedAtGate ?? -1)
    || (b.daysInModule ?? -1) - (a.daysInModule ?? -1)
    || a.citizenName.localeCompare(b.citizenName, 'da');
}
