// FIP item validity (issue 11, FORMATS.md "FIP analysis files"): for each item and each index of
// the instrument, a logit of employment within 6 months on the round-1 value (intercept + value,
// complete cases) with its odds ratio, Wald 95 % CI, p and AUC; Cronbach's alpha per index.
// Pure: the data comes in as arrays (answers-csv.ts / outcomes-csv.ts read the files' text).
import type { Instrument, Respondent } from '../../domain/fip/instrument.ts';
import { auc } from '../../stats/auc.ts';
import { cronbachAlpha } from '../../stats/cronbach.ts';
import { confidenceInterval, twoSidedP } from '../../stats/distributions.ts';
import { logisticRegression } from '../../stats/logistic-regression.ts';
import { fipWarning, warningSentence, type FipWarning, type Subject } from './warnings.ts';

/** Below this many complete cases, or this many of the rarer outcome, a model gets `small_sample`. */
export const SMALL_N = 30;
export const SMALL_EVENTS = 10;

/** What the models are fitted on: one row per person, one column per instrument item. */
export interface ValidityData {
  /** Person ids (row order). */
  persons: readonly string[];
  /** The item ids of the columns: the instrument's items, in instrument order. */
  itemIds: readonly string[];
  /** Round-1 values, persons × items row-major; NaN = no numeric answer (don't know, or not asked). */
  round1: Float64Array;
  /** Employed within 6 months after round 1 (0/1), per person. */
  employed: Uint8Array;
  /** Persons with answers in later rounds only (not in `persons`' round-1 values: counted for a warning). */
  withoutRoundOne: number;
}

/** One model's numbers; null where a number cannot be computed (FORMATS.md keys, jobvej's CI/p for indices). */
export interface ModelNumbers {
  n: number;
  log_odds: number | null;
  se: number | null;
  odds_ratio: number | null;
  ci_low: number | null;
  ci_high: number | null;
  p_value: number | null;
  auc: number | null;
}

export interface ItemValidity extends ModelNumbers {
  item_id: string;
  respondent: Respondent;
}

export interface IndexValidity extends ModelNumbers {
  index: string;
  items: string[];
  /** Cronbach's alpha of the index's items on its complete cases; null for a one-item index. */
  alpha: number | null;
}

export interface FipValidity {
  items: ItemValidity[];
  indices: IndexValidity[];
  warnings: FipWarning[];
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Logit of y on [1, x] and the AUC of x, with the warnings the fit raises. `x` holds the complete
 * cases only. AUC is that of the value itself (higher value = more likely employed), so it is
 * below 0.5 for a value that runs against employment, and is reported even when the logit's
 * estimate does not exist (separation) or is not defined (no variation: AUC 0.5).
 */
export function fitValue(x: Float64Array, y: Uint8Array, subject: Subject): { numbers: ModelNumbers; warnings: FipWarning[] } {
  const n = x.length;
  const warnings: FipWarning[] = [];
  const numbers: ModelNumbers = { n, log_odds: null, se: null, odds_ratio: null, ci_low: null, ci_high: null, p_value: null, auc: null };
  if (n === 0) {
    warnings.push(fipWarning('no_data', subject));
    return { numbers, warnings };
  }
  let employed = 0;
  for (let i = 0; i < n; i++) employed += y[i] as number;
  if (employed === 0 || employed === n) {
    warnings.push(fipWarning('outcome_constant', { ...subject, n, employed }));
    return { numbers, warnings };
  }
  numbers.auc = finiteOrNull(auc(x, y));
  const first = x[0] as number;
  let constant = true;
  for (let i = 1; i < n && constant; i++) if ((x[i] as number) !== first) constant = false;
  if (constant) {
    warnings.push(fipWarning('no_variation', { ...subject, n, value: first }));
    return { numbers, warnings };
  }
  if (n < SMALL_N || Math.min(employed, n - employed) < SMALL_EVENTS) {
    warnings.push(fipWarning('small_sample', { ...subject, n, employed, min_n: SMALL_N, min_events: SMALL_EVENTS }));
  }
  // The logit on one value is fitted on its distinct values (7 for an item, a few dozen for an
  // index mean) as a grouped binomial: y the share employed, weights the counts. The likelihood
  // is the ungrouped one's up to a constant, so the estimate and its SE are the same, in
  // microseconds instead of passes over every person.
  const groups = new Map<number, [number, number]>();
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const g = groups.get(v);
    if (g === undefined) groups.set(v, [1, y[i] as number]);
    else {
      g[0]++;
      g[1] += y[i] as number;
    }
  }
  const m = groups.size;
  const X = new Float64Array(2 * m);
  const share = new Float64Array(m);
  const count = new Float64Array(m);
  let r = 0;
  for (const [v, [c, e]] of groups) {
    X[2 * r] = 1;
    X[2 * r + 1] = v;
    share[r] = e / c;
    count[r] = c;
    r++;
  }
  const fit = logisticRegression(X, share, m, 2, { weights: count });
  if (fit.separation) {
    warnings.push(fipWarning('separation', { ...subject, n }));
    return { numbers, warnings };
  }
  if (!fit.converged) {
    warnings.push(fipWarning('not_converged', { ...subject, n, iterations: fit.iterations }));
    return { numbers, warnings };
  }
  const b = fit.coef[1] as number;
  const se = fit.se[1] as number;
  numbers.log_odds = finiteOrNull(b);
  numbers.se = finiteOrNull(se);
  numbers.odds_ratio = finiteOrNull(Math.exp(b));
  if (Number.isFinite(se)) {
    const [lo, hi] = confidenceInterval(b, se);
    numbers.ci_low = finiteOrNull(Math.exp(lo));
    numbers.ci_high = finiteOrNull(Math.exp(hi));
    numbers.p_value = finiteOrNull(twoSidedP(b / se));
  }
  return { numbers, warnings };
}

/**
 * Item validity per item and per index of `instrument` (items in instrument order; indices in
 * the instrument's order, each with every item that names it, citizen's and caseworker's).
 * Complete cases: for an item, the persons with a numeric round-1 answer; for an index, the
 * persons with a numeric round-1 answer to every item of the index (the index value is their
 * mean, alpha is computed on the same persons).
 */
export function fipValidity(data: ValidityData, instrument: Instrument): FipValidity {
  const p = data.itemIds.length;
  const nPersons = data.persons.length;
  if (data.round1.length !== nPersons * p) throw new RangeError(`fipValidity: round1 must hold ${nPersons} × ${p} values, got ${data.round1.length}`);
  if (data.employed.length !== nPersons) throw new RangeError(`fipValidity: employed must have length ${nPersons}, got ${data.employed.length}`);
  const column = new Map(data.itemIds.map((id, j) => [id, j]));
  const warnings: FipWarning[] = [];
  if (data.withoutRoundOne > 0) warnings.push(fipWarning('no_round_one', { count: data.withoutRoundOne }));

  const items: ItemValidity[] = [];
  for (const item of instrument.items) {
    const j = column.get(item.id);
    const xs: number[] = [];
    const ys: number[] = [];
    if (j !== undefined) {
      for (let i = 0; i < nPersons; i++) {
        const v = data.round1[i * p + j] as number;
        if (Number.isNaN(v)) continue;
        xs.push(v);
        ys.push(data.employed[i] as number);
      }
    }
    const fit = fitValue(Float64Array.from(xs), Uint8Array.from(ys), { kind: 'item', subject: item.id });
    items.push({ item_id: item.id, respondent: item.respondent, ...fit.numbers });
    warnings.push(...fit.warnings);
  }

  const indices: IndexValidity[] = [];
  for (const def of instrument.indices) {
    const members = instrument.items.filter((item) => item.index === def.id).map((item) => item.id);
    const cols = members.map((id) => column.get(id));
    const k = members.length;
    const block: number[] = [];
    const means: number[] = [];
    const ys: number[] = [];
    if (k > 0 && cols.every((c) => c !== undefined)) {
      const cs = cols as number[];
      for (let i = 0; i < nPersons; i++) {
        let sum = 0;
        let complete = true;
        for (let a = 0; a < k; a++) {
          const v = data.round1[i * p + (cs[a] as number)] as number;
          if (Number.isNaN(v)) {
            complete = false;
            break;
          }
          sum += v;
        }
        if (!complete) continue;
        for (let a = 0; a < k; a++) block.push(data.round1[i * p + (cs[a] as number)] as number);
        means.push(sum / k);
        ys.push(data.employed[i] as number);
      }
    }
    const n = means.length;
    const alpha = k >= 2 && n >= 2 ? finiteOrNull(cronbachAlpha(Float64Array.from(block), n, k)) : null;
    const fit = fitValue(Float64Array.from(means), Uint8Array.from(ys), { kind: 'index', subject: def.id });
    indices.push({ index: def.id, items: members, alpha, ...fit.numbers });
    warnings.push(...fit.warnings);
  }
  return { items, indices, warnings };
}

/**
 * The fip-validity JSON (FORMATS.md): its keys first, in its order — items (item_id, respondent,
 * n, log_odds, se, odds_ratio, ci_low, ci_high, p_value, auc), indices (index, items, alpha, n,
 * log_odds, se, odds_ratio, auc), warnings (English sentences) — then jobvej's additions: an
 * index's ci_low, ci_high and p_value, and `warning_details` (one {code, params} per warning, same
 * order; decision 013's pattern).
 */
export function toValidityJson(v: FipValidity): string {
  const out = {
    items: v.items.map((r) => ({
      item_id: r.item_id,
      respondent: r.respondent,
      n: r.n,
      log_odds: r.log_odds,
      se: r.se,
      odds_ratio: r.odds_ratio,
      ci_low: r.ci_low,
      ci_high: r.ci_high,
      p_value: r.p_value,
      auc: r.auc,
    })),
    indices: v.indices.map((r) => ({
      index: r.index,
      items: r.items,
      alpha: r.alpha,
      n: r.n,
      log_odds: r.log_odds,
      se: r.se,
      odds_ratio: r.odds_ratio,
      auc: r.auc,
      ci_low: r.ci_low,
      ci_high: r.ci_high,
      p_value: r.p_value,
    })),
    warnings: v.warnings.map(warningSentence),
    warning_details: v.warnings.map((w) => ({ code: w.code, params: w.params })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
