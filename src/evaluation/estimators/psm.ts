// Propensity score matching: 1:1 nearest neighbour on the logit of the score, caliper 0.2 SD of
// that logit, exact on cohort, with replacement.
//
// Standard errors: the matched sample is stacked as one row per treated unit plus one row per
// (treated, matched control) pair — a control matched to several participants appears once per
// set — and the ATT is the WLS coefficient of treated on that sample with CR1 clustered on the
// matched set (the treated unit). This is the usual "duplicated control rows, cluster on the
// set" approach; it ignores the dependence between sets that share a control (conservative
// alternatives: Abadie–Imbens SEs, or clustering on the person).
import { matchNearest } from '../../stats/index.ts';
import { twoGroupDesign, twoGroupEffect, type Effect, type TwoGroupDesign } from './effect.ts';

export const CALIPER_SD = 0.2;

export interface MatchedSample {
  /** Rows (indices into the subgroup's units) of the stacked matched sample. */
  rows: Int32Array;
  treated: Uint8Array;
  /** Matched set (treated unit's position) of each stacked row. */
  set: Int32Array;
  nTreated: number;
  nTreatedMatched: number;
  /** Distinct controls used. */
  nControlsUsed: number;
  /** Matching weight of each subgroup unit (treated 1 if matched, control = times used), for balance. */
  unitWeight: Float64Array;
  caliper: number;
}

export function psmMatch(logit: Float64Array, treated: Uint8Array, cohort: Int32Array, caliperSd = CALIPER_SD): MatchedSample {
  const n = logit.length;
  let nT = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    nT += treated[i] ? 1 : 0;
    mean += logit[i] ?? 0;
  }
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((logit[i] ?? 0) - mean) ** 2;
  const caliper = caliperSd * Math.sqrt(ss / Math.max(1, n - 1));
  // Treated and control units (indices into the subgroup) with their scores and cohorts.
  const tIdx = new Int32Array(nT);
  const cIdx = new Int32Array(n - nT);
  const tScore = new Float64Array(nT);
  const cScore = new Float64Array(n - nT);
  const tCohort = new Int32Array(nT);
  const cCohort = new Int32Array(n - nT);
  for (let i = 0, t = 0, c = 0; i < n; i++) {
    if (treated[i]) {
      tIdx[t] = i;
      tScore[t] = logit[i] ?? 0;
      tCohort[t++] = cohort[i] ?? 0;
    } else {
      cIdx[c] = i;
      cScore[c] = logit[i] ?? 0;
      cCohort[c++] = cohort[i] ?? 0;
    }
  }
  const m = matchNearest({ treatedScore: tScore, controlScore: cScore, treatedStratum: tCohort, controlStratum: cCohort, k: 1, replacement: true, caliper });
  let matched = 0;
  for (let j = 0; j < nT; j++) if ((m.matches[j] ?? -1) >= 0) matched++;
  // Stacked sample: per matched treated unit its row, then its control's row.
  const rows = new Int32Array(2 * matched);
  const tr = new Uint8Array(2 * matched);
  const set = new Int32Array(2 * matched);
  const unitWeight = new Float64Array(n);
  for (let j = 0, r = 0; j < nT; j++) {
    const c = m.matches[j] ?? -1;
    if (c < 0) continue;
    const t = tIdx[j] ?? 0;
    const cu = cIdx[c] ?? 0;
    rows[r] = t;
    rows[r + 1] = cu;
    tr[r] = 1;
    set[r] = j;
    set[r + 1] = j;
    r += 2;
    unitWeight[t] = 1;
    unitWeight[cu] = (unitWeight[cu] ?? 0) + 1;
  }
  let used = 0;
  for (const w of m.controlWeight) if (w > 0) used++;
  return {
    rows,
    treated: tr,
    set,
    nTreated: nT,
    nTreatedMatched: matched,
    nControlsUsed: used,
    unitWeight,
    caliper,
  };
}

export function psmDesign(sample: MatchedSample): TwoGroupDesign {
  return twoGroupDesign(sample.treated, { clusters: sample.set, type: 'CR1', nTreated: sample.nTreatedMatched, nControl: sample.nControlsUsed });
}

/** ATT on the matched sample; `y` holds the outcome of every subgroup unit. */
export function psmEffect(d: TwoGroupDesign, sample: MatchedSample, y: Float64Array): Effect {
  const ys = new Float64Array(sample.rows.length);
  for (let i = 0; i < ys.length; i++) ys[i] = y[sample.rows[i] ?? 0] ?? 0;
  return twoGroupEffect(d, ys);
}
