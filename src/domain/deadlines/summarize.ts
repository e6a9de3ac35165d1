/** Timeliness per municipality: how many citizens are ok / due / breached on each rule, and the share on time. */
import type { CitizenDeadlineReport, RuleState } from './evaluation-types.ts';

export interface RuleSummary {
  readonly ruleId: string;
  readonly ok: number;
  readonly due: number;
  /** Breached at any time up to the date (the state is sticky: a late round stays a breach). */
  readonly breached: number;
  /** Of the breached, those overdue now: an obligation still open past its due date (what the caseload flags). */
  readonly overdueNow: number;
  /** (ok + due) / citizens evaluated on the rule; null when none. */
  readonly shareOnTime: number | null;
}

export interface MunicipalitySummary {
  readonly municipalityCode: string;
  readonly citizens: number;
  readonly rules: readonly RuleSummary[];
  /** Share of citizens with no breached rule; null when there are no citizens. */
  readonly shareAllOnTime: number | null;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Group citizen reports by municipality (sorted by code) and count rule states; rules appear in
 * first-seen order. Small-cell suppression is the presenter's job, not done here.
 */
export function summarizeDeadlines(reports: readonly CitizenDeadlineReport[]): MunicipalitySummary[] {
  const byMunicipality = new Map<string, CitizenDeadlineReport[]>();
  for (const r of reports) byMunicipality.set(r.municipalityCode, [...(byMunicipality.get(r.municipalityCode) ?? []), r]);
  return [...byMunicipality.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([municipalityCode, list]) => {
      const counts = new Map<string, Record<RuleState | 'overdueNow', number>>();
      for (const report of list) {
        for (const rule of report.rules) {
          const c = counts.get(rule.ruleId) ?? { ok: 0, due: 0, breached: 0, overdueNow: 0 };
          c[rule.state] += 1;
          if (rule.breaches.some((b) => b.to === null)) c.overdueNow += 1;
          counts.set(rule.ruleId, c);
        }
      }
      const rules = [...counts.entries()].map(([ruleId, c]) => ({
        ruleId, ok: c.ok, due: c.due, breached: c.breached, overdueNow: c.overdueNow, shareOnTime: share(c.ok + c.due, c.ok + c.due + c.breached),
      }));
      const allOnTime = list.filter((r) => r.rules.every((x) => x.state !== 'breached')).length;
      return { municipalityCode, citizens: list.length, rules, shareAllOnTime: share(allOnTime, list.length) };
    });
}
