/** One group of a calibration table. */
export interface CalibrationGroup {
  n: number;
  events: number;
  /** Mean predicted probability of the group's rows. */
  predicted: number;
  /** Observed share of events among them. */
  observed: number;
}

/**
 * Calibration in `groups` quantile groups (deciles by default): the rows sorted by predicted
 * probability (ties by row order: a stable sort), split into `groups` consecutive parts as
 * numpy's `array_split` does (the first n % groups parts one row larger), and per part its
 * size, events, mean prediction and observed share. Fewer rows than groups give one group per row;
 * no rows give none.
 */
export function calibrationGroups(predicted: Float64Array, y: Uint8Array, groups = 10): CalibrationGroup[] {
  const n = predicted.length;
  if (y.length !== n) throw new RangeError(`calibrationGroups: y must have length ${n}`);
  if (!Number.isInteger(groups) || groups < 1) throw new RangeError('calibrationGroups: groups must be a positive integer');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (predicted[a] as number) - (predicted[b] as number) || a - b);
  const parts = Math.min(groups, n);
  const base = Math.floor(n / Math.max(parts, 1));
  const extra = n - base * parts;
  const out: CalibrationGroup[] = [];
  let at = 0;
  for (let g = 0; g < parts; g++) {
    const size = base + (g < extra ? 1 : 0);
    let sum = 0;
    let events = 0;
    for (let j = at; j < at + size; j++) {
      const i = order[j] as number;
      sum += predicted[i] as number;
      events += y[i] as number;
    }
    out.push({ n: size, events, predicted: sum / size, observed: events / size });
    at += size;
  }
  return out;
}
