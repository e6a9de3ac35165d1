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

/** The outcome counts of units [from, to) into `out` (each unit's entries depend on that unit only). */
export function fillOutcomes(units: Pick<Units, 'person' | 'refWeek'>, panel: Panel, out: OutcomeCounts, from: number, to: number): void {
  const { post, pre, periods, prePlacement, preBenefit } = out;
  const counts = new Int32Array(16);
  const nw = panel.nWeeks;
  const st = panel.status;
  const outs = OUTCOMES.map((o) => [post[o], pre[o], OUTCOME_STATUSES[o]] as const);
  const employed = new Uint8Array(256);
  employed[S.employment] = 1;
  employed[S.igu] = 1;
  const tally = (row: number, from: number): void => {
    counts.fill(0);
    for (let w = 0; w < WINDOW_WEEKS; w++) {
      const c = from + w;
      counts[c >= 0 && c < nw ? (st[row + c] ?? 0) : 0]!++;
    }
  };
  for (let i = from; i < to; i++) {
    const row = (units.person[i] ?? 0) * nw;
    const c0 = (units.refWeek[i] ?? 0) - panel.weekStart;
    tally(row, c0);
    for (const [p, , codes] of outs) {
      let k = 0;
      for (const c of codes) k += counts[c] ?? 0;
      p[i] = k;
    }
    for (let q = 0; q < N_PERIODS; q++) {
      let k = 0;
      for (let w = 0; w < PERIOD_WEEKS; w++) {
        const c = c0 + q * PERIOD_WEEKS + w;
        if (c >= 0 && c < nw) k += employed[st[row + c] ?? 0] ?? 0;
      }
      periods[i * N_PERIODS + q] = k;
    }
    tally(row, c0 - WINDOW_WEEKS);
    for (const [, q, codes] of outs) {
      let k = 0;
      for (const c of codes) k += counts[c] ?? 0;
      q[i] = k;
    }
    prePlacement[i] = (counts[S.praktik_private] ?? 0) + (counts[S.praktik_public] ?? 0);
    preBenefit[i] = (counts[S.integration_benefit] ?? 0) + (counts[S.other_benefit] ?? 0);
  }
}

/** Shares (count / denominator) of the selected rows as a Float64Array. */
export function shares(counts: Uint8Array, rows: Int32Array, denominator: number): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = (counts[rows[i] ?? 0] ?? 0) / denominator;
  return out;
}
