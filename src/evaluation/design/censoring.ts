// Censoring of the `censored` design's controls at their own start (decisions 018 and 024): a
// discrete-time hazard of starting the programme, fitted once per run as a logit on person-weeks
// at risk, and from it each person's inverse probability of not having started yet.
//
// At risk in week t: arrived before t, not started before t, and in week t not employed, in IGU
// or in education (the statuses in which nobody becomes a participant, design/cohorts.ts
// eligible()). The event: the participant's start week. The hazard's terms, measured at t:
// gender, age, origin (the covariate table's rule: < 30 persons pooled, the most frequent the
// reference), the shares of the 52 weeks before t in employment, company placement and on
// benefit, years since arrival and calendar time; the employment share, years since arrival and
// calendar time each also as a natural cubic spline (src/stats natural-spline.ts, HAZARD_KNOTS
// knots at Harrell's quantiles of the fitted rows' values). Person-weeks: every start and, of
// the other person-weeks at risk, those a hash of (person, week) selects with probability
// 1/stride (stride chosen for about 20 per start, 20 000–200 000), weighted by the stride.
//
// A control unit of cohort c with reference week r is at risk of censoring from its cohort's
// next period's first week n_c on (a start before would have made it a participant of c), so
// its inverse survival at window week w is 1 for r + w < n_c and otherwise
//   1 / P(not started in n_c … r + w) = Π_{t = n_c}^{r+w} 1 / (1 − h(t)) = E(r + w) / E(n_c − 1),
// with E(t) = Π_{s ≤ t} (1 + exp η(s)) over the weeks at risk, kept per person (Float32).
import { logisticRegression, naturalSplineColumns, splineKnots } from '../../stats/index.ts';
import { mondayOfWeek, weekOfDay } from '../iso-week.ts';
import type { Panel } from '../panel.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { S } from '../statuses.ts';
import { MIN_CATEGORY_PERSONS } from './covariates.ts';
import { WINDOW_WEEKS, type Units } from './cohorts.ts';

/** Non-start person-weeks in the hazard fit: about NON_STARTS_PER_START per start, at least HAZARD_SAMPLE_MIN and at most HAZARD_SAMPLE_MAX (all starts come on top). */
export const NON_STARTS_PER_START = 20;
export const HAZARD_SAMPLE_MIN = 20_000;
export const HAZARD_SAMPLE_MAX = 200_000;
/** Knots of each spline term of the hazard. */
export const HAZARD_KNOTS = 4;

export interface HazardFit {
  names: string[];
  coef: number[];
  /** Starts (events) and non-start person-weeks in the fit, and the sampling stride of the latter. */
  events: number;
  nonEvents: number;
  stride: number;
  knots: Record<string, number[]>;
  converged: boolean;
}

export interface Survival {
  hazard: HazardFit;
  /** First week of E's span (t0); E(t0 − 1) = 1. */
  from: number;
  span: number;
  /** Per person × span: E(t) = Π_{s ≤ t} 1 / (1 − h(s)). */
  E: Float32Array;
  /** Per person its start week (participants) or a week past every window. */
  startWeek: Int32Array;
}

const NEVER = 1 << 30;

/** Status codes in which no one is at risk of starting. */
function blockedStatuses(): Uint8Array {
  const b = new Uint8Array(256);
  b[S.employment] = 1;
  b[S.igu] = 1;
  b[S.education] = 1;
  return b;
}

/** Per status: 1 bit employment (employment, IGU), 2 placement (company placement), 4 benefit — the covariate table's pre-window shares. */
function preBits(): Uint8Array {
  const m = new Uint8Array(256);
  m[S.employment] = 1;
  m[S.igu] = 1;
  m[S.praktik_private] = 2;
  m[S.praktik_public] = 2;
  m[S.integration_benefit] = 4;
  m[S.other_benefit] = 4;
  return m;
}

/** Origin dummies per person (index of its dummy, −1 the reference), by the covariate table's pooling rule. */
function originColumns(persons: Persons): { names: string[]; col: Int32Array } {
  const count = new Map<string, number>();
  for (let p = 0; p < persons.n; p++) count.set(persons.origin[p] ?? '', (count.get(persons.origin[p] ?? '') ?? 0) + 1);
  const level = (v: string): string => ((count.get(v) ?? 0) < MIN_CATEGORY_PERSONS ? 'other' : v);
  const pooled = new Map<string, number>();
  for (const [v, c] of count) pooled.set(level(v), (pooled.get(level(v)) ?? 0) + c);
  const levels = [...pooled.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
  const idx = new Map(levels.slice(1).map((v, i) => [v, i]));
  const col = Int32Array.from({ length: persons.n }, (_, p) => idx.get(level(persons.origin[p] ?? '')) ?? -1);
  return { names: levels.slice(1).map((v) => `origin=${v}`), col };
}

/**
 * Walk every person's weeks [from, to) with the rolling 52-week pre-window counts; `visit` gets
 * each week at risk (see the file comment) with the counts of employment, placement and benefit
 * weeks before it, and whether the person starts that week.
 */
function walkAtRisk(persons: Persons, panel: Panel, startWeek: Int32Array, arrivalWeek: Int32Array, from: number, to: number, visit: (p: number, t: number, kEmp: number, kPl: number, kBen: number, event: boolean) => void, onPerson?: (p: number) => void): void {
  const nw = panel.nWeeks;
  const st = panel.status;
  const blocked = blockedStatuses();
  const bits = preBits();
  const status = (row: number, t: number): number => {
    const c = t - panel.weekStart;
    return c >= 0 && c < nw ? (st[row + c] as number) : 0;
  };
  for (let p = 0; p < persons.n; p++) {
    onPerson?.(p);
    const row = p * nw;
    let kE = 0;
    let kP = 0;
    let kB = 0;
    for (let t = from - WINDOW_WEEKS; t < from; t++) {
      const b = bits[status(row, t)] as number;
      kE += b & 1;
      kP += (b >> 1) & 1;
      kB += (b >> 2) & 1;
    }
    const arr = arrivalWeek[p] as number;
    const sw = startWeek[p] as number;
    const last = Math.min(to, sw + 1);
    for (let t = from; t < last; t++) {
      const s = status(row, t);
      if (arr < t && blocked[s] === 0) visit(p, t, kE, kP, kB, t === sw);
      const b = bits[s] as number;
      const o = bits[status(row, t - WINDOW_WEEKS)] as number;
      kE += (b & 1) - (o & 1);
      kP += ((b >> 1) & 1) - ((o >> 1) & 1);
      kB += ((b >> 2) & 1) - ((o >> 2) & 1);
    }
  }
}

/** Deterministic sampling of (person, week): true for about 1 in `stride`. */
const sampled = (p: number, t: number, stride: number): boolean => stride <= 1 || ((Math.imul(p + 1, 0x9e3779b1) ^ Math.imul(t + 7, 0x85ebca77)) >>> 0) % stride === 0;

/** Spline basis columns as lookup tables over integer codes 0..n−1 (value = scale(code)). */
function splineTable(knots: number[], n: number, value: (code: number) => number): Float64Array[] {
  if (knots.length < 3) return [];
  const x = Float64Array.from({ length: n }, (_, c) => value(c));
  return naturalSplineColumns(x, knots);
}

/** Fit the hazard of starting and every person's cumulative inverse survival over the units' windows. */
export function fitSurvival(persons: Persons, panel: Panel, units: Units): Survival {
  let from = NEVER;
  let to = -NEVER;
  for (let i = 0; i < units.n; i++) {
    const r = units.refWeek[i] as number;
    if (r < from) from = r;
    if (r + WINDOW_WEEKS > to) to = r + WINDOW_WEEKS;
  }
  if (units.n === 0) to = from = 0;
  const span = Math.max(0, to - from);
  const arrivalWeek = Int32Array.from({ length: persons.n }, (_, p) => weekOfDay(persons.arrivalDay[p] ?? 0));
  const startWeek = Int32Array.from({ length: persons.n }, (_, p) => (persons.participant[p] ? weekOfDay(persons.startDay[p] ?? 0) : NEVER));
  const yearOf = Int32Array.from({ length: span + 1 }, (_, k) => new Date(mondayOfWeek(from + k) * 86_400_000).getUTCFullYear());
  // About half the person-weeks of the span are at risk (arrived, not employed): the stride for the wanted number of non-starts.
  // The hazard is fitted up to the last start in the span and is 0 after it (no one starts
  // there: a calendar term would otherwise run off to −∞ over those weeks).
  let starts = 0;
  let lastStart = from - 1;
  for (let p = 0; p < persons.n; p++) {
    const s = startWeek[p] as number;
    if (s >= from && s < to) {
      starts++;
      if (s > lastStart) lastStart = s;
    }
  }
  const fitTo = lastStart + 1;
  const wanted = Math.min(HAZARD_SAMPLE_MAX, Math.max(HAZARD_SAMPLE_MIN, NON_STARTS_PER_START * starts));
  const stride = Math.max(1, Math.round((0.5 * persons.n * Math.max(1, fitTo - from)) / wanted));
  // Pass 1: the fitted person-weeks as integers (person, week, counts, event).
  const rows: number[] = [];
  let events = 0;
  walkAtRisk(persons, panel, startWeek, arrivalWeek, from, fitTo, (p, t, kE, kP, kB, event) => {
    if (!event && !sampled(p, t, stride)) return;
    rows.push(p, t, kE, kP, kB, event ? 1 : 0);
    if (event) events++;
  });
  const n = rows.length / 6;
  const origins = originColumns(persons);
  // Knots of the spline terms from the fitted rows' values.
  const wsa = new Float64Array(n);
  const emp = new Float64Array(n);
  const cal = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    wsa[i] = ((rows[6 * i + 1] as number) - (arrivalWeek[rows[6 * i] as number] as number)) / 52;
    emp[i] = (rows[6 * i + 2] as number) / WINDOW_WEEKS;
    cal[i] = ((rows[6 * i + 1] as number) - from) / 52;
  }
  const knots: Record<string, number[]> = {};
  const kEmp = splineKnots(emp, HAZARD_KNOTS);
  const kWsa = splineKnots(wsa, HAZARD_KNOTS);
  const kCal = splineKnots(cal, HAZARD_KNOTS);
  if (kEmp.length >= 3) knots.pre_employment_share = kEmp;
  if (kWsa.length >= 3) knots.years_since_arrival = kWsa;
  if (kCal.length >= 3) knots.calendar_years = kCal;
  // Lookup tables: employment count 0..52; weeks since arrival 0..maxWsa; calendar week offset 0..span.
  let maxWsa = 1;
  for (let i = 0; i < n; i++) maxWsa = Math.max(maxWsa, Math.ceil((wsa[i] as number) * 52) + 1);
  for (let p = 0; p < persons.n; p++) maxWsa = Math.max(maxWsa, to - (arrivalWeek[p] as number) + 1);
  const empTab = splineTable(kEmp, WINDOW_WEEKS + 1, (c) => c / WINDOW_WEEKS);
  const wsaTab = splineTable(kWsa, maxWsa, (c) => c / 52);
  const calTab = splineTable(kCal, span + 1, (c) => c / 52);
  const names = ['female', 'age', ...origins.names, 'pre_employment_share', 'pre_placement_share', 'pre_benefit_share', 'years_since_arrival', 'calendar_years', ...empTab.map((_, j) => `pre_employment_share'${j + 1}`), ...wsaTab.map((_, j) => `years_since_arrival'${j + 1}`), ...calTab.map((_, j) => `calendar_years'${j + 1}`)];
  const k = names.length + 1;
  const nO = origins.names.length;
  const fill = (out: Float64Array, off: number, p: number, t: number, kE: number, kP: number, kB: number): void => {
    const ws = Math.max(0, t - (arrivalWeek[p] as number));
    const c = t - from;
    out[off] = 1;
    out[off + 1] = persons.female[p] ?? 0;
    out[off + 2] = (yearOf[c] as number) - (persons.birthYear[p] ?? 0);
    for (let j = 0; j < nO; j++) out[off + 3 + j] = 0;
    const oc = origins.col[p] as number;
    if (oc >= 0) out[off + 3 + oc] = 1;
    let at = off + 3 + nO;
    out[at++] = kE / WINDOW_WEEKS;
    out[at++] = kP / WINDOW_WEEKS;
    out[at++] = kB / WINDOW_WEEKS;
    out[at++] = ws / 52;
    out[at++] = c / 52;
    for (const tab of empTab) out[at++] = tab[kE] as number;
    for (const tab of wsaTab) out[at++] = tab[ws] as number;
    for (const tab of calTab) out[at++] = tab[c] as number;
  };
  const X = new Float64Array(n * k);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = 6 * i;
    fill(X, i * k, rows[b] as number, rows[b + 1] as number, rows[b + 2] as number, rows[b + 3] as number, rows[b + 4] as number);
    y[i] = rows[b + 5] as number;
    w[i] = y[i] ? 1 : stride;
  }
  // Columns constant on the fitted rows (e.g. no origin dummy, one calendar week) stay out of the
  // model. On (quasi-)separation (a fitted hazard reaching 0, e.g. a spline running off at the
  // edge of the data) the model is refitted without the spline terms.
  const nSpline = empTab.length + wsaTab.length + calTab.length;
  const fitWith = (cols: number): { coef: Float64Array; converged: boolean } | undefined => {
    const keep: number[] = [0];
    for (let j = 1; j < cols; j++) {
      const v0 = X[j] as number;
      for (let i = 1; i < n; i++) {
        if (X[i * k + j] !== v0) {
          keep.push(j);
          break;
        }
      }
    }
    const kk = keep.length;
    if (!(events > 0 && n > kk)) return undefined;
    const Xk = new Float64Array(n * kk);
    for (let i = 0; i < n; i++) for (let j = 0; j < kk; j++) Xk[i * kk + j] = X[i * k + (keep[j] as number)] as number;
    const fit = logisticRegression(Xk, y, n, kk, { weights: w, covariance: false });
    if (!fit.coef.every((c) => Number.isFinite(c))) return undefined;
    const coef = new Float64Array(k);
    keep.forEach((j, m) => (coef[j] = fit.coef[m] as number));
    return { coef, converged: fit.converged };
  };
  let splines = nSpline > 0;
  let fitted = events > 0 ? fitWith(k) : undefined;
  if (!fitted && splines && events > 0) {
    splines = false;
    fitted = fitWith(k - nSpline);
  }
  const coefFull = fitted?.coef ?? new Float64Array(k);
  const converged = fitted?.converged ?? events === 0;
  if (!fitted) coefFull[0] = -Infinity; // no starts (or no model): no one is ever censored
  // Pass 2: E(t) per person over the span, η(t) from lookup tables: per person its constant part,
  // per calendar week, week since arrival and employment count theirs.
  const b = coefFull;
  const at0 = 3 + nO;
  const etaEmp = Float64Array.from({ length: WINDOW_WEEKS + 1 }, (_, c) => (b[at0] as number) * (c / WINDOW_WEEKS) + empTab.reduce((a, tab, j) => a + (b[at0 + 5 + j] as number) * (tab[c] as number), 0));
  const etaWsa = Float64Array.from({ length: maxWsa }, (_, c) => (b[at0 + 3] as number) * (c / 52) + wsaTab.reduce((a, tab, j) => a + (b[at0 + 5 + empTab.length + j] as number) * (tab[c] as number), 0));
  const etaCal = Float64Array.from({ length: span + 1 }, (_, c) => (b[at0 + 4] as number) * (c / 52) + (b[2] as number) * (yearOf[c] as number) + calTab.reduce((a, tab, j) => a + (b[at0 + 5 + empTab.length + wsaTab.length + j] as number) * (tab[c] as number), 0));
  const bPl = (b[at0 + 1] as number) / WINDOW_WEEKS;
  const bBen = (b[at0 + 2] as number) / WINDOW_WEEKS;
  const etaPerson = Float64Array.from({ length: persons.n }, (_, p) => {
    const oc = origins.col[p] as number;
    return (b[0] as number) + (b[1] as number) * (persons.female[p] ?? 0) - (b[2] as number) * (persons.birthYear[p] ?? 0) + (oc >= 0 ? (b[3 + oc] as number) : 0);
  });
  const E = new Float32Array(persons.n * span).fill(1);
  let acc = 1;
  let lastP = -1;
  let lastT = from - 1;
  const flush = (p: number, upTo: number): void => {
    // Weeks not at risk keep E constant.
    const base = p * span;
    for (let t = lastT + 1; t < upTo; t++) E[base + t - from] = acc;
  };
  walkAtRisk(
    persons,
    panel,
    startWeek,
    arrivalWeek,
    from,
    fitTo,
    (p, t, kE, kP, kB) => {
      flush(p, t);
      const c = t - from;
      const eta = (etaPerson[p] as number) + (etaCal[c] as number) + (etaWsa[Math.max(0, t - (arrivalWeek[p] as number))] as number) + (etaEmp[kE] as number) + bPl * kP + bBen * kB;
      acc *= 1 + Math.exp(eta);
      E[p * span + t - from] = acc;
      lastT = t;
    },
    (p) => {
      if (lastP >= 0) flush(lastP, to);
      lastP = p;
      acc = 1;
      lastT = from - 1;
    },
  );
  if (lastP >= 0) flush(lastP, to);
  return {
    hazard: { names: ['(intercept)', ...names].slice(0, splines ? k : k - nSpline), coef: Array.from(coefFull).slice(0, splines ? k : k - nSpline), events, nonEvents: n - events, stride, knots: splines ? knots : {}, converged: converged && fitted !== undefined },
    from,
    span,
    E,
    startWeek,
  };
}
