// Doubly robust ATT (augmented IPW, decision 030): the propensity score model the evaluation
// already fits, plus a linear outcome model fitted by OLS on the controls with the same terms
// (the score model's design: intercept and every covariate not constant on the subgroup's rows).
// The estimate is Sant'Anna & Zhao's (2020) doubly robust ATT with normalised odds weights, on
// the outcome itself rather than its change (their eq. 3.1 with ΔY → Y):
//
//   ATT = Σ D (Y − m₀(X)) / Σ D  −  Σ w₀ (Y − m₀(X)) / Σ w₀,   w₀ = (1 − D) p/(1 − p),
//
// consistent if either the score model or the outcome model is right. Linear for every outcome
// (a share of the window's weeks, in [0, 1]; not binary): OLS on the controls is what DRDID fits,
// and it keeps each outcome to two passes over the design.
//
// Standard error: the influence function of DRDID's `drdid_panel` (treated part, control part,
// and the corrections for estimating the outcome model and the score model, the latter with the
// score model's information matrix), summed within each person (a control person is a unit in
// every cohort that takes them) — V = G/(G−1) Σ_g (Σ_{i∈g} ψ_i)² / n², G persons; without person
// ids every row is its own cluster. Scores are kept below 1 − 1e−12 as IPW's weights are.
import { cholesky, choleskySolve, confidenceInterval, twoSidedP, xtwxSparse, type SparseRows } from '../../stats/index.ts';
import type { Effect } from './effect.ts';

export interface AipwDesign {
  S: SparseRows;
  n: number;
  /** Columns of the design (the intercept first). */
  k: number;
  treated: Uint8Array;
  /** Control weights p/(1−p) (0 for participants). */
  w0: Float64Array;
  /** D − p of each row (the score model's score, per row). */
  dMinusP: Float64Array;
  /** Cholesky factor of the controls' X'X (the outcome model). */
  Lc: Float64Array;
  /** Cholesky factor of the score model's information X' diag(p(1−p)) X. */
  Lps: Float64Array;
  /** Per row: X_i · (X'X_c/n)⁻¹ (M1/mT − M3/mC), the outcome model's correction (controls; 0 for participants). */
  zOls: Float64Array;
  /** Σ D X and Σ w0 X (length k). */
  sumDX: Float64Array;
  sumW0X: Float64Array;
  /** X' diag(w0) X (k × k). */
  xtw0x: Float64Array;
  nTreated: number;
  nControl: number;
  sumW0: number;
  /** Compact cluster (0..G−1) of each row. */
  cluster: Int32Array;
  nClusters: number;
  /** Scratch buffer reused by every outcome. */
  clusterSum: Float64Array;
}

/** X_i · v for CSR row i. */
const rowDot = (S: SparseRows, i: number, v: Float64Array): number => {
  let s = 0;
  const end = S.ptr[i + 1] as number;
  for (let j = S.ptr[i] as number; j < end; j++) s += (S.val[j] as number) * (v[S.idx[j] as number] as number);
  return s;
};

/**
 * The subgroup's AIPW design from its score-model design `S` (n × k CSR, intercept first), the
 * participation indicator and the propensity scores; `person` clusters the SE. Undefined when the
 * controls' design is collinear (the outcome model cannot be fitted) or a group is empty.
 */
export function aipwDesign(S: SparseRows, n: number, k: number, treated: Uint8Array, score: Float64Array, person?: Int32Array): AipwDesign | undefined {
  const w0 = new Float64Array(n);
  const dMinusP = new Float64Array(n);
  const isControl = new Float64Array(n);
  const info = new Float64Array(n);
  let nT = 0;
  let nC = 0;
  let sumW0 = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(score[i] ?? 0, 1 - 1e-12);
    const d = treated[i] ? 1 : 0;
    dMinusP[i] = d - p;
    info[i] = p * (1 - p);
    if (d) nT++;
    else {
      nC++;
      isControl[i] = 1;
      w0[i] = p / (1 - p);
      sumW0 += w0[i] as number;
    }
  }
  if (nT === 0 || nC === 0 || !(sumW0 > 0)) return undefined;
  let Lc: Float64Array;
  let Lps: Float64Array;
  try {
    Lc = cholesky(xtwxSparse(S, n, k, isControl), k);
    Lps = cholesky(xtwxSparse(S, n, k, info), k);
  } catch {
    return undefined;
  }
  // M1 = Σ D X / n, M3 = Σ w0 X / n; mT = nT / n, mC = ΣW0 / n.
  const sumDX = new Float64Array(k);
  const sumW0X = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const end = S.ptr[i + 1] as number;
    const d = treated[i] ? 1 : 0;
    const w = w0[i] as number;
    for (let j = S.ptr[i] as number; j < end; j++) {
      const c = S.idx[j] as number;
      const v = S.val[j] as number;
      sumDX[c] = (sumDX[c] as number) + d * v;
      sumW0X[c] = (sumW0X[c] as number) + w * v;
    }
  }
  // v_ols = (X'X_c / n)⁻¹ (M1/mT − M3/mC) = n (X'X_c)⁻¹ (ΣDX/nT − ΣW0X/ΣW0).
  const b = new Float64Array(k);
  for (let c = 0; c < k; c++) b[c] = (sumDX[c] as number) / nT - (sumW0X[c] as number) / sumW0;
  const vOls = choleskySolve(Lc, b, k);
  for (let c = 0; c < k; c++) vOls[c] = (vOls[c] as number) * n;
  const zOls = new Float64Array(n);
  for (let i = 0; i < n; i++) if (!treated[i]) zOls[i] = rowDot(S, i, vOls);
  // Clusters: the person, compacted; else each row.
  const cluster = new Int32Array(n);
  let nClusters = n;
  if (person) {
    let max = -1;
    for (let i = 0; i < n; i++) if ((person[i] as number) > max) max = person[i] as number;
    const id = new Int32Array(max + 1).fill(-1);
    nClusters = 0;
    for (let i = 0; i < n; i++) {
      const p = person[i] as number;
      if ((id[p] as number) < 0) id[p] = nClusters++;
      cluster[i] = id[p] as number;
    }
  } else for (let i = 0; i < n; i++) cluster[i] = i;
  const xtw0x = xtwxSparse(S, n, k, w0);
  return { S, n, k, treated, w0, dMinusP, Lc, Lps, zOls, sumDX, sumW0X, xtw0x, nTreated: nT, nControl: nC, sumW0, cluster, nClusters, clusterSum: new Float64Array(nClusters) };
}

/** The doubly robust ATT of outcome `y` (one value per row of the design). */
export function aipwEffect(d: AipwDesign, y: Float64Array): Effect {
  const { S, n, k, treated, w0 } = d;
  const { ptr, idx, val } = S;
  // Pass 1 (controls): X'y for the outcome model and X'(w0 y); the participants' Σy.
  const xty = new Float64Array(k);
  const xtw0y = new Float64Array(k);
  let sumTy = 0;
  let sumW0y = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i] as number;
    if (treated[i]) {
      sumTy += yi;
      continue;
    }
    const wy = (w0[i] as number) * yi;
    sumW0y += wy;
    const end = ptr[i + 1] as number;
    for (let j = ptr[i] as number; j < end; j++) {
      const c = idx[j] as number;
      const v = val[j] as number;
      xty[c] = (xty[c] as number) + v * yi;
      xtw0y[c] = (xtw0y[c] as number) + v * wy;
    }
  }
  // Outcome model (OLS on the controls) and the two means of the residual r = y − Xβ, from the
  // sums: Σ_T r = Σ_T y − (Σ_T X)·β, Σ w0 r = Σ w0 y − (Σ w0 X)·β, Σ w0 r X = X'(w0 y) − (X'W0X) β.
  const beta = choleskySolve(d.Lc, xty, k);
  let dotT = 0;
  let dotW = 0;
  for (let c = 0; c < k; c++) {
    dotT += (d.sumDX[c] as number) * (beta[c] as number);
    dotW += (d.sumW0X[c] as number) * (beta[c] as number);
  }
  const etaT = (sumTy - dotT) / d.nTreated;
  const etaC = (sumW0y - dotW) / d.sumW0;
  const att = etaT - etaC;
  // Score-model correction: u = (X'WX/n)⁻¹ M2, M2 = Σ w0 (r − ηC) X / n; its term per row is
  // (D − p) X·u / mC with mC = ΣW0/n, i.e. (D − p) X·(X'WX)⁻¹ (Σ w0 (r − ηC) X) · n / ΣW0.
  const m2 = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let bw = 0;
    for (let b = 0; b < k; b++) bw += (d.xtw0x[a * k + b] as number) * (beta[b] as number);
    m2[a] = (xtw0y[a] as number) - bw - etaC * (d.sumW0X[a] as number);
  }
  const u = choleskySolve(d.Lps, m2, k);
  const mT = d.nTreated / n;
  const mC = d.sumW0 / n;
  const psScale = n / d.sumW0;
  const cs = d.clusterSum;
  cs.fill(0);
  // Pass 2 (all rows): X·β and X·u together, the influence function, summed per cluster.
  for (let i = 0; i < n; i++) {
    let xb = 0;
    let xu = 0;
    const end = ptr[i + 1] as number;
    for (let j = ptr[i] as number; j < end; j++) {
      const c = idx[j] as number;
      const v = val[j] as number;
      xb += v * (beta[c] as number);
      xu += v * (u[c] as number);
    }
    const r = (y[i] as number) - xb;
    let psi: number;
    if (treated[i]) psi = (r - etaT) / mT;
    else psi = -((w0[i] as number) * (r - etaC)) / mC - r * (d.zOls[i] as number);
    psi -= (d.dMinusP[i] as number) * xu * psScale;
    const g = d.cluster[i] as number;
    cs[g] = (cs[g] as number) + psi;
  }
  let ss = 0;
  for (let g = 0; g < d.nClusters; g++) ss += (cs[g] as number) ** 2;
  const G = d.nClusters;
  const se = G > 1 ? Math.sqrt((G / (G - 1)) * ss) / n : Number.NaN;
  const treatedMean = sumTy / d.nTreated;
  const [ciLow, ciHigh] = Number.isFinite(se) ? confidenceInterval(att, se) : [Number.NaN, Number.NaN];
  return {
    nTreated: d.nTreated,
    nControl: d.nControl,
    treatedMean,
    controlMean: treatedMean - att,
    att,
    se,
    ciLow,
    ciHigh,
    pValue: se > 0 ? twoSidedP(att / se) : Number.NaN,
  };
}
