// Stage "matching" (PSM): per subgroup 1:1 nearest neighbour on the logit of its score, caliper
// CALIPER_SD of that logit, exact on cohort, with replacement (estimators/psm.ts); then the
// sample kept when at least two participants found a control, with a warning when common
// support is poor.
import { CALIPER_SD, psmMatch, type MatchedSample } from '../estimators/psm.ts';
import { oneDecimal, warn, type RunWarning } from '../warnings.ts';

export interface MatchInput {
  logit: Float64Array;
  treated: Uint8Array;
  cohort: Int32Array;
}

/** The subgroup's matched sample (the same on either thread). */
export const match = ({ logit, treated, cohort }: MatchInput): MatchedSample => psmMatch(logit, treated, cohort);

/** Share of participants without a control above which common support is called poor. */
const LOST_SHARE = 0.05;

/** The sample the estimates use (none with fewer than two matched participants), and the common-support warning. */
export function matchedSample(label: string, sample: MatchedSample): { sample?: MatchedSample; warnings: RunWarning[] } {
  const warnings: RunWarning[] = [];
  const lost = sample.nTreated - sample.nTreatedMatched;
  if (lost > 0 && lost / sample.nTreated > LOST_SHARE) {
    warnings.push(warn('psm_support', { subgroup: label, lost, treated: sample.nTreated, percent: oneDecimal((100 * lost) / sample.nTreated), caliper: CALIPER_SD }));
  }
  return sample.nTreatedMatched >= 2 ? { sample, warnings } : { warnings };
}
