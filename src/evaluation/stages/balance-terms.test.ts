import { describe, expect, it } from 'vitest';
import { createRng, smdMany, weightedMoments } from '../../stats/index.ts';
import type { CovariateTable } from '../design/covariates.ts';
import { groupVariances, termBalance, TERM_BALANCE_SAMPLE } from './balance.ts';

function data(n: number, seed = 3) {
  const rand = createRng(seed);
  const treated = Uint8Array.from({ length: n }, () => (rand() < 0.2 ? 1 : 0));
  const age = Float64Array.from({ length: n }, (_, i) => 20 + Math.floor(rand() * 40) + (treated[i] ? 3 : 0));
  const share = Float64Array.from({ length: n }, () => Math.floor(rand() * 53) / 52);
  const spline = Float64Array.from(age, (a) => Math.max(0, a - 40) ** 3 / 400);
  const female = Float64Array.from({ length: n }, () => (rand() < 0.5 ? 1 : 0));
  const table: CovariateTable = { names: ['female', 'age', 'pre_employment_share', "age'1"], kinds: ['gender', 'numeric', 'numeric', 'spline'], columns: [female, age, share, spline] };
  const matchWeight = Float64Array.from({ length: n }, () => (rand() < 0.3 ? Math.ceil(rand() * 3) : 0));
  const ipwWeight = Float64Array.from({ length: n }, () => rand() * 2);
  return { table, treated, matchWeight, ipwWeight, rows: Int32Array.from({ length: n }, (_, i) => i) };
}

describe('termBalance (balance on the flexible terms)', () => {
  it('groupVariances: the treated and control weighted variances of weightedMoments, in one pass', () => {
    const { table, treated, ipwWeight, matchWeight } = data(5000);
    const x = table.columns[1] as Float64Array;
    for (const w of [ipwWeight, matchWeight]) {
      const mask = (g: number) => Uint8Array.from(treated, (t, i) => (t === g && (w[i] as number) > 0 ? 1 : 0));
      const [vT, vC] = groupVariances(x, treated, w);
      expect(vT).toBeCloseTo(weightedMoments(x, w, mask(1)).variance, 9);
      expect(vC).toBeCloseTo(weightedMoments(x, w, mask(0)).variance, 9);
    }
    expect(groupVariances(Float64Array.from([1, 2]), Uint8Array.from([1, 0]), Float64Array.from([1, 1]))).toEqual([Number.NaN, Number.NaN]);
  });

  it('per continuous covariate: SMDs and variance ratios after PSM and IPW, its square’s SMDs; each spline term’s SMDs', () => {
    const d = data(5000);
    const t = termBalance(d);
    expect(t.map((r) => r.term)).toEqual(['age', 'age²', 'pre_employment_share', 'pre_employment_share²', "age'1"]);
    const age = d.table.columns[1] as Float64Array;
    const [psm, ipw] = smdMany(age, d.treated, [d.matchWeight, d.ipwWeight]);
    expect(t[0]?.smd_after).toBe(psm);
    expect(t[0]?.smd_after_ipw).toBe(ipw);
    const [vT, vC] = groupVariances(age, d.treated, d.ipwWeight);
    expect(t[0]?.variance_ratio_after_ipw).toBe(vT / vC);
    const [sq] = smdMany(Float64Array.from(age, (a) => a * a), d.treated, [d.ipwWeight]);
    expect(t[1]?.smd_after_ipw).toBe(sq);
    expect(t[1]).not.toHaveProperty('variance_ratio_after');
    expect(t[4]).not.toHaveProperty('variance_ratio_after');
    // without weights: nothing; without matching: PSM columns null
    expect(termBalance({ ...d, matchWeight: undefined, ipwWeight: undefined })).toEqual([]);
    expect(termBalance({ ...d, matchWeight: undefined }).every((r) => r.smd_after === null)).toBe(true);
  });

  it('on a subgroup beyond TERM_BALANCE_SAMPLE units: the same on an evenly spaced sample', () => {
    const n = TERM_BALANCE_SAMPLE + 12_345;
    const d = data(n, 8);
    const pick = (i: number) => Math.floor((i * n) / TERM_BALANCE_SAMPLE);
    const m = TERM_BALANCE_SAMPLE;
    const s = {
      table: d.table,
      rows: Int32Array.from({ length: m }, (_, i) => pick(i)),
      treated: Uint8Array.from({ length: m }, (_, i) => d.treated[pick(i)] as number),
      matchWeight: Float64Array.from({ length: m }, (_, i) => d.matchWeight[pick(i)] as number),
      ipwWeight: Float64Array.from({ length: m }, (_, i) => d.ipwWeight[pick(i)] as number),
    };
    const sampled = termBalance(d);
    const [age] = sampled;
    const x = Float64Array.from(s.rows, (r) => (d.table.columns[1] as Float64Array)[r] as number);
    expect(age?.smd_after_ipw).toBe(smdMany(x, s.treated, [s.ipwWeight])[0]);
    expect(sampled).toHaveLength(5);
  });
});
