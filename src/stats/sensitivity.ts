import { normalQuantile } from './distributions.ts';

/**
 * Rosenbaum's sensitivity bound for the Wilcoxon signed-rank test of matched pairs (Rosenbaum
 * 2002, §4.3; as R's rbounds `psens`, with zero differences dropped and tied |differences| given
 * their average rank): the Γ at which the upper bound of the one-sided p-value, in the direction of
 * the differences' signed-rank statistic, reaches `alpha`. Under hidden bias Γ each pair's sign is
 * positive with probability at most p⁺ = Γ/(1+Γ), so the statistic T (the sum of the ranks of the
 * differences on the effect's side) has mean p⁺ Σr and variance p⁺(1−p⁺) Σr² at the bound
 * (normal approximation); the Γ solves (T − p⁺Σr) / √(p⁺(1−p⁺)Σr²) = z_{1−alpha} in closed form.
 *
 * `side`: 1 for an effect above 0 (T the ranks of the positive differences), −1 below.
 * Returns null when the test is not significant at Γ = 1 (no hidden bias needed to explain the
 * effect away) or no difference is non-zero; otherwise a finite Γ ≥ 1 (even when every difference
 * is on the effect's side). |differences| equal to 12 decimals count as ties.
 *
 * @example
 * rosenbaumGamma(Float64Array.from([0.2, 0.1, 0.3, -0.05, 0.4, 0.25, 0.15, 0.35]), 1, 0.05);
 */
export function rosenbaumGamma(diffs: Float64Array, side: 1 | -1, alpha: number): number | null {
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`rosenbaumGamma: alpha must be in (0, 0.5), got ${alpha}`);
  // |d| rounded to 12 decimals, those on the effect's side marked, ordered by |d|.
  let m = 0;
  for (const d of diffs) if (d !== 0 && Number.isFinite(d)) m++;
  if (m === 0) return null;
  const abs = new Float64Array(m);
  const onSide = new Uint8Array(m);
  const order = new Int32Array(m);
  for (let i = 0, j = 0; i < diffs.length; i++) {
    const d = diffs[i] as number;
    if (d === 0 || !Number.isFinite(d)) continue;
    abs[j] = Math.round(Math.abs(d) * 1e12) / 1e12;
    onSide[j] = (d > 0 ? 1 : -1) === side ? 1 : 0;
    order[j] = j;
    j++;
  }
  order.sort((a, b) => (abs[a] as number) - (abs[b] as number));
  // Average ranks over ties: T, Σr and Σr².
  let T = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < m; ) {
    let j = i;
    while (j + 1 < m && abs[order[j + 1] as number] === abs[order[i] as number]) j++;
    const r = (i + 1 + (j + 1)) / 2;
    for (let k = i; k <= j; k++) {
      s1 += r;
      s2 += r * r;
      if (onSide[order[k] as number]) T += r;
    }
    i = j + 1;
  }
  const z = normalQuantile(1 - alpha);
  // Significant at Γ = 1?
  if (!((T - 0.5 * s1) / Math.sqrt(0.25 * s2) >= z)) return null;
  // (s1² + z² s2) q² − (2 T s1 + z² s2) q + T² = 0, the root with T − q s1 ≥ 0 (the smaller).
  const a = s1 * s1 + z * z * s2;
  const b = -(2 * T * s1 + z * z * s2);
  const c = T * T;
  const disc = Math.max(0, b * b - 4 * a * c);
  // Smaller root, written to avoid cancellation: q = 2c / (−b + √disc).
  const q = (2 * c) / (-b + Math.sqrt(disc));
  return q / (1 - q);
}

/**
 * VanderWeele & Ding's (2017) E-value of a risk ratio: the minimum strength of association (on
 * the risk-ratio scale) an unmeasured confounder would need with both treatment and outcome to
 * explain the ratio away, RR + √(RR (RR − 1)) for RR ≥ 1 (1/RR first when RR < 1). Null for a
 * ratio that is not positive and finite.
 *
 * @example eValue(2); // 3.414213562373095
 */
export function eValue(rr: number): number | null {
  if (!(rr > 0) || !Number.isFinite(rr)) return null;
  const r = rr >= 1 ? rr : 1 / rr;
  return r + Math.sqrt(r * (r - 1));
}

/**
 * The E-value of a confidence interval's limit nearest the null (RR = 1): 1 when the interval
 * contains 1, else the E-value of that limit. `rr` is the point estimate, `low`/`high` the interval.
 */
export function eValueCi(rr: number, low: number, high: number): number | null {
  if (!(rr > 0) || !Number.isFinite(rr) || Number.isNaN(low) || Number.isNaN(high)) return null;
  if (low <= 1 && high >= 1) return 1;
  return eValue(rr >= 1 ? low : high);
}
