/**
 * A citizen's next deadline as it can be stored (issue 13 item 1, decision 035): computed once with the pure rules as of a day, with
 * the first later day on which it may stop holding, and read back for any day in between by date
 * arithmetic alone — so a caseload page does not re-evaluate every citizen's rules.
 *
 * Between two dates on which the case itself changes (an offer starts, ends or is planned to end,
 * a school period starts or ends, a FIP round, the takeover, an exit outcome), the rules'
 * obligations stay the same; only the days move: an overdue obligation is one day more overdue
 * each day, a pending one one day nearer, and it turns `due` within the policy's due-soon days.
 * The day after a pending obligation's due date it becomes overdue, which the stored form does
 * not model: that day ends the validity too. The property test (stored-next.property.test.ts)
 * checks `nextAsOf(storeNext(case, t0), t)` against `nextDeadline(evaluateDeadlines(case, t))`
 * for every t in [t0, validUntil).
 */
import { evaluateDeadlines } from './evaluate-deadlines.ts';
import type { CitizenCase } from './evaluation-types.ts';
import { fromDayNumber, toDayNumber, type IsoDate } from './date-math.ts';
import { nextDeadline, type NextDeadline } from './next-deadline.ts';
import type { DeadlinePolicy } from './policy.ts';

export interface StoredNext {
  /** The day it was computed for. */
  readonly computedFor: IsoDate;
  /** The first day on which it may no longer hold (recompute from then); null: it holds for every later day. */
  readonly validUntil: IsoDate | null;
  /** The policy's due-soon days (a pending obligation within them is `due`). */
  readonly dueSoonDays: number;
  /** As of `computedFor`; null when the citizen is not active or has no pending obligation. */
  readonly next: NextDeadline | null;
}

/** Whether the citizen is in the programme on `asOf`: taken over by then and no exit outcome by then (as activeOf in the server). */
export function isActive(c: CitizenCase, exitDates: readonly IsoDate[], asOf: IsoDate): boolean {
  return c.takeoverDate <= asOf && !exitDates.some((d) => d <= asOf);
}

/** Every date on which the case changes (and the day after each, for rules that count from the day after an end). */
function caseDates(c: CitizenCase, exitDates: readonly IsoDate[]): IsoDate[] {
  const out: IsoDate[] = [c.takeoverDate, ...exitDates, ...c.fipRounds];
  for (const o of c.offers) {
    out.push(o.start);
    if (o.plannedEnd) out.push(o.plannedEnd);
    if (o.actualEnd) out.push(o.actualEnd);
    for (const p of o.schoolPeriods ?? []) out.push(p.start, p.end);
  }
  const withNext: IsoDate[] = [];
  for (const d of out) {
    withNext.push(d, fromDayNumber(toDayNumber(d) + 1));
  }
  return withNext;
}

export function storeNext(c: CitizenCase, policy: DeadlinePolicy, exitDates: readonly IsoDate[], asOf: IsoDate): StoredNext {
  const next = isActive(c, exitDates, asOf) ? nextDeadline(evaluateDeadlines(c, policy, asOf), policy.dueSoonDays) : null;
  const boundaries = caseDates(c, exitDates);
  if (next !== null && next.state !== 'breached' && next.dueDate !== null) boundaries.push(fromDayNumber(toDayNumber(next.dueDate) + 1));
  let validUntil: IsoDate | null = null;
  for (const d of boundaries) if (d > asOf && (validUntil === null || d < validUntil)) validUntil = d;
  return { computedFor: asOf, validUntil, dueSoonDays: policy.dueSoonDays, next };
}

/** Whether `stored` answers for `asOf` (computed for a day not after it, and still valid). */
export function holdsOn(stored: Pick<StoredNext, 'computedFor' | 'validUntil'>, asOf: IsoDate): boolean {
  return stored.computedFor <= asOf && (stored.validUntil === null || asOf < stored.validUntil);
}

/** The next deadline as of `asOf` from the stored one (precondition: holdsOn(stored, asOf)). */
export function nextAsOf(stored: StoredNext, asOf: IsoDate): NextDeadline | null {
  const { next } = stored;
  if (next === null) return null;
  const shift = toDayNumber(asOf) - toDayNumber(stored.computedFor);
  if (next.state === 'breached') return { ...next, daysOver: (next.daysOver ?? 0) + shift };
  const daysLeft = (next.daysLeft ?? 0) - shift;
  return { ...next, daysLeft, state: daysLeft <= stored.dueSoonDays ? 'due' : 'ok' };
}
