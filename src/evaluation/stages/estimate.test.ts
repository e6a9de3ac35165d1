// Naive, IPW and DiD standard errors cluster on the person: in stacked cohorts a control person
// is a unit once per cohort, with overlapping outcome windows. Checked against the general
// least squares + sandwich path of src/stats (itself checked against statsmodels).
import { describe, expect, it } from 'vitest';
import { createRng, robustCov, seFromCov, wls } from '../../stats/index.ts';
import { N_PERIODS } from '../design/outcomes.ts';
import { groupEstimates } from './estimate.ts';

describe('groupEstimates standard errors', () => {
  const rand = createRng(11);
  // 60 participants once each, 120 control persons in 4 cohorts each: 540 units.
  const person: number[] = [];
  const treatedList: number[] = [];
  for (let p = 0; p < 60; p++) {
    person.push(p);
    treatedList.push(1);
  }
  for (let c = 0; c < 4; c++) {
    for (let p = 60; p < 180; p++) {
      person.push(p);
      treatedList.push(0);
    }
  }
  const n = person.length;
  const personIds = Int32Array.from(person);
  const treated = Uint8Array.from(treatedList);
  // A person's outcome is much the same in every cohort (the dependence the clustering is for).
  const level = Array.from({ length: 180 }, () => rand());
  const post = Uint8Array.from(person, (p, i) => Math.min(52, Math.round(52 * (level[p] as number) * (0.8 + 0.4 * rand()) + 8 * (treated[i] as number))));
  const pre = Uint8Array.from(person, (p) => Math.min(52, Math.round(40 * (level[p] as number) * (0.8 + 0.4 * rand()))));
  const periods = new Uint8Array(n * N_PERIODS);
  const weights = Float64Array.from(treated, (t) => (t ? 1 : 0.2 + 1.6 * rand()));
  const r = groupEstimates({ label: 'all', methods: ['naive', 'ipw', 'did'], outcomes: ['employment'], treated, person: personIds, ipw: { weights }, post: [post], pre: [pre], periods });
  const X = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    X[2 * i] = 1;
    X[2 * i + 1] = treated[i] as number;
  }
  const reference = (y: Float64Array, w?: Float64Array, type: 'CR1' | 'HC1' = 'CR1'): number => {
    const fit = wls(X, y, n, 2, w);
    return seFromCov(robustCov(X, fit.residuals, n, 2, fit.bread, { type, ...(type === 'CR1' ? { clusters: personIds } : {}), ...(w ? { weights: w } : {}) }), 2)[1] as number;
  };
  const yPost = Float64Array.from(post, (v) => v / 52);
  const yDiff = Float64Array.from(post, (v, i) => v / 52 - (pre[i] as number) / 52);
  const se = (method: string): number => r.results.find((x) => x.method === method)?.se ?? Number.NaN;

  it('naive: CR1 on the person', () => {
    expect(se('naive')).toBeCloseTo(reference(yPost), 12);
    // the repeated control persons make it larger than the unclustered HC1
    expect(se('naive')).toBeGreaterThan(reference(yPost, undefined, 'HC1'));
  });
  it('IPW: weighted CR1 on the person', () => {
    expect(se('ipw')).toBeCloseTo(reference(yPost, weights), 12);
  });
  it('DiD: CR1 on the person of the post − pre change', () => {
    expect(se('did')).toBeCloseTo(reference(yDiff), 12);
  });
  it('without person ids: HC1 as before', () => {
    const plain = groupEstimates({ label: 'all', methods: ['naive'], outcomes: ['employment'], treated, post: [post], pre: [], periods });
    expect(plain.results[0]?.se).toBeCloseTo(reference(yPost, undefined, 'HC1'), 12);
  });
});
