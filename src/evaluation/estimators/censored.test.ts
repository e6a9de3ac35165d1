// The censored design's estimator (decision 024): against an independent long-format WLS with a
// person-clustered sandwich (scripts/fixtures/make-censored-fixtures.py, statsmodels), and reduced
// to IPW's CR1 estimate when no one is censored and every survival is 1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CohortReport } from '../design/cohorts.ts';
import type { Survival } from '../design/censoring.ts';
import { computeOutcomes, type OutcomeName } from '../design/outcomes.ts';
import type { Panel } from '../panel.ts';
import { censoredEffects } from './censored.ts';
import { twoGroupDesign, twoGroupEffect } from './effect.ts';

interface Fixture {
  tolerance: number;
  weekStart: number;
  nWeeks: number;
  status: number[];
  startWeek: number[];
  from: number;
  span: number;
  E: number[];
  units: { person: number[]; refWeek: number[]; cohort: number[]; treated: number[] };
  cohortNextWeek: number[];
  base: number[];
  outcomes: OutcomeName[];
  expected: { outcomes: Record<string, { att: number; se: number; control_mean: number }>; periods: { att: number; se: number; control_mean: number }[] };
  score: { Z: number[]; p: number; fitted: number[]; expected: { att: number; se: number; se_score_fixed: number }; tolerance: number };
}

const fx = JSON.parse(readFileSync(new URL('./fixtures/censored.json', import.meta.url), 'utf8')) as Fixture;

function setup(f: Fixture, opts: { noCensoring?: boolean } = {}) {
  const nPersons = f.startWeek.length;
  const panel: Panel = { nPersons, weekStart: f.weekStart, nWeeks: f.nWeeks, status: Uint8Array.from(f.status) };
  const n = f.units.person.length;
  const units = { n, person: Int32Array.from(f.units.person), refWeek: Int32Array.from(f.units.refWeek), cohort: Int32Array.from(f.units.cohort), treated: Uint8Array.from(f.units.treated), cohorts: ['A', 'B'] };
  const cohorts = { units, cohortNextWeek: Int32Array.from(f.cohortNextWeek) } as unknown as CohortReport;
  const never = 1 << 30;
  const survival: Survival = {
    hazard: { names: [], coef: [], events: 0, nonEvents: 0, stride: 1, knots: {}, converged: true },
    from: f.from,
    span: f.span,
    E: opts.noCensoring ? new Float32Array(f.E.length).fill(1) : Float32Array.from(f.E),
    // Treated rows do not use the start week; without censoring no control has one.
    startWeek: Int32Array.from(f.startWeek, (s) => (opts.noCensoring ? never : s)),
  };
  const counts = computeOutcomes(units, panel);
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  return { run: { cohorts, panel, counts, survival }, rows, units, counts };
}

describe('censoredEffects', () => {
  it('matches the long-format WLS with a person-clustered sandwich (statsmodels), outcomes and periods', () => {
    const { run, rows, units } = setup(fx);
    const e = censoredEffects(run, { rows, treated: units.treated, base: Float64Array.from(fx.base), outcomes: fx.outcomes, periods: true });
    const tol = fx.tolerance;
    fx.outcomes.forEach((o, k) => {
      const want = fx.expected.outcomes[o];
      const got = e.outcomes[k];
      expect(want).toBeDefined();
      expect(Math.abs((got?.att ?? NaN) - (want?.att ?? NaN))).toBeLessThan(tol);
      expect(Math.abs((got?.se ?? NaN) - (want?.se ?? NaN))).toBeLessThan(tol);
      expect(Math.abs((got?.controlMean ?? NaN) - (want?.control_mean ?? NaN))).toBeLessThan(tol);
    });
    expect(e.periods).toHaveLength(13);
    fx.expected.periods.forEach((want, q) => {
      expect(Math.abs((e.periods[q]?.att ?? NaN) - want.att)).toBeLessThan(tol);
      expect(Math.abs((e.periods[q]?.se ?? NaN) - want.se)).toBeLessThan(tol);
    });
    // Censored: the control rows in the sample whose own start falls within their window.
    const censored = fx.units.person.filter((p, i) => !fx.units.treated[i] && (fx.base[i] ?? 0) > 0 && (fx.startWeek[p] ?? 0) - (fx.units.refWeek[i] ?? 0) < 52).length;
    expect(censored).toBeGreaterThan(5);
    expect(e.censoredControls).toBe(censored);
  });

  it('IPW with the score model’s estimation accounted for: matches the stacked sandwich with a finite-difference gradient (statsmodels logit)', () => {
    const { run, rows, units } = setup(fx);
    const { Z, p, fitted, expected, tolerance } = fx.score;
    const n = rows.length;
    const X = { ptr: Int32Array.from({ length: n + 1 }, (_, i) => i * p), idx: Int32Array.from({ length: n * p }, (_, z) => z % p), val: Float64Array.from(Z) };
    const f = Float64Array.from(fitted);
    const base = Float64Array.from(f, (pi, i) => (units.treated[i] ? 1 : pi / (1 - pi)));
    const fixed = censoredEffects(run, { rows, treated: units.treated, base, outcomes: ['employment'], periods: false });
    const adjusted = censoredEffects(run, { rows, treated: units.treated, base, outcomes: ['employment'], periods: true, score: { X, p, fitted: f } });
    expect(Math.abs((fixed.outcomes[0]?.att ?? NaN) - expected.att)).toBeLessThan(1e-9);
    expect(Math.abs((fixed.outcomes[0]?.se ?? NaN) - expected.se_score_fixed)).toBeLessThan(1e-9);
    expect(adjusted.outcomes[0]?.att).toBe(fixed.outcomes[0]?.att);
    expect(Math.abs((adjusted.outcomes[0]?.se ?? NaN) - expected.se)).toBeLessThan(tolerance);
    expect(Math.abs(expected.se - expected.se_score_fixed)).toBeGreaterThan(100 * tolerance);
  });

  it('without censoring (no later participants among the controls, S = 1) equals the weighted two-group CR1 estimate', () => {
    const { run, rows, units, counts } = setup(fx, { noCensoring: true });
    const base = Float64Array.from(fx.base);
    const e = censoredEffects(run, { rows, treated: units.treated, base, outcomes: ['employment'], periods: false });
    const d = twoGroupDesign(units.treated, { weights: base, type: 'CR1', clusters: units.person });
    const y = Float64Array.from(counts.post.employment, (c) => c / 52);
    const ref = twoGroupEffect(d, y);
    expect(e.censoredControls).toBe(0);
    expect(e.outcomes[0]?.att).toBeCloseTo(ref.att, 12);
    expect(e.outcomes[0]?.se).toBeCloseTo(ref.se, 12);
    expect(e.outcomes[0]?.nControl).toBe(ref.nControl);
  });

  it('DiD subtracts the unweighted pre-window difference of the rows in the sample', () => {
    const { run, rows, units, counts } = setup(fx);
    const base = new Float64Array(rows.length).fill(1);
    const naive = censoredEffects(run, { rows, treated: units.treated, base, outcomes: ['employment'], periods: false });
    const did = censoredEffects(run, { rows, treated: units.treated, base, outcomes: ['employment'], periods: false, did: true });
    let t = 0;
    let c = 0;
    let nT = 0;
    for (let i = 0; i < rows.length; i++) {
      const v = (counts.pre.employment[i] ?? 0) / 52;
      if (units.treated[i]) {
        t += v;
        nT++;
      } else c += v;
    }
    const preDiff = t / nT - c / (rows.length - nT);
    expect(did.outcomes[0]?.att).toBeCloseTo((naive.outcomes[0]?.att ?? NaN) - preDiff, 12);
    expect(did.outcomes[0]?.treatedMean).toBeCloseTo(naive.outcomes[0]?.treatedMean ?? NaN, 12);
    expect(did.outcomes[0]?.se).toBeGreaterThan(0);
  });
});
