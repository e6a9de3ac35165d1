/**
 * Area under the ROC curve of `score` for the 0/1 labels `y`: the Mann–Whitney statistic
 * U / (n1 · n0), the probability that a random positive scores higher than a random negative,
 * a tie counting one half (midranks; the same number as scikit-learn's `roc_auc_score`, whose
 * trapezoidal ROC joins tied scores by a straight segment). Higher scores are read as "more
 * likely positive": a score that runs the other way gives an AUC below 0.5.
 *
 * Degenerate: NaN when there is no positive or no negative (the AUC is undefined; scikit-learn
 * raises). Throws RangeError on a length mismatch, a label other than 0/1 or a NaN score.
 * Cost: a sort of the positives' and of the negatives' scores, O(n log n), and one merge walk.
 *
 * @example
 * auc(new Float64Array([1, 2, 2, 3]), new Uint8Array([0, 0, 1, 1])); // 0.875
 */
export function auc(score: Float64Array, y: Uint8Array): number {
  if (!(score instanceof Float64Array)) throw new TypeError('auc: score must be a Float64Array');
  if (!(y instanceof Uint8Array)) throw new TypeError('auc: y must be a Uint8Array');
  const n = score.length;
  if (y.length !== n) throw new RangeError(`auc: y must have length ${n}, got ${y.length}`);
  let n1 = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i] as number;
    if (yi > 1) throw new RangeError(`auc: y must be 0 or 1 (y[${i}] = ${yi})`);
    if (Number.isNaN(score[i] as number)) throw new RangeError(`auc: score[${i}] is NaN`);
    n1 += yi;
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return Number.NaN;
  // The positives' and the negatives' scores, each sorted (the engine's numeric sort of a typed
  // array: no comparator, no index array), then one merge walk: a positive with score v beats the
  // negatives below v and ties with those equal to v (half each), so it adds lt + le to 2U, where
  // lt / le count the negatives < v / ≤ v. Counts are exact integers (n1 · n0 < 2^53 for any
  // realistic n), so the only rounding is the final division.
  const pos = new Float64Array(n1);
  const neg = new Float64Array(n0);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if ((y[i] as number) === 1) pos[a++] = (score[i] as number) + 0;
    else neg[b++] = (score[i] as number) + 0; // -0 → +0: one tie group
  }
  pos.sort();
  neg.sort();
  let lt = 0;
  let le = 0;
  let twiceU = 0;
  for (let k = 0; k < n1; k++) {
    const v = pos[k] as number;
    while (lt < n0 && (neg[lt] as number) < v) lt++;
    if (le < lt) le = lt;
    while (le < n0 && (neg[le] as number) <= v) le++;
    twiceU += lt + le;
  }
  return twiceU / (2 * n1 * n0);
}
