import { describe, expect, it } from 'vitest';
import type { ResultRow } from './report/model.ts';
import { balanceWarnings, collectRunWarnings, collectWarnings, oneDecimal, warn, WARNING_CODES } from './warnings.ts';

const r = (method: string, att: number, lo: number, hi: number, subgroup = 'all'): ResultRow => ({
  outcome: 'employment', subgroup, method, n_treated: 100, n_control: 100, treated_mean: 0.3, control_mean: 0.3 - att,
  att, se: (hi - lo) / 3.92, ci_low: lo, ci_high: hi, p_value: 0.01, relative_effect: att / (0.3 - att),
});

describe('collectWarnings', () => {
  it('warns when PSM and IPW disagree beyond their confidence intervals', () => {
    const w = collectWarnings([r('psm', 0.05, 0.03, 0.07), r('ipw', 0.12, 0.1, 0.14), r('naive', 0.2, 0.19, 0.21)]);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^employment, all: PSM \(0\.050 \[0\.030, 0\.070\]\) and IPW \(0\.120 \[0\.100, 0\.140\]\) disagree/);
  });
  it('is silent when the intervals overlap and the difference is within its uncertainty, or per subgroup only where not', () => {
    // 0.02 apart with SEs of 0.0102: 1.39 SEs of the difference (2.08 would be methods_differ, below)
    expect(collectWarnings([r('psm', 0.05, 0.03, 0.07), r('ipw', 0.07, 0.05, 0.09)])).toEqual([]);
    const w = collectWarnings([r('psm', 0.05, 0.03, 0.07, 'gender=M'), r('ipw', 0.2, 0.1, 0.3, 'gender=M'), r('psm', 0.05, 0.03, 0.07), r('ipw', 0.06, 0.03, 0.09)]);
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('gender=M');
  });
  it('gives each warning a code and its parameters for the translated sentence', () => {
    const [w] = collectRunWarnings([r('psm', 0.05, 0.03, 0.07), r('ipw', 0.12, 0.1, 0.14)]);
    expect(w).toMatchObject({ code: 'methods_disagree', params: { outcome: 'employment', subgroup: 'all', psm: '0.050 [0.030, 0.070]', ipw: '0.120 [0.100, 0.140]' } });
    expect(w?.text).toMatch(/^employment, all: PSM/);
  });
});

describe('methods_differ: PSM and IPW beyond their joint uncertainty', () => {
  it('warns when the difference exceeds 1.96 SEs of the difference although the CIs overlap, and only then', () => {
    // se = 0.02 each: the difference's SE is 0.0283; 0.06 apart is 2.12 of them, the CIs (±0.039) overlap
    const psm = r('psm', 0.05, 0.05 - 0.0392, 0.05 + 0.0392);
    const ipw = r('ipw', 0.11, 0.11 - 0.0392, 0.11 + 0.0392);
    const [w, ...rest] = collectRunWarnings([psm, ipw]);
    expect(rest).toEqual([]);
    expect(w?.code).toBe('methods_differ');
    expect(w?.params).toMatchObject({ outcome: 'employment', subgroup: 'all', z: 2.12 });
    expect(w?.text).toContain('differ by more than their joint uncertainty (2.12 standard errors of the difference)');
    expect(collectRunWarnings([psm, r('ipw', 0.1, 0.1 - 0.0392, 0.1 + 0.0392)])).toEqual([]); // 1.77 SEs
    // non-overlapping CIs: the stronger methods_disagree only
    expect(collectRunWarnings([r('psm', 0.05, 0.03, 0.07), r('ipw', 0.12, 0.1, 0.14)]).map((x) => x.code)).toEqual(['methods_disagree']);
  });
});

describe('balanceWarnings', () => {
  const t = { smd: 0.1, varianceRatio: 2 };
  it('names the worst term after each method, counting the poor ones, and the worst variance ratio', () => {
    const covariates = [
      { covariate: 'age', smd_after: 0.02, smd_after_ipw: -0.15 },
      { covariate: 'female', smd_after: null, smd_after_ipw: 0.01 },
    ];
    const terms = [
      { term: 'age', smd_after: 0.02, smd_after_ipw: -0.15, variance_ratio_after: 1.1, variance_ratio_after_ipw: 0.4 },
      { term: 'age²', smd_after: 0.12, smd_after_ipw: -0.2 },
      { term: "age'1", smd_after: -0.05, smd_after_ipw: 0.3 },
    ];
    const w = balanceWarnings('gender=F', covariates, terms, t);
    expect(w.map((x) => [x.code, x.params])).toEqual([
      ['balance_poor', { subgroup: 'gender=F', method: 'psm', terms: 1, worst: 'age²', smd: 0.12 }],
      ['balance_poor', { subgroup: 'gender=F', method: 'ipw', terms: 4, worst: "age'1", smd: 0.3 }],
      ['variance_poor', { subgroup: 'gender=F', method: 'ipw', terms: 1, worst: 'age', ratio: 0.4 }],
    ]);
    expect(w[0]?.text).toBe('Subgroup gender=F: after PSM, 1 term(s) of the score model are still imbalanced (|standardised mean difference| above 0.1; worst age²: 0.12); the PSM estimate may be biased by them.');
    expect(w[2]?.text).toContain('more than a factor of 2 (worst age: variance ratio 0.40)');
  });
  it('is silent when every term is within the thresholds or was not computed', () => {
    expect(balanceWarnings('all', [{ covariate: 'age', smd_after: 0.09, smd_after_ipw: -0.1 }], [{ term: 'age', smd_after: null, smd_after_ipw: 0.05, variance_ratio_after: null, variance_ratio_after_ipw: 1.9 }], t)).toEqual([]);
  });
});

describe('warn', () => {
  it('writes the sentence from the code’s parameters, which warning_details keep as given', () => {
    const w = warn('psm_support', { subgroup: 'gender=M', lost: 10, treated: 200, percent: oneDecimal(5), caliper: 0.2 });
    expect(w.params).toEqual({ subgroup: 'gender=M', lost: 10, treated: 200, percent: 5, caliper: 0.2 });
    expect(w.text).toBe('Subgroup gender=M: 10 of 200 participants (5.0 %) found no control within the caliper (0.2 SD of the logit score, same cohort): common support is poor and PSM estimates the effect for the matched participants only.');
    expect(warn('ipw_concentrated', { subgroup: 'all', ess: Math.round(12.5), controls: 900, share: oneDecimal(7.25) }).text).toContain('effective sample size 13 of 900 control rows; the largest weight carries 7.3 % of the total');
    expect(warn('truncated_participants', { count: 3, weeks: 52, cohorts: '' }).text).toBe('3 participant(s) started less than 52 weeks before the last week in the data; their outcome window is incomplete and they are left out.');
    expect(warn('truncated_cohorts', { count: 3, weeks: 52, cohorts: '2019Q4' }).text).toContain('in the data (cohorts 2019Q4); their');
  });
  it('later_participants: how often later participants are missing from earlier cohorts’ controls, and what to do', () => {
    const w = warn('later_participants', { rows: 120, percent: oneDecimal(2.345), controls: 'never' });
    expect(w.params).toEqual({ rows: 120, percent: 2.3, controls: 'never' });
    expect(w.text).toMatch(/^120 time\(s\) a participant of a later cohort .* control pool "never" .* \(2\.3 % of its control rows\)\. .* --controls not-yet includes them/);
  });
  it('adds what the sentence says beyond the parameters (separation) without putting it in the parameters', () => {
    const s = warn('separation', { subgroup: 'all' }, { message: 'fitted probabilities 0 or 1' });
    expect(s.params).toEqual({ subgroup: 'all' });
    expect(s.text).toMatch(/perfectly; common support is poor\. fitted probabilities 0 or 1$/);
    expect(warn('separation', { subgroup: 'all' }, { message: undefined }).text).toMatch(/common support is poor\.$/);
    const c = warn('separation_categories', { subgroup: 'all', categories: 'origin=CU, origin=YE' }, { empty: [{ name: 'origin=CU', treatedRows: 0, controlRows: 41 }, { name: 'origin=YE', treatedRows: 3, controlRows: 0 }] });
    expect(c.text).toMatch(/^Subgroup all: no participant has origin=CU \(41 control rows do\); no control has origin=YE \(3 participants do\)\. These rows/);
  });
  it('has a sentence for every code', () => {
    expect(WARNING_CODES).toHaveLength(20);
    expect(new Set(WARNING_CODES).size).toBe(20);
  });
});
