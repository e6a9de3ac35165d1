import { describe, expect, it } from 'vitest';
import type { ResultRow } from './report/model.ts';
import { collectRunWarnings, collectWarnings } from './warnings.ts';

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
