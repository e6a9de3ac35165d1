import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asInstrument, type Instrument } from '../../domain/fip/index.ts';
import { readValidityData } from './parse-files.ts';
import { fipValidity, fitValue, toValidityJson, type ModelNumbers, type ValidityData } from './validity.ts';
import { warningSentence } from './warnings.ts';

const instrument: Instrument = asInstrument(JSON.parse(readFileSync(new URL('../../../content/instruments/fip-v1.json', import.meta.url), 'utf8')));
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

interface Expected extends ModelNumbers {
  intercept: number;
}
interface ExpectedFile {
  tolerance: { coefficients: number; auc: number; alpha: number };
  items: (Expected & { item_id: string; respondent: string })[];
  indices: (Expected & { index: string; items: string[]; alpha: number | null })[];
}

function close(actual: number | null, expected: number, rel: number, label: string): void {
  expect(actual, label).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('fipValidity against statsmodels and scikit-learn (fixtures/expected.json)', () => {
  const expected = JSON.parse(fixture('expected.json')) as ExpectedFile;
  const data = readValidityData({ file: 'answers.csv', text: fixture('answers.csv') }, { file: 'outcomes.csv', text: fixture('outcomes.csv') }, instrument);
  const result = fipValidity(data, instrument);
  const tol = expected.tolerance;
  const compare = (a: ModelNumbers, e: Expected, label: string): void => {
    expect(a.n, `${label} n`).toBe(e.n);
    for (const key of ['log_odds', 'se', 'odds_ratio', 'ci_low', 'ci_high', 'p_value'] as const) close(a[key], e[key] as number, tol.coefficients, `${label} ${key}`);
    close(a.auc, e.auc as number, tol.auc, `${label} auc`);
  };

  it('has every item in instrument order with Logit coefficient, SE, OR, CI, p and the AUC', () => {
    expect(result.items.map((r) => r.item_id)).toEqual(instrument.items.map((i) => i.id));
    expect(result.items.map((r) => r.respondent)).toEqual(expected.items.map((e) => e.respondent));
    result.items.forEach((r, i) => compare(r, expected.items[i]!, r.item_id));
  });

  it('has every index with its items, Cronbach alpha (null for one item) and the model on the mean', () => {
    expect(result.indices.map((r) => [r.index, r.items])).toEqual(expected.indices.map((e) => [e.index, e.items]));
    result.indices.forEach((r, i) => {
      const e = expected.indices[i]!;
      compare(r, e, r.index);
      if (e.alpha === null) expect(r.alpha).toBeNull();
      else close(r.alpha, e.alpha, tol.alpha, `${r.index} alpha`);
    });
  });

  it('counts the persons without a round 1 in a warning', () => {
    const persons = new Set(fixture('answers.csv').trim().split('\n').slice(1).map((l) => l.split(',')[0]));
    expect(data.persons.length + data.withoutRoundOne).toBe(persons.size);
    expect(data.withoutRoundOne).toBeGreaterThan(0);
    expect(result.warnings).toEqual([{ code: 'no_round_one', params: { count: data.withoutRoundOne } }]);
  });

  it('writes FORMATS.md keys first, in order, then the additions', () => {
    const json = JSON.parse(toValidityJson(result)) as Record<string, Record<string, unknown>[]>;
    expect(Object.keys(json)).toEqual(['items', 'indices', 'warnings', 'warning_details']);
    expect(Object.keys(json.items![0]!)).toEqual(['item_id', 'respondent', 'n', 'log_odds', 'se', 'odds_ratio', 'ci_low', 'ci_high', 'p_value', 'auc']);
    expect(Object.keys(json.indices![0]!)).toEqual(['index', 'items', 'alpha', 'n', 'log_odds', 'se', 'odds_ratio', 'auc', 'ci_low', 'ci_high', 'p_value']);
    expect(json.warnings).toEqual([warningSentence(result.warnings[0]!)]);
    expect(json.warning_details).toEqual([{ code: 'no_round_one', params: { count: data.withoutRoundOne } }]);
  });
});

/** Round-1 data for `n` persons from per-item value functions (NaN = no answer). */
function synthetic(n: number, employed: (i: number) => number, value: (item: string, i: number) => number): ValidityData {
  const itemIds = instrument.items.map((i) => i.id);
  const round1 = new Float64Array(n * itemIds.length);
  for (let i = 0; i < n; i++) itemIds.forEach((id, j) => (round1[i * itemIds.length + j] = value(id, i)));
  return { persons: Array.from({ length: n }, (_, i) => `P${i}`), itemIds, round1, employed: Uint8Array.from({ length: n }, (_, i) => employed(i)), withoutRoundOne: 0 };
}

describe('fipValidity warnings', () => {
  it('no variation, separation and no data give null numbers and a warning each', () => {
    const data = synthetic(60, (i) => i % 3 === 0 ? 1 : 0, (item, i) => {
      if (item === 'c01') return 4; // no variation
      if (item === 'c02') return i % 3 === 0 ? 7 : 2; // separates perfectly
      if (item === 'c03') return Number.NaN; // never answered
      return 1 + ((i * 5 + item.charCodeAt(2)) % 7);
    });
    const r = fipValidity(data, instrument);
    const byItem = new Map(r.items.map((x) => [x.item_id, x]));
    expect(byItem.get('c01')).toMatchObject({ n: 60, log_odds: null, se: null, odds_ratio: null, p_value: null, auc: 0.5 });
    expect(byItem.get('c02')).toMatchObject({ n: 60, log_odds: null, ci_low: null, auc: 1 });
    expect(byItem.get('c03')).toMatchObject({ n: 0, log_odds: null, auc: null });
    expect(byItem.get('c04')?.log_odds).not.toBeNull();
    const codes = r.warnings.map((w) => `${w.code}:${(w.params as { subject?: string }).subject}`);
    expect(codes).toContain('no_variation:c01');
    expect(codes).toContain('separation:c02');
    expect(codes).toContain('no_data:c03');
    // job_prospects holds c03 (never answered): no complete case
    expect(r.indices.find((x) => x.index === 'job_prospects')).toMatchObject({ n: 0, alpha: null, log_odds: null });
    expect(codes).toContain('no_data:job_prospects');
    for (const w of r.warnings) expect(warningSentence(w)).toMatch(/^(Item|Index) \w+: /);
  });

  it('an outcome without variation gives no model at all', () => {
    const r = fipValidity(synthetic(40, () => 1, (_, i) => 1 + (i % 7)), instrument);
    expect(r.items.every((x) => x.log_odds === null && x.auc === null)).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'outcome_constant')).toHaveLength(instrument.items.length + instrument.indices.length);
    expect(warningSentence(r.warnings[0]!)).toBe('Item c01: all of the 40 person(s) with a round-1 answer were employed within 6 months; nothing to predict, no model.');
  });

  it('a small sample still gets its numbers, with a warning', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 2, 3, 5, 6, 4]);
    const y = Uint8Array.from([0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1]);
    const { numbers, warnings } = fitValue(x, y, { kind: 'item', subject: 'c05' });
    expect(numbers.n).toBe(12);
    expect(numbers.log_odds).toBeGreaterThan(0);
    expect(numbers.ci_low! < numbers.odds_ratio! && numbers.odds_ratio! < numbers.ci_high!).toBe(true);
    expect(warnings).toEqual([{ code: 'small_sample', params: { kind: 'item', subject: 'c05', n: 12, employed: 6, min_n: 30, min_events: 10 } }]);
  });

  it('rejects data whose shape does not match', () => {
    const d = synthetic(3, () => 0, () => 1);
    expect(() => fipValidity({ ...d, employed: new Uint8Array(2) }, instrument)).toThrow(/employed/);
  });
});
