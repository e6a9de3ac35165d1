import { denseIds } from './dense-ids.ts';
import { radixArgsort } from './radix-argsort.ts';

/** Options for `matchNearest`. */
export interface MatchNearestOptions {
  /** Score (e.g. propensity score or its logit) of each treated unit. */
  treatedScore: Float64Array;
  /** Score of each control unit. */
  controlScore: Float64Array;
  /** Exact-match stratum of each treated unit (give both strata or neither). */
  treatedStratum?: Int32Array;
  /** Exact-match stratum of each control unit. */
  controlStratum?: Int32Array;
  /** Controls per treated unit (default 1). */
  k?: number;
  /** Whether a control may be matched to several treated units (default true). */
  replacement?: boolean;
  /** Maximum |score difference| for a match, in score units (multiply by an SD yourself). */
  caliper?: number;
}

/** Result of `matchNearest`. */
export interface MatchNearestResult {
  /** nTreated·k control indices, row i = matches of treated i nearest first; -1 where none. */
  matches: Int32Array;
  /** Number of controls matched to each treated unit (0..k). */
  matchedCount: Int32Array;
  /** ATT weight of each control: sum over the treated it serves of 1 / matchedCount. */
  controlWeight: Float64Array;
  /** Matched-set id of each treated unit (its own index) or -1 when unmatched. */
  treatedSet: Int32Array;
  /**
   * Matched-set id of each control (the index of the treated unit it was matched to), -1 when
   * unused. Without replacement each control is in at most one set; with replacement a control
   * may serve several sets and this holds the lowest treated index — for cluster-robust SEs
   * with replacement, stack one row per (treated, match) pair from `matches` instead.
   */
  controlSet: Int32Array;
  /** The k used. */
  k: number;
}

/**
 * Nearest-neighbour matching on a scalar score, within exact strata, in O(n log n).
 *
 * Distance is |treatedScore - controlScore|. For each treated unit the k nearest eligible
 * controls are taken; ties in distance go to the lower control index. Controls farther than
 * `caliper` are never matched, so a treated unit may get fewer than k (or no) matches.
 * - With replacement (default): controls of each stratum are sorted once and each treated
 *   unit finds its neighbours by binary search, independently of the others.
 * - Without replacement: greedy, treated units in order of DESCENDING score (ties: lower
 *   index first), as MatchIt's `m.order = "largest"`; each takes its k nearest still-available
 *   controls, which then leave the pool. Available neighbours are found with union-find
 *   skip pointers, so the whole pass stays O(n log n).
 *
 * @example
 * const r = matchNearest({
 *   treatedScore: new Float64Array([0.30, 0.80]),
 *   controlScore: new Float64Array([0.10, 0.32, 0.75]),
 * });
 * // r.matches = [1, 2]; r.matchedCount = [1, 1]; r.controlWeight = [0, 1, 1]
 */
export function matchNearest(o: MatchNearestOptions): MatchNearestResult {
  const fn = 'matchNearest';
  const { treatedScore: ts, controlScore: cs } = o;
  if (!(ts instanceof Float64Array) || !(cs instanceof Float64Array)) {
    throw new TypeError(`${fn}: treatedScore and controlScore must be Float64Arrays`);
  }
  const nT = ts.length;
  const nC = cs.length;
  const k = o.k ?? 1;
  const replacement = o.replacement ?? true;
  const caliper = o.caliper;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`${fn}: k must be a positive integer, got ${k}`);
  if (caliper !== undefined && !(caliper >= 0)) throw new RangeError(`${fn}: caliper must be >= 0, got ${caliper}`);
  for (let i = 0; i < nT; i++) if (!Number.isFinite(ts[i] as number)) throw new RangeError(`${fn}: treatedScore[${i}] is not finite`);
  for (let j = 0; j < nC; j++) if (!Number.isFinite(cs[j] as number)) throw new RangeError(`${fn}: controlScore[${j}] is not finite`);
  const tStr = o.treatedStratum;
  const cStr = o.controlStratum;
  if ((tStr === undefined) !== (cStr === undefined)) throw new TypeError(`${fn}: give both treatedStratum and controlStratum, or neither`);
  if (tStr !== undefined && (!(tStr instanceof Int32Array) || tStr.length !== nT)) throw new RangeError(`${fn}: treatedStratum must be an Int32Array of length ${nT}`);
  if (cStr !== undefined && (!(cStr instanceof Int32Array) || cStr.length !== nC)) throw new RangeError(`${fn}: controlStratum must be an Int32Array of length ${nC}`);

  const matches = new Int32Array(nT * k).fill(-1);
  const matchedCount = new Int32Array(nT);

  // Controls grouped by stratum, each group sorted by (score, index): one stable radix argsort
  // of all control scores, then a stable split by stratum.
  const byScore = radixArgsort(cs);
  const { index: cGroup, count: nGroups } = cStr === undefined ? { index: new Int32Array(nC), count: nC > 0 ? 1 : 0 } : denseIds(cStr);
  const groupSize = new Int32Array(nGroups);
  for (let j = 0; j < nC; j++) groupSize[cGroup[j] as number]!++;
  const groupIdx = Array.from(groupSize, (size) => new Int32Array(size));
  const filled = new Int32Array(nGroups);
  for (let q = 0; q < nC; q++) {
    const j = byScore[q] as number;
    const g = cGroup[j] as number;
    (groupIdx[g] as Int32Array)[filled[g]!++] = j;
  }
  interface Pool { idx: Int32Array; score: Float64Array; right: Int32Array; left: Int32Array }
  const pools = new Map<number, Pool>();
  for (let g = 0; g < nGroups; g++) {
    const idx = groupIdx[g] as Int32Array;
    const m = idx.length;
    const s = cStr === undefined ? 0 : (cStr[idx[0] as number] as number);
    const score = new Float64Array(m);
    for (let q = 0; q < m; q++) score[q] = cs[idx[q] as number] as number;
    // Skip pointers (used without replacement): right[q] → first available >= q (m = none);
    // left[q + 1] → 1 + last available <= q (0 = none).
    const right = new Int32Array(replacement ? 0 : m + 1);
    const left = new Int32Array(replacement ? 0 : m + 1);
    for (let q = 0; q < right.length; q++) {
      right[q] = q;
      left[q] = q;
    }
    pools.set(s, { idx, score, right, left });
  }
  const findRight = (pool: Pool, q: number): number => {
    const r = pool.right;
    let root = q;
    while (r[root] !== root) root = r[root] as number;
    while (r[q] !== root) {
      const nx = r[q] as number;
      r[q] = root;
      q = nx;
    }
    return root;
  };
  const findLeft = (pool: Pool, q: number): number => {
    // q is a position (may be -1); works on shifted index q + 1.
    const l = pool.left;
    let x = q + 1;
    let root = x;
    while (l[root] !== root) root = l[root] as number;
    while (l[x] !== root) {
      const nx = l[x] as number;
      l[x] = root;
      x = nx;
    }
    return root - 1;
  };

  // Treated processing order.
  const order = new Int32Array(nT);
  for (let i = 0; i < nT; i++) order[i] = i;
  if (!replacement) order.sort((a, b) => (ts[b] as number) - (ts[a] as number) || a - b);

  const candIdx: number[] = [];
  const candPos: number[] = [];
  const candDist: number[] = [];
  const pick: number[] = [];
  for (let oi = 0; oi < nT; oi++) {
    const i = order[oi] as number;
    const pool = pools.get(tStr === undefined ? 0 : (tStr[i] as number));
    if (pool === undefined) continue;
    const x = ts[i] as number;
    const sc = pool.score;
    const m = sc.length;
    // lower bound: first position with score >= x
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sc[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    let l = replacement ? lo - 1 : findLeft(pool, lo - 1);
    let r = replacement ? lo : findRight(pool, lo);
    candIdx.length = 0;
    candPos.length = 0;
    candDist.length = 0;
    let kth = Infinity;
    for (;;) {
      const dl = l >= 0 ? x - (sc[l] as number) : Infinity;
      const dr = r < m ? (sc[r] as number) - x : Infinity;
      const d = Math.min(dl, dr);
      if (d === Infinity || (candIdx.length >= k && d > kth) || (caliper !== undefined && d > caliper)) break;
      let q: number;
      if (dl <= dr) {
        q = l;
        l = replacement ? l - 1 : findLeft(pool, l - 1);
      } else {
        q = r;
        r = replacement ? r + 1 : findRight(pool, r + 1);
      }
      candIdx.push(pool.idx[q] as number);
      candPos.push(q);
      candDist.push(d);
      if (candIdx.length === k) kth = d;
    }
    const c = candIdx.length;
    if (c === 0) continue;
    pick.length = 0;
    for (let t = 0; t < c; t++) pick.push(t);
    pick.sort((a, b) => (candDist[a] as number) - (candDist[b] as number) || (candIdx[a] as number) - (candIdx[b] as number));
    const take = Math.min(k, c);
    for (let t = 0; t < take; t++) {
      const ci = pick[t] as number;
      matches[i * k + t] = candIdx[ci] as number;
      if (!replacement) {
        const q = candPos[ci] as number;
        pool.right[q] = q + 1; // remove position q from the pool
        pool.left[q + 1] = q;
      }
    }
    matchedCount[i] = take;
  }

  const controlWeight = new Float64Array(nC);
  const treatedSet = new Int32Array(nT).fill(-1);
  const controlSet = new Int32Array(nC).fill(-1);
  for (let i = 0; i < nT; i++) {
    const c = matchedCount[i] as number;
    if (c === 0) continue;
    treatedSet[i] = i;
    for (let t = 0; t < c; t++) {
      const j = matches[i * k + t] as number;
      controlWeight[j] = (controlWeight[j] as number) + 1 / c;
      if (controlSet[j] === -1) controlSet[j] = i;
    }
  }
  return { matches, matchedCount, controlWeight, treatedSet, controlSet, k };
}
