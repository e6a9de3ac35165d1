// Outcomes over the 52-week window from the reference week (week 0 = reference week), and the
// same shares over the 52 weeks before it (for covariates and DiD). Stored as week counts in
// bytes (0..52) to keep memory at one byte per unit and outcome.
import type { Units } from './cohorts.ts';
import { WINDOW_WEEKS } from './cohorts.ts';
import type { Panel } from '../panel.ts';
import { S } from '../statuses.ts';

export const OUTCOMES = [
  'employment',
  'self_sufficiency',
  'education',
  'igu',
  'praktik_private',
  'praktik_public',
  'wage_subsidy',
  'guidance_upskilling',
] as const;
export type OutcomeName = (typeof OUTCOMES)[number];

/** Status codes counted by each outcome. */
export const OUTCOME_STATUSES: Record<OutcomeName, number[]> = {
  employment: [S.employment, S.igu],
  self_sufficiency: [S.employment, S.igu, S.none],
  education: [S.education],
  igu: [S.igu],
  praktik_private: [S.praktik_private],
  praktik_public: [S.praktik_public],
  wage_subsidy: [S.wage_subsidy_private, S.wage_subsidy_public],
  guidance_upskilling: [S.guidance_upskilling],
};

export const PERIOD_WEEKS = 4;
export const N_PERIODS = WINDOW_WEEKS / PERIOD_WEEKS; // 13

export interface OutcomeCounts {
  /** Per outcome: weeks (0..52) in the outcome over weeks 0..51. */
  post: Record<OutcomeName, Uint8Array>;
  /** Per outcome: weeks in the outcome over weeks -52..-1 (outside the data counts as none). */
  pre: Record<OutcomeName, Uint8Array>;
  /** Employment weeks (0..4) per 4-week period, n × 13 row-major. */
  periods: Uint8Array;
  /** Pre-window weeks in company placement (private + public) and on benefit. */
  prePlacement: Uint8Array;
  preBenefit: Uint8Array;
}

export function computeOutcomes(units: Units, panel: Panel): OutcomeCounts {
  const out = allocateOutcomes(units.n);
  fillOutcomes(units, panel, out, 0, units.n);
  return out;
}

/** Zeroed outcome arrays for n units; `alloc` makes each array (e.g. in shared memory). */
export function allocateOutcomes(n: number, alloc: (bytes: number) => Uint8Array = (b) => new Uint8Array(b)): OutcomeCounts {
  const mk = (): Record<OutcomeName, Uint8Array> =>
    Object.fromEntries(OUTCOMES.map((o) => [o, alloc(n)])) as Record<OutcomeName, Uint8Array>;
  return { post: mk(), pre: mk(), periods: alloc(n * N_PERIODS), prePlacement: alloc(n), preBenefit: alloc(n) };
}

// Week counts of a window are accumulated packed: field f (the outcomes, then pre placement and
// pre benefit) is bits 6 * (f % 5) .. + 5 of accumulator f / 5 (two small integers), and each
// status adds its per-field weights with one table lookup per accumulator. A field counts at most
// 52 weeks (< 64), so fields never carry into each other: the sums are the same integers as
// counting weeks per status and adding up the outcome's statuses.
const FIELD_BITS = 6;
const PER_ACC = 5;
const FIELD_STATUSES: readonly (readonly number[])[] = [...OUTCOMES.map((o) => OUTCOME_STATUSES[o]), [S.praktik_private, S.praktik_public], [S.integration_benefit, S.other_benefit]];
const PLACEMENT_FIELD = OUTCOMES.length;
const BENEFIT_FIELD = OUTCOMES.length + 1;

/** Per status byte the packed weights of accumulators 0 (index s) and 1 (index 256 + s). */
function packedWeights(): Int32Array {
  if (FIELD_STATUSES.length > 2 * PER_ACC) throw new Error('outcome fields do not fit two accumulators');
  const t = new Int32Array(2 * 256);
  FIELD_STATUSES.forEach((codes, f) => {
    // A code listed twice counts twice, as in the sum over the outcome's codes; then a field
    // could exceed 6 bits over 52 weeks.
    if (new Set(codes).size !== codes.length) throw new Error('a status listed twice in an outcome');
    for (const c of codes) if (c >= 0 && c < 256) t[Math.floor(f / PER_ACC) * 256 + c]! += 1 << (FIELD_BITS * (f % PER_ACC));
  });
  return t;
}

/** The outcome counts of units [from, to) into `out` (each unit's entries depend on that unit only). */
export function fillOutcomes(units: Pick<Units, 'person' | 'refWeek'>, panel: Panel, out: OutcomeCounts, from: number, to: number): void {
  const { post, pre, periods, prePlacement, preBenefit } = out;
  const person = units.person;
  const refWeek = units.refWeek;
  const weekStart = panel.weekStart;
  const nw = panel.nWeeks;
  const st = panel.status;
  const W = packedWeights();
  const W1 = W.subarray(256, 512);
  const nOut = OUTCOMES.length;
  const postCols = OUTCOMES.map((o) => post[o]);
  const preCols = OUTCOMES.map((o) => pre[o]);
  const field = (a0: number, a1: number, f: number): number => ((f < PER_ACC ? a0 : a1) >>> (FIELD_BITS * (f % PER_ACC))) & 63;
  // The employment outcome (employment + IGU) is the one counted per 4-week period.
  const E = OUTCOMES.indexOf('employment');
  for (let i = from; i < to; i++) {
    const row = (person[i] ?? 0) * nw;
    const c0 = (refWeek[i] ?? 0) - weekStart;
    // Post window, weeks 0..51 (outside the panel counts as none); the employment field's
    // growth over each 4 weeks is that period's employment weeks.
    let a0 = 0;
    let a1 = 0;
    const pOff = i * N_PERIODS;
    let before = 0;
    if (c0 >= 0 && c0 + WINDOW_WEEKS <= nw) {
      let w = row + c0;
      for (let q = 0; q < N_PERIODS; q++) {
        for (let e = w + PERIOD_WEEKS; w < e; w++) {
          const s = st[w] as number;
          a0 += W[s] as number;
          a1 += W1[s] as number;
        }
        const e = field(a0, a1, E);
        periods[pOff + q] = e - before;
        before = e;
      }
    } else {
      for (let q = 0; q < N_PERIODS; q++) {
        for (let j = 0; j < PERIOD_WEEKS; j++) {
          const c = c0 + q * PERIOD_WEEKS + j;
          const s = c >= 0 && c < nw ? (st[row + c] as number) : 0;
          a0 += W[s] as number;
          a1 += W1[s] as number;
        }
        const e = field(a0, a1, E);
        periods[pOff + q] = e - before;
        before = e;
      }
    }
    for (let o = 0; o < nOut; o++) (postCols[o] as Uint8Array)[i] = field(a0, a1, o);
    // Pre window, weeks -52..-1.
    a0 = 0;
    a1 = 0;
    const b = c0 - WINDOW_WEEKS;
    if (b >= 0 && b + WINDOW_WEEKS <= nw) {
      for (let w = row + b, e = w + WINDOW_WEEKS; w < e; w++) {
        const s = st[w] as number;
        a0 += W[s] as number;
        a1 += W1[s] as number;
      }
    } else {
      for (let w = 0; w < WINDOW_WEEKS; w++) {
        const c = b + w;
        const s = c >= 0 && c < nw ? (st[row + c] as number) : 0;
        a0 += W[s] as number;
        a1 += W1[s] as number;
      }
    }
    for (let o = 0; o < nOut; o++) (preCols[o] as Uint8Array)[i] = field(a0, a1, o);
    prePlacement[i] = field(a0, a1, PLACEMENT_FIELD);
    preBenefit[i] = field(a0, a1, BENEFIT_FIELD);
  }
}

/** Shares (count / denominator) of the selected rows as a Float64Array. */
export function shares(counts: Uint8Array, rows: Int32Array, denominator: number): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = (counts[rows[i] ?? 0] ?? 0) / denominator;
  return out;
}
