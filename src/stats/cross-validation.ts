import { auc } from './auc.ts';
import { logisticRegression } from './logistic-regression.ts';
import { createRng } from './rng.ts';

/**
 * Stratified k-fold assignment in row order: scikit-learn's `StratifiedKFold(k, shuffle=False)`
 * exactly (its `_make_test_folds`): classes are numbered by first appearance; the sorted class
 * labels are dealt to the folds round-robin to fix how many of each class each fold gets; then
 * each class's rows, in order, take fold 0's share, then fold 1's, and so on. Returns the fold
 * (0..k-1) of each row. Throws RangeError when a class has fewer than k rows (as scikit-learn
 * does for every class: it warns; a fold without a class has no AUC, so here it is an error).
 */
export function stratifiedFoldsInOrder(y: Uint8Array, k: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new RangeError('stratifiedFolds: k must be an integer >= 2');
  const n = y.length;
  // Classes by first appearance (0/1 labels: at most two).
  const code = new Int32Array(2).fill(-1);
  let classes = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (v > 1) throw new RangeError(`stratifiedFolds: y must be 0 or 1 (y[${i}] = ${v})`);
    if ((code[v] as number) < 0) code[v] = classes++;
  }
  const counts = new Int32Array(classes);
  for (let i = 0; i < n; i++) (counts[code[y[i] as number] as number] as number)++;
  for (let c = 0; c < classes; c++) if ((counts[c] as number) < k) throw new RangeError(`stratifiedFolds: a class has ${counts[c]} rows, fewer than k = ${k}`);
  // allocation[f][c] = how many of the sorted encoded labels y_order[f::k] are class c.
  const allocation: Int32Array[] = Array.from({ length: k }, () => new Int32Array(classes));
  let pos = 0;
  for (let c = 0; c < classes; c++) {
    for (let j = 0; j < (counts[c] as number); j++, pos++) (allocation[pos % k] as Int32Array)[c]! += 1;
  }
  const folds = new Int32Array(n);
  const fold = new Int32Array(classes);
  const left = Int32Array.from({ length: classes }, (_, c) => (allocation[0] as Int32Array)[c] as number);
  for (let i = 0; i < n; i++) {
    const c = code[y[i] as number] as number;
    while ((left[c] as number) === 0) {
      fold[c]! += 1;
      left[c] = (allocation[fold[c] as number] as Int32Array)[c] as number;
    }
    folds[i] = fold[c] as number;
    left[c]! -= 1;
  }
  return folds;
}

/**
 * Seeded stratified k-fold assignment: the rows are put in a random order (Fisher–Yates with
 * `createRng(seed)`), and `stratifiedFoldsInOrder` assigns folds in that order. The same labels
 * in the same row order and the same seed give the same folds on every platform.
 */
export function stratifiedFolds(y: Uint8Array, k: number, seed: number): Int32Array {
  const n = y.length;
  const rand = createRng(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  const shuffled = new Uint8Array(n);
  for (let i = 0; i < n; i++) shuffled[i] = y[order[i] as number] as number;
  const inOrder = stratifiedFoldsInOrder(shuffled, k);
  const folds = new Int32Array(n);
  for (let i = 0; i < n; i++) folds[order[i] as number] = inOrder[i] as number;
  return folds;
}

/** Result of `crossValidatedLogitAuc`. */
export interface CrossValidatedAuc {
  /** The AUC of each fold's out-of-fold predictions (a fit on the other folds), fold order. */
  foldAuc: Float64Array;
  /** The mean of `foldAuc` (what scikit-learn's cross_val_score(scoring='roc_auc') averages); NaN when any fold failed. */
  auc: number;
  /** Each row's probability from the fit without its fold. */
  outOfFold: Float64Array;
  /** False when a fold's fit did not converge, separated or was singular (then `auc` is NaN). */
  ok: boolean;
}

/**
 * Cross-validated AUC of a logistic regression (row-major X, n×p, with its intercept column):
 * for each fold f of `folds` (values 0..k-1), `logisticRegression` on the rows of the other folds,
 * the probabilities of fold f's rows from it, and their AUC; the CV AUC is the mean over folds.
 */
export function crossValidatedLogitAuc(X: Float64Array, y: Uint8Array, n: number, p: number, folds: Int32Array, k: number): CrossValidatedAuc {
  if (folds.length !== n || y.length !== n || X.length !== n * p) throw new RangeError('crossValidatedLogitAuc: X, y and folds must describe the same n rows');
  const foldAuc = new Float64Array(k).fill(Number.NaN);
  const outOfFold = new Float64Array(n).fill(Number.NaN);
  let ok = true;
  for (let f = 0; f < k; f++) {
    let nTrain = 0;
    for (let i = 0; i < n; i++) if ((folds[i] as number) !== f) nTrain++;
    const Xt = new Float64Array(nTrain * p);
    const yt = new Float64Array(nTrain);
    let r = 0;
    for (let i = 0; i < n; i++) {
      if ((folds[i] as number) === f) continue;
      Xt.set(X.subarray(i * p, (i + 1) * p), r * p);
      yt[r++] = y[i] as number;
    }
    let coef: Float64Array;
    try {
      const fit = logisticRegression(Xt, yt, nTrain, p, { covariance: false });
      if (!fit.converged || fit.separation) {
        ok = false;
        continue;
      }
      coef = fit.coef;
    } catch {
      ok = false;
      continue;
    }
    const scores: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < n; i++) {
      if ((folds[i] as number) !== f) continue;
      let eta = 0;
      for (let a = 0; a < p; a++) eta += (X[i * p + a] as number) * (coef[a] as number);
      const prob = 1 / (1 + Math.exp(-eta));
      outOfFold[i] = prob;
      scores.push(prob);
      labels.push(y[i] as number);
    }
    foldAuc[f] = auc(Float64Array.from(scores), Uint8Array.from(labels));
    if (Number.isNaN(foldAuc[f] as number)) ok = false;
  }
  let sum = 0;
  for (let f = 0; f < k; f++) sum += foldAuc[f] as number;
  return { foldAuc, auc: ok ? sum / k : Number.NaN, outOfFold, ok };
}
