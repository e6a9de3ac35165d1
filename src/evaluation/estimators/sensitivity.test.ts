// E-values of ATTs on shares (through the participants' mean over their counterfactual mean) and
// Rosenbaum's Γ of PSM's matched pairs, against scripts/fixtures/make-aipw-fixtures.py.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rosenbaumGamma } from '../../stats/index.ts';
import type { MatchedSample } from './psm.ts';
import { attEValues, matchedGamma, ROSENBAUM_ALPHA } from './sensitivity.ts';

interface Fixture {
  rosenbaum: { diffs: number[]; side: 1 | -1; alpha: number; gamma: number | null }[];
  att_cases: { treated_mean: number; att: number; ci_low: number; ci_high: number; e_value: number; e_value_ci: number }[];
}

const fx = JSON.parse(readFileSync(new URL('../../stats/fixtures/sensitivity.json', import.meta.url), 'utf8')) as Fixture;

describe('attEValues', () => {
  it('matches the reference’s conversion and formula (1e-12 relative); 1 for a CI containing 0', () => {
    expect(fx.att_cases.some((c) => c.e_value_ci === 1)).toBe(true);
    for (const c of fx.att_cases) {
      const e = attEValues({ treatedMean: c.treated_mean, att: c.att, ciLow: c.ci_low, ciHigh: c.ci_high });
      expect(Math.abs((e.point ?? Number.NaN) - c.e_value) / c.e_value).toBeLessThan(1e-12);
      expect(Math.abs((e.ci ?? Number.NaN) - c.e_value_ci) / c.e_value_ci).toBeLessThan(1e-12);
    }
  });

  it('is null when the participants’ or the counterfactual mean is not positive', () => {
    expect(attEValues({ treatedMean: 0, att: -0.1, ciLow: -0.2, ciHigh: -0.05 })).toEqual({ point: null, ci: null });
    expect(attEValues({ treatedMean: 0.2, att: 0.2, ciLow: 0.1, ciHigh: 0.3 }).point).toBeNull();
  });
});

describe('matchedGamma', () => {
  it('takes each (participant, control) pair’s difference, on the side of the ATT, at one-sided 2.5 %', () => {
    const c = fx.rosenbaum.find((r) => r.alpha === ROSENBAUM_ALPHA && r.gamma !== null);
    if (!c) throw new Error('fixture');
    // Units 0..m-1 participants, m..2m-1 their controls; y the participant's own value and the control's 0 + (−diff).
    const m = c.diffs.length;
    const y = new Float64Array(2 * m);
    const rows = new Int32Array(2 * m);
    c.diffs.forEach((d, j) => {
      y[j] = 0.5 + d / 2;
      y[m + j] = 0.5 - d / 2;
      rows[2 * j] = j;
      rows[2 * j + 1] = m + j;
    });
    const sample = { rows } as unknown as MatchedSample;
    const diffs = Float64Array.from(c.diffs.map((_, j) => (y[j] as number) - (y[m + j] as number)));
    expect(matchedGamma(sample, y, c.side)).toBe(rosenbaumGamma(diffs, c.side, ROSENBAUM_ALPHA));
    expect(Math.abs((matchedGamma(sample, y, c.side) ?? Number.NaN) - (c.gamma ?? Number.NaN)) / (c.gamma ?? 1)).toBeLessThan(1e-6);
    expect(matchedGamma(sample, y, 0)).toBeNull();
  });
});
