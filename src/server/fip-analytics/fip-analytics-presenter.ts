// FIP group analytics from a cohort's rounds (pure: no database). Means and their t-based 95 %
// CIs from src/stats (meanCi), item validity from the `jobvej fip-validity` core
// (src/evaluation/fip-validity: the same code on the same data), counts suppressed with
// src/domain/suppression — each figure's counts as one linked table (an item's women, men and
// all; all = the sum of its value counts), so no published number gives a hidden one away; a
// mean, change or model is published only where its n is.
import { MIN_PERSONS, suppress, type LinkedTable } from '../../domain/suppression/index.ts';
import { EMPLOYMENT_OUTCOME_KINDS, EMPLOYMENT_WITHIN_DAYS } from '../../domain/outcomes.ts';
import type { Instrument, Respondent } from '../../domain/fip/instrument.ts';
import { meanCi } from '../../stats/mean-ci.ts';
import { fipValidity, type ModelNumbers, type ValidityData } from '../../evaluation/fip-validity/validity.ts';
import type { z } from 'zod';
import type { fipAnalytics, meanCell, pairedCell, suppressedN } from '../../contract/fip-analytics.ts';

type Analytics = z.input<typeof fipAnalytics>;
type MeanCell = z.input<typeof meanCell>;
type PairedCell = z.input<typeof pairedCell>;
type SuppressedN = z.input<typeof suppressedN>;
type Gender = 'F' | 'M';

/** Employment within this many days after the round-1 date counts as "employed within 6 months" (src/domain/outcomes.ts). */
export const EMPLOYMENT_DAYS = EMPLOYMENT_WITHIN_DAYS;
export const EMPLOYMENT_KINDS = EMPLOYMENT_OUTCOME_KINDS;

/** One citizen of the cohort: answers per round (item id → value; null = don't know; absent = not answered). */
export interface CohortCitizen {
  id: string;
  gender: Gender;
  rounds: ReadonlyMap<number, Readonly<Record<string, number | null>>>;
  /** Employment or IGU start within EMPLOYMENT_DAYS after the round-1 date. */
  employed: boolean;
  /** Whether EMPLOYMENT_DAYS have passed since the round-1 date (only then is "not employed" known). */
  windowClosed: boolean;
}

export interface AnalyticsParams {
  municipalityCode: string;
  from: string | null;
  to: string;
  targetGroup: Analytics['targetGroup'];
  round: number;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The n's of women, men and all as one linked table (all = women + men) plus any further cells/sums. */
function suppressed(table: LinkedTable): SuppressedN[] {
  const { values, reasons } = suppress(table, MIN_PERSONS);
  return values.map((value, i) => ({ value, suppressed: reasons[i] ?? null }));
}

const genderSums = { total: 2, parts: [0, 1] };

/**
 * The cohort in dense form, as the queries load it: citizens ordered by id, and per loaded round
 * a citizens × items matrix (row-major, `itemIds`' order): 1–7 a numeric answer, 0 don't know,
 * NaN not answered; `has` marks the citizens who have that round. Every figure's loop is array
 * arithmetic over it.
 */
export interface Cohort {
  ids: readonly string[];
  /** 1 = woman, 0 = man. */
  female: Uint8Array;
  employed: Uint8Array;
  windowClosed: Uint8Array;
  itemIds: readonly string[];
  rounds: ReadonlyMap<number, { answers: Float64Array; has: Uint8Array }>;
}

/** The cohort's answers by round in the instrument's item order (a round nobody has: all NaN). */
interface Answers {
  at(round: number): Float64Array;
  p: number;
  col: ReadonlyMap<string, number>;
}

function answersOf(cohort: Cohort, itemIds: readonly string[]): Answers {
  const p = itemIds.length;
  const col = new Map(itemIds.map((id, j) => [id, j]));
  const same = cohort.itemIds.length === p && cohort.itemIds.every((id, j) => id === itemIds[j]);
  const from = itemIds.map((id) => cohort.itemIds.indexOf(id));
  const n = cohort.ids.length;
  const cache = new Map<number, Float64Array>();
  return {
    p,
    col,
    at(round) {
      let m = cache.get(round);
      if (m) return m;
      const loaded = cohort.rounds.get(round)?.answers;
      if (loaded && same) m = loaded;
      else {
        const q = cohort.itemIds.length;
        const out = new Float64Array(n * p).fill(Number.NaN);
        if (loaded) for (let i = 0; i < n; i++) from.forEach((k, j) => { if (k >= 0) out[i * p + j] = loaded[i * q + k] as number; });
        m = out;
      }
      cache.set(round, m);
      return m;
    },
  };
}

/** An item's (or an index's) value per citizen in a round: a number, or NaN. */
type ValueOf = (round: number) => Float64Array;

function itemValue(a: Answers, itemId: string): ValueOf {
  const j = a.col.get(itemId);
  return (round) => {
    const m = a.at(round);
    const n = m.length / a.p;
    const out = new Float64Array(n).fill(Number.NaN);
    if (j === undefined) return out;
    for (let i = 0; i < n; i++) {
      const v = m[i * a.p + j] as number;
      if (v > 0) out[i] = v;
    }
    return out;
  };
}

/** An index's value: the mean of all its items when every one has a numeric answer (complete case), as in item validity. */
function indexValue(a: Answers, items: readonly string[]): ValueOf {
  const cols = items.map((id) => a.col.get(id));
  return (round) => {
    const m = a.at(round);
    const n = m.length / a.p;
    const out = new Float64Array(n).fill(Number.NaN);
    if (cols.length === 0 || cols.some((j) => j === undefined)) return out;
    const cs = cols as number[];
    for (let i = 0; i < n; i++) {
      let sum = 0;
      let complete = true;
      for (const j of cs) {
        const v = m[i * a.p + j] as number;
        if (!(v > 0)) {
          complete = false;
          break;
        }
        sum += v;
      }
      if (complete) out[i] = sum / cs.length;
    }
    return out;
  };
}

function meanCells(cohort: Cohort, value: ValueOf, round: number, extra?: { counts: number[]; sums: LinkedTable['sums'] }): { cells: MeanCell[]; extra: SuppressedN[] } {
  const women: number[] = [];
  const men: number[] = [];
  const vs = value(round);
  for (let i = 0; i < cohort.ids.length; i++) {
    const v = vs[i] as number;
    if (Number.isNaN(v)) continue;
    if (cohort.female[i]) women.push(v);
    else men.push(v);
  }
  const groups = [women, men, women.concat(men)];
  const ns = suppressed({ counts: [...groups.map((g) => g.length), ...(extra?.counts ?? [])], sums: [genderSums, ...(extra?.sums ?? [])] });
  const cells = (['F', 'M', 'all'] as const).map((gender, g): MeanCell => {
    const n = ns[g] as SuppressedN;
    if (n.value === null) return { gender, n, mean: null, low: null, high: null };
    const m = meanCi(groups[g] ?? []);
    return { gender, n, mean: finite(m.mean), low: finite(m.low), high: finite(m.high) };
  });
  return { cells, extra: ns.slice(3) };
}

function pairedCells(cohort: Cohort, value: ValueOf): PairedCell[] {
  const before: number[][] = [[], [], []];
  const after: number[][] = [[], [], []];
  const first = value(1);
  const second = value(2);
  for (let i = 0; i < cohort.ids.length; i++) {
    const a = first[i] as number;
    const b = second[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const g = cohort.female[i] ? 0 : 1;
    before[g]?.push(a);
    after[g]?.push(b);
    before[2]?.push(a);
    after[2]?.push(b);
  }
  const ns = suppressed({ counts: before.map((g) => g.length), sums: [genderSums] });
  return (['F', 'M', 'all'] as const).map((gender, g): PairedCell => {
    const n = ns[g] as SuppressedN;
    if (n.value === null) return { gender, n, before: null, after: null, change: null, low: null, high: null };
    const b = before[g] ?? [];
    const a = after[g] ?? [];
    const diff = Float64Array.from(a, (v, i) => v - (b[i] as number));
    const m = meanCi(diff);
    return { gender, n, before: finite(meanCi(b).mean), after: finite(meanCi(a).mean), change: finite(m.mean), low: finite(m.low), high: finite(m.high) };
  });
}

/** The cohort's item validity data in the fip-validity core's form: the persons whose 6 months have passed, round-1 values per item. */
export function validityData(citizens: readonly CohortCitizen[], instrument: Instrument): ValidityData {
  const closed = citizens.filter((c) => c.windowClosed && c.rounds.has(1));
  const itemIds = instrument.items.map((i) => i.id);
  const p = itemIds.length;
  const round1 = new Float64Array(closed.length * p).fill(Number.NaN);
  const employed = new Uint8Array(closed.length);
  closed.forEach((c, i) => {
    const answers = c.rounds.get(1) ?? {};
    itemIds.forEach((id, j) => {
      const v = answers[id];
      if (typeof v === 'number') round1[i * p + j] = v;
    });
    employed[i] = c.employed ? 1 : 0;
  });
  return { persons: closed.map((c) => c.id), itemIds, round1, employed, withoutRoundOne: 0 };
}

/** The same data from the dense cohort: the persons whose 6 months have passed and who have a round 1. */
export function validityDataOf(cohort: Cohort, instrument: Instrument): ValidityData {
  const r1 = cohort.rounds.get(1);
  const itemIds = instrument.items.map((i) => i.id);
  const p = itemIds.length;
  const q = cohort.itemIds.length;
  const from = itemIds.map((id) => cohort.itemIds.indexOf(id));
  const keep: number[] = [];
  for (let i = 0; i < cohort.ids.length; i++) if (cohort.windowClosed[i] && r1?.has[i]) keep.push(i);
  const round1 = new Float64Array(keep.length * p).fill(Number.NaN);
  const employed = new Uint8Array(keep.length);
  keep.forEach((i, k) => {
    for (let j = 0; j < p; j++) {
      const c = from[j] as number;
      const v = c >= 0 && r1 ? (r1.answers[i * q + c] as number) : Number.NaN;
      if (v > 0) round1[k * p + j] = v;
    }
    employed[k] = cohort.employed[i] as number;
  });
  return { persons: keep.map((i) => cohort.ids[i] as string), itemIds, round1, employed, withoutRoundOne: 0 };
}

function modelOut(m: ModelNumbers, n: SuppressedN) {
  const shown = n.value !== null;
  return {
    n,
    logOdds: shown ? m.log_odds : null,
    se: shown ? m.se : null,
    oddsRatio: shown ? m.odds_ratio : null,
    ciLow: shown ? m.ci_low : null,
    ciHigh: shown ? m.ci_high : null,
    pValue: shown ? m.p_value : null,
    auc: shown ? m.auc : null,
  };
}

function single(n: number): SuppressedN {
  return suppressed({ counts: [n], sums: [] })[0] as SuppressedN;
}

export function presentAnalytics(params: AnalyticsParams, instrument: Instrument, cohort: Cohort): Analytics {
  const { round } = params;
  const size = cohort.ids.length;
  const women = cohort.female.reduce((a, b) => a + b, 0);
  const counts = [women, size - women, size];
  const cohortNs = suppressed({ counts, sums: [genderSums] });
  const itemRef = (item: { id: string; respondent: Respondent }) => ({ itemId: item.id, respondent: item.respondent });
  const answers = answersOf(cohort, instrument.items.map((i) => i.id));
  const shown = answers.at(round);

  // Per item: its mean cells and its distribution as one linked table (all = women + men = the sum of the 7 value counts).
  const itemMeans: Analytics['itemMeans'] = [];
  const distribution: Analytics['distribution'] = [];
  for (const item of instrument.items) {
    const values = new Array<number>(7).fill(0);
    let dontKnow = 0;
    const j = answers.col.get(item.id) ?? 0;
    for (let i = 0; i < size; i++) {
      const v = shown[i * answers.p + j] as number;
      if (v >= 1 && v <= 7) values[v - 1] = (values[v - 1] ?? 0) + 1;
      else if (v === 0) dontKnow += 1;
    }
    // Cells 3..9: the value counts (their sum is cell 2, all), cell 10: don't know (in no sum).
    const { cells, extra } = meanCells(cohort, itemValue(answers, item.id), round, { counts: [...values, dontKnow], sums: [{ total: 2, parts: [3, 4, 5, 6, 7, 8, 9] }] });
    itemMeans.push({ ...itemRef(item), cells });
    distribution.push({
      ...itemRef(item),
      counts: [...values.map((_, k) => ({ value: k + 1, n: extra[k] as SuppressedN })), { value: 'dont_know' as const, n: extra[7] as SuppressedN }],
    });
  }

  const indexItems = instrument.indices.map((def) => ({ def, items: instrument.items.filter((i) => i.index === def.id).map((i) => i.id) }));
  const indexMeans = indexItems.map(({ def, items }) => ({ indexId: def.id, items, cells: meanCells(cohort, indexValue(answers, items), round).cells }));

  const paired = {
    items: instrument.items.map((item) => ({ ...itemRef(item), cells: pairedCells(cohort, itemValue(answers, item.id)) })),
    indices: indexItems.map(({ def, items }) => ({ indexId: def.id, cells: pairedCells(cohort, indexValue(answers, items)) })),
  };

  const gaps: Analytics['gaps'] = [];
  for (const item of instrument.items) {
    if (item.respondent !== 'citizen' || !item.mirror) continue;
    const own = itemValue(answers, item.id)(round);
    const theirs = itemValue(answers, item.mirror)(round);
    const cs: number[] = [];
    const ws: number[] = [];
    for (let i = 0; i < size; i++) {
      const a = own[i] as number;
      const b = theirs[i] as number;
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      cs.push(a);
      ws.push(b);
    }
    const n = single(cs.length);
    const m = meanCi(Float64Array.from(cs, (v, i) => v - (ws[i] as number)));
    const published = n.value !== null;
    gaps.push({
      citizenItemId: item.id,
      caseworkerItemId: item.mirror,
      n,
      citizenMean: published ? finite(meanCi(cs).mean) : null,
      caseworkerMean: published ? finite(meanCi(ws).mean) : null,
      gap: published ? finite(m.mean) : null,
      low: published ? finite(m.low) : null,
      high: published ? finite(m.high) : null,
    });
  }

  const data = validityDataOf(cohort, instrument);
  const v = fipValidity(data, instrument);
  const employedCount = data.employed.reduce((a, b) => a + b, 0);
  // Persons, employed and not employed as one linked table (persons = employed + not employed).
  const outcomeNs = suppressed({ counts: [employedCount, data.persons.length - employedCount, data.persons.length], sums: [genderSums] });
  const withRoundOne = (cohort.rounds.get(1)?.has ?? new Uint8Array(0)).reduce((a, b) => a + b, 0);
  const validity = {
    days: EMPLOYMENT_DAYS,
    outcomeKinds: [...EMPLOYMENT_KINDS],
    persons: outcomeNs[2] as SuppressedN,
    employed: outcomeNs[0] as SuppressedN,
    windowOpen: single(withRoundOne - data.persons.length),
    items: v.items.map((r) => ({ itemId: r.item_id, respondent: r.respondent, ...modelOut(r, single(r.n)) })),
    indices: v.indices.map((r) => ({ indexId: r.index, items: r.items, ...modelOut(r, single(r.n)), alpha: single(r.n).value === null ? null : r.alpha })),
    // A warning's code and subject only: its counts (employed among an item's cases) could be under 5.
    warnings: v.warnings.map((w) => {
      const p = w.params as Partial<{ kind: string; subject: string }>;
      return { code: w.code, params: p.kind !== undefined && p.subject !== undefined ? { kind: p.kind, subject: p.subject } : {} };
    }),
  };

  return {
    municipalityCode: params.municipalityCode,
    from: params.from,
    to: params.to,
    targetGroup: params.targetGroup,
    round,
    instrumentVersion: instrument.version,
    minPersons: MIN_PERSONS,
    citizens: (['F', 'M', 'all'] as const).map((gender, g) => ({ gender, n: cohortNs[g] as SuppressedN })),
    itemMeans,
    indexMeans,
    paired,
    distribution,
    gaps,
    validity,
  };
}

