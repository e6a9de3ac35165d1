import { radixArgsort } from './radix-argsort.ts';

/**
 * Area under the ROC curve of `score` for the 0/1 labels `y`: the Mann–Whitney statistic
 * U / (n1 · n0), the probability that a random positive scores higher than a random negative,
 * a tie counting one half (midranks; the same number as scikit-learn's `roc_auc_score`, whose
 * trapezoidal ROC joins tied scores by a straight segment). Higher scores are read as "more
 * likely positive": a score that runs the other way gives an AUC below 0.5.
 *
 * Degenerate: NaN when there is no positive or no negative (the AUC is undefined; scikit-learn
 * raises). Throws RangeError on a length mismatch, a label other than 0/1 or a NaN score.
 * Cost: one sort of the scores, O(n log n) (radix sort for large n).
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
  const order = radixArgsort(score);
  // Walk the tie groups in ascending order: each positive in a group beats every negative below
  // the group and ties with the group's negatives (half each). Counts are exact integers
  // (n1 · n0 < 2^53 for any realistic n), so the only rounding is the final division.
  let below0 = 0; // negatives in earlier (lower) groups
  let twiceU = 0; // 2U: integer
  let i = 0;
  while (i < n) {
    const v = score[order[i] as number] as number;
    let pos = 0;
    let neg = 0;
    let j = i;
    while (j < n && (score[order[j] as number] as number) === v) {
      if ((y[order[j] as number] as number) === 1) pos++;
      else neg++;
      j++;
    }
    twiceU += pos * (2 * below0 + neg);
    below0 += neg;
    i = j;
  }
  return twiceU / (2 * n1 * n0);
}
