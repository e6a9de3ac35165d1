import { denseIds } from './dense-ids.ts';
import { quantileSorted } from './quantile.ts';
import { createRng } from './rng.ts';

/** Options for `bootstrap`. */
export interface BootstrapOptions {
  /** Cluster id per unit (length nUnits): resample whole clusters with replacement. */
  clusters?: Int32Array;
  /** Confidence level of the percentile interval (default 0.95). */
  level?: number;
}

/** Result of `bootstrap`. */
export interface BootstrapResult {
  /** Finite replicate values, in replicate order. */
  values: Float64Array;
  /** Standard deviation (n - 1) of the finite replicates; NaN with fewer than 2. */
  se: number;
  /** Percentile interval bounds (type-7 quantiles at (1 - level)/2 and 1 - (1 - level)/2). */
  ciLow: number;
  ciHigh: number;
  /** Replicates whose statistic was not finite (dropped from values). */
  failed: number;
}

/**
 * Seeded nonparametric bootstrap. Each of `reps` replicates draws nUnits unit indices
 * uniformly with replacement (or, with `clusters`, draws G clusters with replacement and
 * concatenates all units of each drawn cluster) using `createRng(seed)` (xoshiro128**), and
 * calls `statistic(indices)`. The indices array is reused between calls: copy it if kept.
 * Replicates returning a non-finite value are dropped and counted in `failed`.
 *
 * @example
 * const x = new Float64Array([1, 2, 3, 4, 5]);
 * const mean = (idx: Int32Array) => idx.reduce((s, i) => s + x[i]!, 0) / idx.length;
 * bootstrap(5, 1000, 7, mean); // { values, se ≈ 0.63, ciLow ≈ 1.8, ciHigh ≈ 4.2, failed: 0 }
 */
export function bootstrap(
  nUnits: number,
  reps: number,
  seed: number,
  statistic: (indices: Int32Array) => number,
  opts: BootstrapOptions = {},
): BootstrapResult {
  if (!Number.isInteger(nUnits) || nUnits < 1) throw new RangeError(`bootstrap: nUnits must be a positive integer, got ${nUnits}`);
  if (!Number.isInteger(reps) || reps < 1) throw new RangeError(`bootstrap: reps must be a positive integer, got ${reps}`);
  if (typeof statistic !== 'function') throw new TypeError('bootstrap: statistic must be a function');
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap: level must be in (0, 1), got ${level}`);
  const rand = createRng(seed);
  const values: number[] = [];
  let failed = 0;

  let draw: () => Int32Array;
  const { clusters } = opts;
  if (clusters !== undefined) {
    if (!(clusters instanceof Int32Array) || clusters.length !== nUnits) {
      throw new RangeError(`bootstrap: clusters must be an Int32Array of length ${nUnits}`);
    }
    // Members of each cluster (dense cluster index in order of first appearance).
    const { index: gOf, count: G } = denseIds(clusters);
    const start = new Int32Array(G + 1);
    for (let i = 0; i < nUnits; i++) {
      const g1 = (gOf[i] as number) + 1;
      start[g1] = (start[g1] as number) + 1;
    }
    for (let g = 0; g < G; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
    const members = new Int32Array(nUnits);
    const fill = start.slice(0, G);
    for (let i = 0; i < nUnits; i++) {
      const g = gOf[i] as number;
      members[fill[g] as number] = i;
      fill[g] = (fill[g] as number) + 1;
    }
    const picks = new Int32Array(G);
    draw = () => {
      let len = 0;
      for (let k = 0; k < G; k++) {
        const g = Math.floor(rand() * G);
        picks[k] = g;
        len += (start[g + 1] as number) - (start[g] as number);
      }
      const idx = new Int32Array(len);
      let pos = 0;
      for (let k = 0; k < G; k++) {
        const g = picks[k] as number;
        for (let j = start[g] as number; j < (start[g + 1] as number); j++) idx[pos++] = members[j] as number;
      }
      return idx;
    };
  } else {
    const idx = new Int32Array(nUnits);
    draw = () => {
      for (let k = 0; k < nUnits; k++) idx[k] = Math.floor(rand() * nUnits);
      return idx;
    };
  }

  for (let r = 0; r < reps; r++) {
    const v = statistic(draw());
    if (Number.isFinite(v)) values.push(v);
    else failed++;
  }
  const out = Float64Array.from(values);
  const m = out.length;
  let mean = 0;
  for (let i = 0; i < m; i++) mean += out[i] as number;
  mean /= m || 1;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += ((out[i] as number) - mean) ** 2;
  const se = m > 1 ? Math.sqrt(ss / (m - 1)) : Number.NaN;
  const sorted = out.slice().sort();
  const a = (1 - level) / 2;
  return { values: out, se, ciLow: quantileSorted(sorted, a), ciHigh: quantileSorted(sorted, 1 - a), failed };
}
