// Integer answers 1..7 whose expected value is a target mean: a latent normal (mean mu, sd s)
// rounded and clamped to the scale, with mu solved so that the discrete mean hits the target.

const SD = 1.1;

function phi(x: number): number {
  // Standard normal CDF via the Abramowitz–Stegun erf approximation (|error| < 1.5e-7).
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Expected value of clamp(round(mu + SD·Z), 1, 7). */
export function discreteMean(mu: number, sd = SD): number {
  let mean = 0;
  for (let v = 1; v <= 7; v++) {
    const lo = v === 1 ? 0 : phi((v - 0.5 - mu) / sd);
    const hi = v === 7 ? 1 : phi((v + 0.5 - mu) / sd);
    mean += v * (hi - lo);
  }
  return mean;
}

/** The latent mean mu whose discrete mean is `target` (bisection). */
export function latentFor(target: number, sd = SD): number {
  let lo = -5;
  let hi = 13;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (discreteMean(mid, sd) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** An answer from the latent mean and a standard-normal draw. */
export function answerFrom(mu: number, z: number, sd = SD): number {
  return Math.min(7, Math.max(1, Math.round(mu + sd * z)));
}
