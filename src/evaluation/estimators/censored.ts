// The `censored` design's estimates (decisions 018 and 024): controls followed week by week until
// their own start, each week's control mean weighted by the method's control weight times the
// inverse probability of not having started yet (design/censoring.ts).
//
// For a subgroup, a method's base weights v (naive and DiD: 1; IPW: the ATT odds weights; PSM:
// how often the control was matched, participants 1 if matched) and window week w:
//   a_iw = v_i · 1[i not yet started in week w] · 1/S_i(w),  A_w = Σ_controls a_iw,
//   μ_w = Σ a_iw y_iw / A_w,
// the control mean of a window share is the mean of μ_w over its weeks (52, or 4 for a period),
// the treated mean the participants' (weight v) mean share, the ATT their difference. DiD
// subtracts the unweighted pre-window difference, as without censoring.
//
// Standard error: the person-clustered sandwich of this ratio estimator with the score model,
// the matching and the hazard model taken as fixed: per row its influence
//   participant: v_i (ȳ_i − μ_T) / Σ_T v,   control: −(1/W) Σ_w a_iw (y_iw − μ_w) / A_w,
// summed within persons (a person is a control in several cohorts and maybe a participant in a
// later one), Var = G/(G−1) · (N−1)/(N−2) · Σ_g ψ_g² with G persons and N rows of positive
// weight — the CR1 factor of the other methods, to which it reduces when no one is censored and
// all S_i = 1 (tested). For PSM this clusters on the person, not the matched set.
//
// IPW with `score`: the score model's estimation is accounted for (M-estimation, stacked
// estimating equations; e.g. Lunceford & Davidian 2004, Reifeis & Hudgens 2022 for the ATT). The
// control weights are odds exp(x'β), so ∂ATT/∂β = Σ_controls ψ_i x_i =: g, and each row adds
// (d_i − p_i) x_i' (X'VX)⁻¹ g to its influence (V = p(1 − p), the logit's information). The
// hazard model's estimation is still taken as fixed.
import { cholesky, choleskySolve, confidenceInterval, twoSidedP, type SparseRows } from '../../stats/index.ts';
import { WINDOW_WEEKS, type CohortReport } from '../design/cohorts.ts';
import type { Survival } from '../design/censoring.ts';
import { N_PERIODS, OUTCOME_STATUSES, PERIOD_WEEKS, type OutcomeCounts, type OutcomeName } from '../design/outcomes.ts';
import type { Panel } from '../panel.ts';
import type { Effect } from './effect.ts';

export interface CensoredGroupInput {
  /** Unit rows of the subgroup (indices into the units). */
  rows: Int32Array;
  treated: Uint8Array;
  /** Base weight per subgroup row (0: not in the sample). */
  base: Float64Array;
  outcomes: readonly OutcomeName[];
  /** Also the 13 employment periods (employment must be among the outcomes). */
  periods: boolean;
  /** DiD: subtract the unweighted pre-window difference (over rows with positive base weight). */
  did?: boolean;
  /** Counted units reported as n_control (default: control rows with positive weight). */
  nControl?: number;
  /**
   * IPW: the score model (its design rows, CSR aligned with `rows`, and fitted probabilities),
   * so the SE accounts for its estimation (stacked estimating equations, see below). The base
   * weights must then be the odds p/(1 − p) of these probabilities (up to a constant).
   */
  score?: { X: SparseRows; p: number; fitted: Float64Array };
}

export interface CensoredRun {
  cohorts: CohortReport;
  panel: Panel;
  counts: OutcomeCounts;
  survival: Survival;
}

export interface CensoredEffects {
  /** Per outcome (input order). */
  outcomes: Effect[];
  /** Per employment period 1..13 (empty unless asked). */
  periods: Effect[];
  /** Controls censored (followed less than the whole window) among the rows with positive weight. */
  censoredControls: number;
}

const W = WINDOW_WEEKS;

/** The effects of one method on one subgroup under the censored design. */
export function censoredEffects(run: CensoredRun, g: CensoredGroupInput): CensoredEffects {
  const { panel, counts, survival } = run;
  const units = run.cohorts.units;
  const nextWeek = run.cohorts.cohortNextWeek;
  const nO = g.outcomes.length;
  const E_ = g.outcomes.indexOf('employment');
  const withPeriods = g.periods && E_ >= 0;
  // Status → outcome bits.
  const mask = new Uint32Array(256);
  g.outcomes.forEach((o, k) => {
    for (const s of OUTCOME_STATUSES[o]) mask[s] = (mask[s] as number) | (1 << k);
  });
  const nw = panel.nWeeks;
  const st = panel.status;
  const { E, span, from, startWeek } = survival;
  const n = g.rows.length;
  // Weeks followed and inverse survival of a control row, into `inv` (length W); returns the weeks followed.
  const inv = new Float64Array(W);
  const follow = (u: number): number => {
    const p = units.person[u] as number;
    const r = units.refWeek[u] as number;
    const f = Math.min(W, (startWeek[p] as number) - r);
    const nf = nextWeek[units.cohort[u] as number] as number;
    const base = p * span - from;
    const e0 = nf - 1 >= from ? (E[base + nf - 1] as number) : 1;
    for (let w = 0; w < f; w++) {
      const t = r + w;
      inv[w] = t < nf ? 1 : (E[base + t] as number) / e0;
    }
    return f;
  };
  // Pass 1: A_w, B_ow, treated sums.
  const A = new Float64Array(W);
  const B = new Float64Array(nO * W);
  const tSum = new Float64Array(nO + (withPeriods ? N_PERIODS : 0));
  let sT = 0;
  let nT = 0;
  let nC = 0;
  let censoredControls = 0;
  const preT = new Float64Array(nO);
  const preC = new Float64Array(nO);
  for (let i = 0; i < n; i++) {
    const v = g.base[i] as number;
    if (!(v > 0)) continue;
    const u = g.rows[i] as number;
    if (g.treated[i]) {
      sT += v;
      nT++;
      for (let k = 0; k < nO; k++) tSum[k] = (tSum[k] as number) + (v * (counts.post[g.outcomes[k] as OutcomeName][u] as number)) / W;
      if (withPeriods) for (let q = 0; q < N_PERIODS; q++) tSum[nO + q] = (tSum[nO + q] as number) + (v * (counts.periods[u * N_PERIODS + q] as number)) / PERIOD_WEEKS;
      if (g.did) for (let k = 0; k < nO; k++) preT[k] = (preT[k] as number) + (counts.pre[g.outcomes[k] as OutcomeName][u] as number) / W;
      continue;
    }
    nC++;
    if (g.did) for (let k = 0; k < nO; k++) preC[k] = (preC[k] as number) + (counts.pre[g.outcomes[k] as OutcomeName][u] as number) / W;
    const f = follow(u);
    if (f < W) censoredControls++;
    const off = (units.person[u] as number) * nw + (units.refWeek[u] as number) - panel.weekStart;
    for (let w = 0; w < f; w++) {
      const a = v * (inv[w] as number);
      A[w] = (A[w] as number) + a;
      let m = mask[st[off + w] as number] as number;
      while (m !== 0) {
        const k = 31 - Math.clz32(m & -m);
        B[k * W + w] = (B[k * W + w] as number) + a;
        m &= m - 1;
      }
    }
  }
  const nE = nO + (withPeriods ? N_PERIODS : 0);
  const mu = new Float64Array(nO * W);
  for (let k = 0; k < nO; k++) for (let w = 0; w < W; w++) mu[k * W + w] = (A[w] as number) > 0 ? (B[k * W + w] as number) / (A[w] as number) : Number.NaN;
  const muT = Float64Array.from(tSum, (x) => x / sT);
  const muC = new Float64Array(nE);
  for (let k = 0; k < nO; k++) {
    let s = 0;
    for (let w = 0; w < W; w++) s += mu[k * W + w] as number;
    muC[k] = s / W;
  }
  if (withPeriods) {
    for (let q = 0; q < N_PERIODS; q++) {
      let s = 0;
      for (let w = q * PERIOD_WEEKS; w < (q + 1) * PERIOD_WEEKS; w++) s += mu[E_ * W + w] as number;
      muC[nO + q] = s / PERIOD_WEEKS;
    }
  }
  const preMuT = Float64Array.from(preT, (x) => x / nT);
  const preMuC = Float64Array.from(preC, (x) => x / nC);
  // Pass 2: influence per row, summed per person.
  const personId = new Int32Array(startWeek.length).fill(-1);
  let G = 0;
  const clusterOf = (p: number): number => {
    let c = personId[p] as number;
    if (c < 0) personId[p] = c = G++;
    return c;
  };
  // Clusters first (dense ids), so the sums are one Float64Array.
  const rowCluster = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if ((g.base[i] as number) > 0) rowCluster[i] = clusterOf(units.person[g.rows[i] as number] as number);
  const psi = new Float64Array(G * nE);
  const invA = Float64Array.from(A, (x) => (x > 0 ? 1 / x : 0));
  // μ by week then outcome (the inner loop runs over outcomes).
  const muWk = new Float64Array(W * nO);
  for (let k = 0; k < nO; k++) for (let w = 0; w < W; w++) muWk[w * nO + k] = mu[k * W + w] as number;
  const postCols = g.outcomes.map((o) => counts.post[o]);
  const preCols = g.outcomes.map((o) => counts.pre[o]);
  const acc = new Float64Array(nE);
  const score = g.score;
  const pS = score?.p ?? 0;
  const grad = new Float64Array(nE * pS);
  const dRow = new Float64Array(nE);
  const eBit = E_ >= 0 ? 1 << E_ : 0;
  for (let i = 0; i < n; i++) {
    const v = g.base[i] as number;
    if (!(v > 0)) continue;
    const u = g.rows[i] as number;
    const o = (rowCluster[i] as number) * nE;
    if (g.treated[i]) {
      const c = v / sT;
      for (let k = 0; k < nO; k++) {
        let d = ((postCols[k] as Uint8Array)[u] as number) / W - (muT[k] as number);
        if (g.did) d -= ((preCols[k] as Uint8Array)[u] as number) / W - (preMuT[k] as number);
        psi[o + k] = (psi[o + k] as number) + c * d;
      }
      if (withPeriods) for (let q = 0; q < N_PERIODS; q++) psi[o + nO + q] = (psi[o + nO + q] as number) + c * ((counts.periods[u * N_PERIODS + q] as number) / PERIOD_WEEKS - (muT[nO + q] as number));
      continue;
    }
    // Σ_w a_iw (y_iw − μ_w) / A_w per outcome and per period, with a_iw = v · inv_w.
    const f = follow(u);
    const off = (units.person[u] as number) * nw + (units.refWeek[u] as number) - panel.weekStart;
    acc.fill(0);
    for (let w = 0; w < f; w++) {
      const c = (inv[w] as number) * (invA[w] as number);
      if (c === 0) continue;
      const mb = w * nO;
      for (let k = 0; k < nO; k++) acc[k] = (acc[k] as number) - c * (muWk[mb + k] as number);
      let m = mask[st[off + w] as number] as number;
      if (withPeriods) {
        const q = nO + ((w / PERIOD_WEEKS) | 0);
        acc[q] = (acc[q] as number) + c * ((m & eBit ? 1 : 0) - (muWk[mb + E_] as number));
      }
      while (m !== 0) {
        const k = 31 - Math.clz32(m & -m);
        acc[k] = (acc[k] as number) + c;
        m &= m - 1;
      }
    }
    for (let k = 0; k < nO; k++) {
      let d = (-v * (acc[k] as number)) / W;
      if (g.did) d += (((preCols[k] as Uint8Array)[u] as number) / W - (preMuC[k] as number)) / nC;
      psi[o + k] = (psi[o + k] as number) + d;
      dRow[k] = d;
    }
    if (withPeriods) {
      for (let q = 0; q < N_PERIODS; q++) {
        const d = (-v * (acc[nO + q] as number)) / PERIOD_WEEKS;
        psi[o + nO + q] = (psi[o + nO + q] as number) + d;
        dRow[nO + q] = d;
      }
    }
    if (score) {
      // g_e += ψ_ie x_i over the row's non-zeros.
      const { ptr, idx, val } = score.X;
      for (let z = ptr[i] as number, e = ptr[i + 1] as number; z < e; z++) {
        const j = idx[z] as number;
        const x = val[z] as number;
        for (let k = 0; k < nE; k++) grad[k * pS + j] = (grad[k * pS + j] as number) + (dRow[k] as number) * x;
      }
    }
  }
  if (score) {
    // (X'VX) over every row of the score model, then each row's (d_i − p_i) x_i' (X'VX)⁻¹ g_e.
    const { ptr, idx, val } = score.X;
    const info = new Float64Array(pS * pS);
    for (let i = 0; i < n; i++) {
      const pi = score.fitted[i] as number;
      const vi = pi * (1 - pi);
      for (let a = ptr[i] as number, e = ptr[i + 1] as number; a < e; a++) {
        const ja = idx[a] as number;
        const xa = (val[a] as number) * vi;
        for (let b = ptr[i] as number; b < e; b++) info[ja * pS + (idx[b] as number)] = (info[ja * pS + (idx[b] as number)] as number) + xa * (val[b] as number);
      }
    }
    const L = cholesky(info, pS);
    const h = new Float64Array(nE * pS);
    for (let k = 0; k < nE; k++) h.set(choleskySolve(L, grad.subarray(k * pS, (k + 1) * pS), pS), k * pS);
    for (let i = 0; i < n; i++) {
      const c = rowCluster[i] as number;
      if (c < 0) continue;
      const r = (g.treated[i] ? 1 : 0) - (score.fitted[i] as number);
      const o = c * nE;
      for (let z = ptr[i] as number, e = ptr[i + 1] as number; z < e; z++) {
        const j = idx[z] as number;
        const x = (val[z] as number) * r;
        for (let k = 0; k < nE; k++) psi[o + k] = (psi[o + k] as number) + x * (h[k * pS + j] as number);
      }
    }
  }
  const N = nT + nC;
  const factor = G > 1 && N > 2 ? ((G / (G - 1)) * (N - 1)) / (N - 2) : Number.NaN;
  const effect = (e: number, did: boolean): Effect => {
    let v = 0;
    for (let c = 0; c < G; c++) v += (psi[c * nE + e] as number) ** 2;
    const se = Math.sqrt(factor * v);
    const treatedMean = muT[e] as number;
    let att = treatedMean - (muC[e] as number);
    if (did) att -= (preMuT[e] as number) - (preMuC[e] as number);
    const [ciLow, ciHigh] = Number.isFinite(se) ? confidenceInterval(att, se) : [Number.NaN, Number.NaN];
    return { nTreated: nT, nControl: g.nControl ?? nC, treatedMean, controlMean: treatedMean - att, att, se, ciLow, ciHigh, pValue: se > 0 ? twoSidedP(att / se) : Number.NaN };
  };
  return {
    outcomes: g.outcomes.map((_, k) => effect(k, g.did === true)),
    periods: withPeriods ? Array.from({ length: N_PERIODS }, (_, q) => effect(nO + q, false)) : [],
    censoredControls,
  };
}

