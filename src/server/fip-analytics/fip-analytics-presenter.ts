// FIP group analytics from a cohort's rounds (pure: no database). Means and their t-based 95 %
// CIs from src/stats (meanCi), item validity from the `jobvej fip-validity` core
// (src/evaluation/fip-validity: the same code on the same data), counts suppressed with
// src/domain/suppression — each figure's counts as one linked table (an item's women, men and
// all; all = the sum of its value counts), so no published number gives a hidden one away; a
// mean, change or model is published only where its n is.
import { MIN_PERSONS, suppress, type LinkedTable } from '../../domain/suppression/index.ts';
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

/** Employment within this many days after the round-1 date counts as "employed within 6 months" (FORMATS.md). */
export const EMPLOYMENT_DAYS = 182;
export const EMPLOYMENT_KINDS = ['employment', 'igu_start'] as const;

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

/** Values of an item (or an index) for one citizen in one round: a number, or undefined. */
type ValueOf = (c: CohortCitizen, round: number) => number | undefined;

function itemValue(itemId: string): ValueOf {
  return (c, round) => {
    const v = c.rounds.get(round)?.[itemId];
    return typeof v === 'number' ? v : undefined;
  };
}

/** An index's value: the mean of all its items when every one has a numeric answer (complete case), as in item validity. */
function indexValue(items: readonly string[]): ValueOf {
  return (c, round) => {
    const answers = c.rounds.get(round);
    if (!answers || items.length === 0) return undefined;
    let sum = 0;
    for (const id of items) {
      const v = answers[id];
      if (typeof v !== 'number') return undefined;
      sum += v;
    }
    return sum / items.length;
  };
}

function meanCells(citizens: readonly CohortCitizen[], value: ValueOf, round: number, extra?: { counts: number[]; sums: LinkedTable['sums'] }): { cells: MeanCell[]; extra: SuppressedN[] } {
  const byGender: number[][] = [[], []];
  for (const c of citizens) {
    const v = value(c, round);
    if (v !== undefined) byGender[c.gender === 'F' ? 0 : 1]?.push(v);
  }
  const groups = [byGender[0] ?? [], byGender[1] ?? [], [...(byGender[0] ?? []), ...(byGender[1] ?? [])]];
  const ns = suppressed({ counts: [...groups.map((g) => g.length), ...(extra?.counts ?? [])], sums: [genderSums, ...(extra?.sums ?? [])] });
  const cells = (['F', 'M', 'all'] as const).map((gender, g): MeanCell => {
    const n = ns[g] as SuppressedN;
    if (n.value === null) return { gender, n, mean: null, low: null, high: null };
    const m = meanCi(groups[g] ?? []);
    return { gender, n, mean: finite(m.mean), low: finite(m.low), high: finite(m.high) };
  });
  return { cells, extra: ns.slice(3) };
}

function pairedCells(citizens: readonly CohortCitizen[], value: ValueOf): PairedCell[] {
  const before: number[][] = [[], [], []];
  const after: number[][] = [[], [], []];
  for (const c of citizens) {
    const a = value(c, 1);
    const b = value(c, 2);
    if (a === undefined || b === undefined) continue;
    for (const g of [c.gender === 'F' ? 0 : 1, 2]) {
      before[g]?.push(a);
      after[g]?.push(b);
    }
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

export function presentAnalytics(params: AnalyticsParams, instrument: Instrument, citizens: readonly CohortCitizen[]): Analytics {
  const { round } = params;
  const counts = [citizens.filter((c) => c.gender === 'F').length, citizens.filter((c) => c.gender === 'M').length, citizens.length];
  const cohort = suppressed({ counts, sums: [genderSums] });
  const itemRef = (item: { id: string; respondent: Respondent }) => ({ itemId: item.id, respondent: item.respondent });

  // Per item: its mean cells and its distribution as one linked table (all = women + men = the sum of the 7 value counts).
  const itemMeans: Analytics['itemMeans'] = [];
  const distribution: Analytics['distribution'] = [];
  for (const item of instrument.items) {
    const values = new Array<number>(7).fill(0);
    let dontKnow = 0;
    for (const c of citizens) {
      const answers = c.rounds.get(round);
      if (!answers || !(item.id in answers)) continue;
      const v = answers[item.id];
      if (typeof v === 'number' && v >= 1 && v <= 7) values[v - 1] = (values[v - 1] ?? 0) + 1;
      else if (v === null) dontKnow += 1;
    }
    // Cells 3..9: the value counts (their sum is cell 2, all), cell 10: don't know (in no sum).
    const { cells, extra } = meanCells(citizens, itemValue(item.id), round, { counts: [...values, dontKnow], sums: [{ total: 2, parts: [3, 4, 5, 6, 7, 8, 9] }] });
    itemMeans.push({ ...itemRef(item), cells });
    distribution.push({
      ...itemRef(item),
      counts: [...values.map((_, k) => ({ value: k + 1, n: extra[k] as SuppressedN })), { value: 'dont_know' as const, n: extra[7] as SuppressedN }],
    });
  }

  const indexItems = instrument.indices.map((def) => ({ def, items: instrument.items.filter((i) => i.index === def.id).map((i) => i.id) }));
  const indexMeans = indexItems.map(({ def, items }) => ({ indexId: def.id, items, cells: meanCells(citizens, indexValue(items), round).cells }));

  const paired = {
    items: instrument.items.map((item) => ({ ...itemRef(item), cells: pairedCells(citizens, itemValue(item.id)) })),
    indices: indexItems.map(({ def, items }) => ({ indexId: def.id, cells: pairedCells(citizens, indexValue(items)) })),
  };

  const gaps: Analytics['gaps'] = [];
  for (const item of instrument.items) {
    if (item.respondent !== 'citizen' || !item.mirror) continue;
    const own = itemValue(item.id);
    const theirs = itemValue(item.mirror);
    const cs: number[] = [];
    const ws: number[] = [];
    for (const c of citizens) {
      const a = own(c, round);
      const b = theirs(c, round);
      if (a === undefined || b === undefined) continue;
      cs.push(a);
      ws.push(b);
    }
    const n = single(cs.length);
    const m = meanCi(Float64Array.from(cs, (v, i) => v - (ws[i] as number)));
    const shown = n.value !== null;
    gaps.push({
      citizenItemId: item.id,
      caseworkerItemId: item.mirror,
      n,
      citizenMean: shown ? finite(meanCi(cs).mean) : null,
      caseworkerMean: shown ? finite(meanCi(ws).mean) : null,
      gap: shown ? finite(m.mean) : null,
      low: shown ? finite(m.low) : null,
      high: shown ? finite(m.high) : null,
    });
  }

  const data = validityData(citizens, instrument);
  const v = fipValidity(data, instrument);
  const employedCount = data.employed.reduce((a, b) => a + b, 0);
  // Persons, employed and not employed as one linked table (persons = employed + not employed).
  const outcomeNs = suppressed({ counts: [employedCount, data.persons.length - employedCount, data.persons.length], sums: [genderSums] });
  const withRoundOne = citizens.filter((c) => c.rounds.has(1));
  const validity = {
    days: EMPLOYMENT_DAYS,
    outcomeKinds: [...EMPLOYMENT_KINDS],
    persons: outcomeNs[2] as SuppressedN,
    employed: outcomeNs[0] as SuppressedN,
    windowOpen: single(withRoundOne.length - data.persons.length),
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
    citizens: (['F', 'M', 'all'] as const).map((gender, g) => ({ gender, n: cohort[g] as SuppressedN })),
    itemMeans,
    indexMeans,
    paired,
    distribution,
    gaps,
    validity,
  };
}

