import { normalQuantile } from './distributions.ts';

/** A logistic model's probability for one covariate vector, with its interval. */
export interface LogitPrediction {
  /** Linear predictor x'b. */
  eta: number;
  /** Its standard error sqrt(x' V x) (delta method on the linear predictor). */
  se: number;
  probability: number;
  low: number;
  high: number;
}

/**
 * The probability 1 / (1 + exp(-x'b)) and its `level` interval by the delta method on the
 * linear predictor: eta ± z · sqrt(x' V x), then the logistic transform of both ends (so the
 * interval stays inside 0..1 and is asymmetric around the probability). `cov` is p×p row-major.
 */
export function logitPrediction(x: ArrayLike<number>, coef: ArrayLike<number>, cov: ArrayLike<number>, level = 0.95): LogitPrediction {
  const p = coef.length;
  if (x.length !== p || cov.length !== p * p) throw new RangeError(`logitPrediction: x must have length ${p} and cov ${p * p}`);
  if (!(level > 0 && level < 1)) throw new RangeError('logitPrediction: level must lie in (0, 1)');
  let eta = 0;
  let v = 0;
  for (let a = 0; a < p; a++) {
    eta += (x[a] as number) * (coef[a] as number);
    let row = 0;
    for (let b = 0; b < p; b++) row += (cov[a * p + b] as number) * (x[b] as number);
    v += (x[a] as number) * row;
  }
  const se = Math.sqrt(Math.max(v, 0));
  const z = normalQuantile(0.5 + level / 2);
  const expit = (t: number) => 1 / (1 + Math.exp(-t));
  return { eta, se, probability: expit(eta), low: expit(eta - z * se), high: expit(eta + z * se) };
}
