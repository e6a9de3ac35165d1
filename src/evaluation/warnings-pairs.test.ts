// Method disagreement across every pair of adjusted methods that ran (decision 030): PSM–IPW under
// its own codes, every other pair (with AIPW) under estimates_disagree / estimates_differ; naive
// and DiD are not adjusted and are not paired, but DiD is checked against the adjusted methods
// (did_disagrees).
import { describe, expect, it } from 'vitest';
import type { ResultRow } from './report/model.ts';
import { collectRunWarnings } from './warnings.ts';

const r = (method: string, att: number, se: number, outcome = 'employment', subgroup = 'all'): ResultRow => ({
  outcome, subgroup, method, n_treated: 100, n_control: 100, treated_mean: 0.3, control_mean: 0.3 - att,
  att, se, ci_low: att - 1.96 * se, ci_high: att + 1.96 * se, p_value: 0.01, relative_effect: att / (0.3 - att),
});

describe('collectRunWarnings over every pair of adjusted methods', () => {
  it('compares AIPW with PSM and with IPW, each pair once, in the methods’ order', () => {
    const w = collectRunWarnings([r('naive', 0.5, 0.01), r('psm', 0.05, 0.01), r('ipw', 0.06, 0.01), r('aipw', 0.2, 0.01), r('did', -0.3, 0.01)]);
    expect(w.map((x) => [x.code, x.params.method, x.params.other])).toEqual([
      ['estimates_disagree', 'psm', 'aipw'],
      ['estimates_disagree', 'ipw', 'aipw'],
      ['did_disagrees', 'aipw', undefined], // DiD, far from all three, against the farthest (below)
    ]);
    expect(w[0]?.params).toMatchObject({ outcome: 'employment', subgroup: 'all', estimate: '0.050 [0.030, 0.070]', other_estimate: '0.200 [0.180, 0.220]' });
    expect(w[0]?.text).toBe('employment, all: PSM (0.050 [0.030, 0.070]) and AIPW (0.200 [0.180, 0.220]) disagree beyond their confidence intervals; the finding is not robust to the method.');
  });

  it('warns on overlapping CIs beyond the joint uncertainty (estimates_differ, z), and keeps PSM–IPW’s own codes', () => {
    // se 0.02 each: 0.06 apart is 2.12 SEs of the difference while the CIs (±0.039) overlap.
    const w = collectRunWarnings([r('psm', 0.05, 0.02), r('ipw', 0.11, 0.02), r('aipw', 0.11, 0.02)]);
    expect(w.map((x) => x.code)).toEqual(['methods_differ', 'estimates_differ']);
    expect(w[1]?.params).toMatchObject({ method: 'psm', other: 'aipw', z: 2.12 });
    expect(w[1]?.text).toContain('PSM (0.050 [0.011, 0.089]) and AIPW (0.110 [0.071, 0.149]) differ by more than their joint uncertainty (2.12 standard errors of the difference)');
  });

  it('is silent for pairs within their uncertainty and compares within an outcome and subgroup only', () => {
    expect(collectRunWarnings([r('psm', 0.05, 0.02), r('aipw', 0.07, 0.02), r('ipw', 0.06, 0.02)])).toEqual([]);
    const w = collectRunWarnings([r('aipw', 0.05, 0.01), r('ipw', 0.3, 0.01, 'education'), r('aipw', 0.05, 0.01, 'employment', 'gender=M'), r('ipw', 0.3, 0.01, 'employment', 'gender=M')]);
    expect(w.map((x) => [x.code, x.params.subgroup, x.params.method, x.params.other])).toEqual([['estimates_disagree', 'gender=M', 'ipw', 'aipw']]);
  });
});

describe('did_disagrees: DiD against the adjusted methods', () => {
  it('names the adjusted method DiD differs from most, once per outcome and subgroup, with the reason', () => {
    const w = collectRunWarnings([r('psm', 0.03, 0.01), r('ipw', 0.031, 0.01), r('aipw', 0.032, 0.01), r('did', -0.09, 0.01), r('did', 0.03, 0.01, 'education')].concat([r('ipw', 0.03, 0.01, 'education')]));
    expect(w.map((x) => x.code)).toEqual(['did_disagrees']);
    expect(w[0]?.params).toMatchObject({ outcome: 'employment', subgroup: 'all', did: '-0.090 [-0.110, -0.070]', method: 'aipw', z: 8.63 });
    expect(w[0]?.text).toMatch(/^employment, all: DiD \(-0\.090 \[-0\.110, -0\.070\]\) differs from AIPW \(0\.032 \[0\.012, 0\.052\]\) by 8\.63 standard errors of the difference\. DiD assumes/);
    expect(w[0]?.text).toContain('rely on the adjusted estimates, not on DiD');
  });

  it('is silent without an adjusted method or within the uncertainty', () => {
    expect(collectRunWarnings([r('naive', 0.2, 0.01), r('did', -0.09, 0.01)])).toEqual([]);
    expect(collectRunWarnings([r('psm', 0.03, 0.01), r('did', 0.05, 0.01)])).toEqual([]);
  });
});
