/**
 * Evaluate every rule of a deadline policy for one citizen as of a date (pure; the date is an argument).
 * Semantics: docs/deadline-rules.md.
 */
import { companyDirectedCoverage } from './coverage.ts';
import { toDayNumber, type IsoDate } from './date-math.ts';
import type { CitizenCase, CitizenDeadlineReport } from './evaluation-types.ts';
import type { DeadlinePolicy } from './policy.ts';
import type { RuleContext } from './rule-context.ts';
import { evaluateRule } from './rule-kinds.ts';

/**
 * @throws RangeError when `asOf`, the takeover date or a FIP round date is not a calendar date.
 *   Offers with bad dates do not throw: they are listed in `ignoredOffers`.
 * @example evaluateDeadlines(citizen, policy2016, '2024-03-01').rules[0].state // 'ok' | 'due' | 'breached'
 */
export function evaluateDeadlines(citizen: CitizenCase, policy: DeadlinePolicy, asOf: IsoDate): CitizenDeadlineReport {
  const asOfDay = toDayNumber(asOf);
  const coverage = companyDirectedCoverage(citizen.offers, policy.companyDirectedKinds, asOfDay);
  const ctx: RuleContext = {
    policy,
    asOfDay,
    takeoverDay: toDayNumber(citizen.takeoverDate),
    blocks: coverage.blocks,
    offers: citizen.offers,
    fipRoundDays: citizen.fipRounds.map(toDayNumber),
  };
  return {
    citizenId: citizen.citizenId,
    municipalityCode: citizen.municipalityCode,
    asOf,
    policyId: policy.id,
    rules: policy.rules.map((rule) => evaluateRule(rule, ctx)),
    ignoredOffers: coverage.ignored,
  };
}
