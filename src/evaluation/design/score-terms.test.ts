import { describe, expect, it } from 'vitest';
import { naturalSplineColumns, splineKnots } from '../../stats/index.ts';
import type { CovariateTable } from './covariates.ts';
import { addSplineTerms, KNOT_SAMPLE, SPLINE_KNOTS } from './score-terms.ts';

function table(n: number): CovariateTable {
  const age = Float64Array.from({ length: n }, (_, i) => 18 + ((i * 7) % 47));
  const share = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : (i % 53) / 52));
  const female = Float64Array.from({ length: n }, (_, i) => i % 2);
  const few = Float64Array.from({ length: n }, (_, i) => i % 5); // 5 distinct values: no spline
  const cohort = Float64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 1 : 0));
  return { names: ['female', 'age', 'pre_employment_share', 'few', 'cohort=2017Q2'], kinds: ['gender', 'numeric', 'numeric', 'numeric', 'cohort'], columns: [female, age, share, few, cohort] };
}

describe('addSplineTerms', () => {
  it('adds the natural-spline columns of each continuous covariate with enough distinct values, after the others, and returns the knots', () => {
    const t = table(2000);
    const before = t.names.length;
    const knots = addSplineTerms(t);
    expect(Object.keys(knots)).toEqual(['age', 'pre_employment_share']);
    expect(knots.age).toEqual(splineKnots(t.columns[1] as Float64Array, SPLINE_KNOTS));
    expect(knots.age).toHaveLength(SPLINE_KNOTS);
    expect(t.names.slice(before)).toEqual(["age'1", "age'2", "pre_employment_share'1", "pre_employment_share'2"]);
    expect(t.kinds.slice(before)).toEqual(['spline', 'spline', 'spline', 'spline']);
    const expected = naturalSplineColumns(t.columns[1] as Float64Array, knots.age as number[]);
    expect(t.columns[before]).toEqual(expected[0]);
    expect(t.columns[before + 1]).toEqual(expected[1]);
  });

  it('takes the knots from an evenly spaced sample of KNOT_SAMPLE units on larger designs, and uses the allocator', () => {
    const n = KNOT_SAMPLE + 50_001;
    const t = table(n);
    let allocated = 0;
    const knots = addSplineTerms(t, (len) => {
      allocated++;
      return new Float64Array(len);
    });
    const age = t.columns[1] as Float64Array;
    const sample = Float64Array.from({ length: KNOT_SAMPLE }, (_, s) => age[Math.floor((s * n) / KNOT_SAMPLE)] as number);
    expect(knots.age).toEqual(splineKnots(sample, SPLINE_KNOTS));
    expect(allocated).toBe(4);
    expect((t.columns.at(-1) as Float64Array).length).toBe(n);
  });
});
