// Warnings computed from the results: the two adjustment methods (PSM and IPW) disagreeing
// beyond their confidence intervals (the intervals do not overlap).
import type { ResultRow } from './report/model.ts';

/** Participants below which a subgroup is called small (the booklet's men: 195). */
export const SMALL_SUBGROUP = 250;

export function collectWarnings(results: ResultRow[]): string[] {
  const out: string[] = [];
  const key = (r: ResultRow): string => `${r.outcome}\u0000${r.subgroup}`;
  const psm = new Map(results.filter((r) => r.method === 'psm').map((r) => [key(r), r]));
  for (const ipw of results.filter((r) => r.method === 'ipw')) {
    const p = psm.get(key(ipw));
    if (!p) continue;
    if (p.ci_high < ipw.ci_low || ipw.ci_high < p.ci_low) {
      out.push(`${ipw.outcome}, ${ipw.subgroup}: PSM (${fmt(p)}) and IPW (${fmt(ipw)}) disagree beyond their confidence intervals; the finding is not robust to the method.`);
    }
  }
  return out;
}

function fmt(r: ResultRow): string {
  return `${r.att.toFixed(3)} [${r.ci_low.toFixed(3)}, ${r.ci_high.toFixed(3)}]`;
}
