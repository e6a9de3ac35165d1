import type { SparseRows } from './crossprod.ts';
import { logisticRegressionSparse, type LogisticOptions, type LogisticResult } from './logistic-regression.ts';

/** Options for `logisticRegressionSparseWarm`. */
export interface WarmStartOptions extends Omit<LogisticOptions, 'start' | 'weights'> {
  /** Rows the subsample aims at (default 50 000); no subsample below 4× this many rows. */
  subsampleRows?: number;
}

/** A column with fewer non-zeros than this many per subsample step keeps all its rows in the subsample. */
const RARE_PER_STEP = 50;

/**
 * The rows of a subsample for a starting value: every `step`-th row, plus every row that has
 * a non-zero in a rare column (fewer than RARE_PER_STEP × step non-zeros in all rows), so that
 * no column is left all zero (which would make the subsample's X'WX singular).
 */
function subsampleRows(S: SparseRows, n: number, p: number, step: number): Int32Array {
  const count = new Float64Array(p);
  for (let j = 0; j < S.idx.length; j++) count[S.idx[j] as number] = (count[S.idx[j] as number] as number) + 1;
  const rare = new Uint8Array(p);
  for (let a = 0; a < p; a++) rare[a] = (count[a] as number) < RARE_PER_STEP * step ? 1 : 0;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) {
    let take = i % step === 0;
    const end = S.ptr[i + 1] as number;
    for (let j = S.ptr[i] as number; !take && j < end; j++) take = rare[S.idx[j] as number] === 1;
    if (take) rows.push(i);
  }
  return Int32Array.from(rows);
}

/** The CSR rows `rows` of S as a new CSR matrix. */
function subsetRows(S: SparseRows, rows: Int32Array): SparseRows {
  const ptr = new Int32Array(rows.length + 1);
  let nnz = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    nnz += (S.ptr[i + 1] as number) - (S.ptr[i] as number);
    ptr[r + 1] = nnz;
  }
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const from = S.ptr[i] as number;
    const to = S.ptr[i + 1] as number;
    idx.set(S.idx.subarray(from, to), ptr[r] as number);
    val.set(S.val.subarray(from, to), ptr[r] as number);
  }
  return { ptr, idx, val };
}

/**
 * `logisticRegressionSparse` started from the fit on a subsample (every k-th row, about
 * `subsampleRows` of them, plus the rows of rare columns). Newton's method converges
 * quadratically, so from a start within a few standard errors of the optimum a large fit needs
 * 4–5 passes over the rows instead of ~9 from zero (6 M × 28: 16 s → 7–9 s on this machine). It
 * converges to the same maximum-likelihood estimate under the same criteria (including the
 * final polishing step of `logisticRegression`), so coefficients agree with the cold fit to
 * ~1e-11 relative and the linear predictor to ~1e-12 (measured at 6 M rows), not bit for bit.
 *
 * Small inputs (fewer than 4 × `subsampleRows` rows) are fitted from zero as before. When the
 * subsample cannot be fitted (separation, collinearity, no convergence), or the warm fit ends
 * in separation or without converging, the fit is done from zero, so the separation and
 * convergence diagnostics are exactly those of the cold fit.
 */
export function logisticRegressionSparseWarm(S: SparseRows, y: Float64Array, n: number, p: number, opts: WarmStartOptions = {}): LogisticResult {
  const { subsampleRows: target = 50_000, ...fitOpts } = opts;
  const step = Math.floor(n / target);
  if (step < 4) return logisticRegressionSparse(S, y, n, p, fitOpts);
  const rows = subsampleRows(S, n, p, step);
  const sy = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) sy[r] = y[rows[r] as number] as number;
  let start: Float64Array | undefined;
  try {
    const sub = logisticRegressionSparse(subsetRows(S, rows), sy, rows.length, p, { ...fitOpts, covariance: false });
    if (sub.converged && !sub.separation) start = sub.coef;
  } catch {
    // collinear on the subsample: no start value
  }
  if (start === undefined) return logisticRegressionSparse(S, y, n, p, fitOpts);
  const warm = logisticRegressionSparse(S, y, n, p, { ...fitOpts, start });
  if (warm.converged && !warm.separation) return warm;
  return logisticRegressionSparse(S, y, n, p, fitOpts);
}
