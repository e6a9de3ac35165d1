// Propensity score model: logit of participation on the design matrix.
import { logisticRegression, type LogisticResult } from '../../stats/index.ts';

export interface ScoreModel {
  /** Propensity scores (fitted probabilities). */
  score: Float64Array;
  /** Linear predictor (logit of the score). */
  logit: Float64Array;
  fit: LogisticResult;
}

export function fitScoreModel(X: Float64Array, treated: Uint8Array, n: number, p: number): ScoreModel {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = treated[i] ?? 0;
  const fit = logisticRegression(X, y, n, p);
  return { score: fit.fitted, logit: fit.eta, fit };
}
