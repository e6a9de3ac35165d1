import { describe, expect, it } from 'vitest';
import type { ResultRow } from './report/model.ts';
import { collectRunWarnings, collectWarnings, oneDecimal, warn, WARNING_CODES } from './warnings.ts';

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
  it('is silent when the intervals overlap, or per subgroup only where they do not', () => {
    expect(collectWarnings([r('psm', 0.05, 0.03, 0.07), r('ipw', 0.08, 0.06, 0.1)])).toEqual([]);
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

describe('warn', () => {
  it('writes the sentence from the code’s parameters, which warning_details keep as given', () => {
    const w = warn('psm_support', { subgroup: 'gender=M', lost: 10, treated: 200, percent: oneDecimal(5), caliper: 0.2 });
    expect(w.params).toEqual({ subgroup: 'gender=M', lost: 10, treated: 200, percent: 5, caliper: 0.2 });
    expect(w.text).toBe('Subgroup gender=M: 10 of 200 participants (5.0 %) found no control within the caliper (0.2 SD of the logit score, same cohort): common support is poor and PSM estimates the effect for the matched participants only.');
    expect(warn('ipw_concentrated', { subgroup: 'all', ess: Math.round(12.5), controls: 900, share: oneDecimal(7.25) }).text).toContain('effective sample size 13 of 900 control rows; the largest weight carries 7.3 % of the total');
    expect(warn('truncated_participants', { count: 3, weeks: 52, cohorts: '' }).text).toBe('3 participant(s) started less than 52 weeks before the last week in the data; their outcome window is incomplete and they are left out.');
    expect(warn('truncated_cohorts', { count: 3, weeks: 52, cohorts: '2019Q4' }).text).toContain('in the data (cohorts 2019Q4); their');
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
    expect(WARNING_CODES).toHaveLength(13);
    expect(new Set(WARNING_CODES).size).toBe(13);
  });
});
