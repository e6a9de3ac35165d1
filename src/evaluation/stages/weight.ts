// Stage "weighting" (IPW): per subgroup the ATT odds weights of its score (estimators/ipw.ts),
// with a warning when the control weights are concentrated on a few controls.
import { ipwWeights, type IpwWeights } from '../estimators/ipw.ts';
import { oneDecimal, warn, type RunWarning } from '../warnings.ts';

/** The subgroup's IPW weights and, when common support is poor, a warning. */
export function weight(label: string, treated: Uint8Array, score: Float64Array): { ipw: IpwWeights; warnings: RunWarning[] } {
  const ipw = ipwWeights(treated, score);
  let nT = 0;
  for (const t of treated) nT += t;
  const concentrated = ipw.controlEss < Math.min(0.1 * ipw.nControl, nT) || ipw.maxControlShare > 0.05;
  const warnings = concentrated ? [warn('ipw_concentrated', { subgroup: label, ess: Math.round(ipw.controlEss), controls: ipw.nControl, share: oneDecimal(100 * ipw.maxControlShare) })] : [];
  return { ipw, warnings };
}
