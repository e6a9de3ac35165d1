// The design stage's fast paths (flat tables, packed week counts, per-person lookups) against
// straightforward per-unit definitions on a random panel, windows partly outside it included.
import { describe, expect, it } from 'vitest';
import { mondayOfWeek, weekOfDay } from '../iso-week.ts';
import { statusAt, type Panel } from '../panel.ts';
import type { Persons } from '../readers/persons-csv.ts';
import { NO_DAY } from '../readers/persons-csv.ts';
import { buildCohorts, eligible } from './cohorts.ts';
import { buildCovariates } from './covariates.ts';
import { allocateOutcomes, fillOutcomes, N_PERIODS, OUTCOME_STATUSES, OUTCOMES, PERIOD_WEEKS } from './outcomes.ts';
import { S } from '../statuses.ts';
import { WINDOW_WEEKS } from './cohorts.ts';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function fixture(nPersons: number, nWeeks: number, seed: number): { persons: Persons; panel: Panel } {
  const rnd = random(seed);
  const weekStart = 2400;
  const status = new Uint8Array(nPersons * nWeeks);
  // Runs of statuses, as in register data.
  for (let p = 0; p < nPersons; p++) {
    let s = 0;
    for (let c = 0; c < nWeeks; c++) {
      if (rnd() < 0.1) s = Math.floor(rnd() * 11);
      status[p * nWeeks + c] = s;
    }
  }
  const participant = Uint8Array.from({ length: nPersons }, () => (rnd() < 0.15 ? 1 : 0));
  const startDay = Int32Array.from(participant, (t) => (t ? mondayOfWeek(weekStart + Math.floor(rnd() * nWeeks)) + Math.floor(rnd() * 7) : NO_DAY));
  const persons: Persons = {
    file: 'persons.csv',
    n: nPersons,
    ids: Array.from({ length: nPersons }, (_, p) => `p${p}`),
    index: new Map(),
    female: Uint8Array.from({ length: nPersons }, () => (rnd() < 0.5 ? 1 : 0)),
    birthYear: Int16Array.from({ length: nPersons }, () => 1950 + Math.floor(rnd() * 50)),
    origin: Array.from({ length: nPersons }, () => ['SY', 'ER', 'AF', 'IQ', `X${Math.floor(rnd() * 40)}`][Math.floor(rnd() * 5)] ?? ''),
    arrivalDay: Int32Array.from({ length: nPersons }, () => mondayOfWeek(weekStart - 100 + Math.floor(rnd() * (nWeeks + 100))) + Math.floor(rnd() * 7)),
    municipality: Array.from({ length: nPersons }, () => '101'),
    participant,
    startDay,
    extra: new Map([
      ['score', Array.from({ length: nPersons }, () => (rnd() * 10 - 5).toFixed(3))],
      ['region', Array.from({ length: nPersons }, (_, p) => (rnd() < 0.05 ? `u${p}` : `r${Math.floor(rnd() * 12)}`))],
    ]),
  };
  return { persons, panel: { nPersons, weekStart, nWeeks, status } };
}

describe('design fast paths', () => {
  const { persons, panel } = fixture(3000, 300, 7);

  it('buildCohorts stacks participants then eligible controls per cohort', () => {
    const { units } = buildCohorts(persons, panel);
    expect(units.n).toBeGreaterThan(3000);
    for (let i = 0; i < units.n; i++) {
      const p = units.person[i] ?? 0;
      expect(eligible(panel, persons, p, units.refWeek[i] ?? 0)).toBe(true);
      if (units.treated[i]) expect(units.refWeek[i]).toBe(weekOfDay(persons.startDay[p] ?? 0));
    }
  });

  it('fillOutcomes counts the same weeks as status by status, windows partly outside the panel', () => {
    const rnd = random(11);
    const n = 4000;
    const units = {
      person: Int32Array.from({ length: n }, () => Math.floor(rnd() * persons.n)),
      refWeek: Int32Array.from({ length: n }, () => panel.weekStart - 80 + Math.floor(rnd() * (panel.nWeeks + 160))),
    };
    const out = allocateOutcomes(n);
    fillOutcomes(units, panel, out, 5, n - 5);
    const weeks = (p: number, from: number, codes: readonly number[]): number => {
      let k = 0;
      for (let w = 0; w < WINDOW_WEEKS; w++) if (codes.includes(statusAt(panel, p, from + w))) k++;
      return k;
    };
    for (let i = 0; i < n; i++) {
      const p = units.person[i] ?? 0;
      const r = units.refWeek[i] ?? 0;
      const inRange = i >= 5 && i < n - 5;
      for (const o of OUTCOMES) {
        expect(out.post[o][i]).toBe(inRange ? weeks(p, r, OUTCOME_STATUSES[o]) : 0);
        expect(out.pre[o][i]).toBe(inRange ? weeks(p, r - WINDOW_WEEKS, OUTCOME_STATUSES[o]) : 0);
      }
      expect(out.prePlacement[i]).toBe(inRange ? weeks(p, r - WINDOW_WEEKS, [S.praktik_private, S.praktik_public]) : 0);
      expect(out.preBenefit[i]).toBe(inRange ? weeks(p, r - WINDOW_WEEKS, [S.integration_benefit, S.other_benefit]) : 0);
      for (let q = 0; q < N_PERIODS; q++) {
        let k = 0;
        for (let w = 0; w < PERIOD_WEEKS; w++) {
          const s = statusAt(panel, p, r + q * PERIOD_WEEKS + w);
          if (s === S.employment || s === S.igu) k++;
        }
        expect(out.periods[i * N_PERIODS + q]).toBe(inRange ? k : 0);
      }
    }
  });

  it('buildCovariates gives each unit its own age, years since arrival, dummies and cohort', () => {
    const { units } = buildCohorts(persons, panel);
    const out = allocateOutcomes(units.n);
    fillOutcomes(units, panel, out, 0, units.n);
    const table = buildCovariates(persons, units, out, ['score', 'region']);
    const col = (name: string): Float64Array => table.columns[table.names.indexOf(name)] as Float64Array;
    const regions = table.names.filter((v) => v.startsWith('region='));
    expect(regions.length).toBeGreaterThan(3);
    expect(regions).toContain('region=other');
    for (let i = 0; i < units.n; i += 7) {
      const p = units.person[i] ?? 0;
      const day = mondayOfWeek(units.refWeek[i] ?? 0);
      expect(col('female')[i]).toBe(persons.female[p]);
      expect(col('age')[i]).toBe(new Date(day * 86_400_000).getUTCFullYear() - (persons.birthYear[p] ?? 0));
      expect(col('years_since_arrival')[i]).toBe((day - (persons.arrivalDay[p] ?? 0)) / 365.25);
      expect(col('score')[i]).toBe(Number(persons.extra.get('score')?.[p]));
      const origin = persons.origin[p] ?? '';
      const ones = table.names.filter((v, k) => v.startsWith('origin=') && (table.columns[k] as Float64Array)[i] === 1);
      expect(ones.length).toBeLessThanOrEqual(1);
      if (ones.length === 1 && ones[0] !== 'origin=other') expect(ones[0]).toBe(`origin=${origin}`);
      for (let k = 1; k < units.cohorts.length; k++) expect(col(`cohort=${units.cohorts[k]}`)[i]).toBe(units.cohort[i] === k ? 1 : 0);
    }
  });
});
