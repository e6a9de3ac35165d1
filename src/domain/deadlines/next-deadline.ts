/**
 * The one deadline a caseworker should look at next (pure): the caseload's sort key and the
 * per-row "rule and date". Derived from a citizen's deadline report (evaluateDeadlines):
 *
 * - A rule with an **open** breach (an obligation overdue right now) comes first; among those the
 *   one most days over (then the earlier due date, then policy order).
 * - Otherwise the pending obligation with the fewest days left (`daysLeft`, then policy order).
 *   Its state is `due` within the policy's `dueSoonDays`, else `ok` — also for a rule that is
 *   `breached` only because of a *closed* earlier breach (sticky state, docs/deadline-rules.md §5):
 *   that breach is history, and `pastBreach` says so.
 * - null when no rule has a pending obligation (every rule satisfied with no due date ahead,
 *   e.g. while an open-ended offer runs and no FIP round is due — which cannot happen under the
 *   2016 policy, whose FIP rule always has a next date).
 */
import type { CitizenDeadlineReport, RuleEvaluation } from './evaluation-types.ts';

export interface NextDeadline {
  readonly ruleId: string;
  readonly kind: RuleEvaluation['kind'];
  /** `breached` only for an obligation overdue now. */
  readonly state: 'ok' | 'due' | 'breached';
  readonly dueDate: string | null;
  /** Days until the due date (0 = due today), null when overdue. */
  readonly daysLeft: number | null;
  /** Days past the due date of the open breach, null when not overdue. */
  readonly daysOver: number | null;
  /** The rule was broken earlier (a closed breach) even though it is not overdue now. */
  readonly pastBreach: boolean;
}

/**
 * Sort key: negative for overdue (−daysOver), else daysLeft; citizens without a pending
 * deadline sort last.
 */
export function nextDeadlineSortKey(next: NextDeadline | null): number {
  if (next === null) return Number.POSITIVE_INFINITY;
  if (next.state === 'breached') return -(next.daysOver ?? 0);
  return next.daysLeft ?? Number.POSITIVE_INFINITY;
}

export function nextDeadline(report: Pick<CitizenDeadlineReport, 'rules'>, dueSoonDays: number): NextDeadline | null {
  let best: { next: NextDeadline; key: number } | null = null;
  for (const rule of report.rules) {
    const open = rule.breaches.find((b) => b.to === null);
    let next: NextDeadline | null = null;
    if (open) {
      next = { ruleId: rule.ruleId, kind: rule.kind, state: 'breached', dueDate: rule.dueDate, daysLeft: null, daysOver: open.daysOver, pastBreach: false };
    } else if (rule.daysLeft !== null) {
      next = {
        ruleId: rule.ruleId,
        kind: rule.kind,
        state: rule.daysLeft <= dueSoonDays ? 'due' : 'ok',
        dueDate: rule.dueDate,
        daysLeft: rule.daysLeft,
        daysOver: null,
        pastBreach: rule.breaches.length > 0,
      };
    }
    if (!next) continue;
    const key = nextDeadlineSortKey(next);
    const better =
      best === null ||
      key < best.key ||
      (key === best.key && (next.dueDate ?? '9999') < (best.next.dueDate ?? '9999'));
    if (better) best = { next, key };
  }
  return best === null ? null : best.next;
}

const collator = new Intl.Collator('da');

/**
 * Caseload order: by days to the next breach — overdue first (most days over first), then by days
 * left; citizens without a pending deadline last; ties by next FIP round due, then name.
 */
export function byNextDeadline<T extends { nextDeadline: NextDeadline | null; nextRoundDue: string; name: string }>(a: T, b: T): number {
  const ka = nextDeadlineSortKey(a.nextDeadline);
  const kb = nextDeadlineSortKey(b.nextDeadline);
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.nextRoundDue !== b.nextRoundDue) return a.nextRoundDue < b.nextRoundDue ? -1 : 1;
  return collator.compare(a.name, b.name);
}
