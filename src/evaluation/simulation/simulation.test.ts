// Simulation: selection on observables with a known effect. PSM and IPW must recover the true
// ATT within their 95 % CIs; the naive difference must miss it (its CI excludes the truth).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../evaluate.ts';
import { tmpFiles } from '../testing/tmp-files.ts';
import { simulate } from './generate.ts';

describe('simulation: PSM and IPW recover a known effect, the naive difference does not', () => {
  it('4000 persons × 160 weeks', async () => {
    const f = tmpFiles({});
    const persons: string[] = [];
    const weeks: string[] = ['person_id,week,status\n'];
    const truth = simulate({ persons: 4000, weeks: 160, seed: 11 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
    writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
    writeFileSync(f.path('weeks.csv'), weeks.join(''));
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 'test', outcomes: ['employment'], by: [] });
    const get = (m: string) => out.results.find((r) => r.method === m && r.subgroup === 'all' && r.outcome === 'employment');
    const psm = get('psm');
    const ipw = get('ipw');
    const naive = get('naive');
    expect(truth.participants).toBeGreaterThan(300);
    expect(out.input.participants).toBe(truth.participants);
    for (const r of [psm, ipw]) {
      expect(r).toBeDefined();
      expect(r?.ci_low).toBeLessThan(truth.attEmployment);
      expect(r?.ci_high).toBeGreaterThan(truth.attEmployment);
    }
    expect(naive && ((naive.ci_high ?? Number.NaN) < truth.attEmployment || (naive.ci_low ?? Number.NaN) > truth.attEmployment)).toBe(true);
    // Balance improves on the selection covariate.
    const pre = out.balance.find((b) => b.covariate === 'pre_employment_share');
    expect(Math.abs(pre?.smd_before ?? 0)).toBeGreaterThan(0.2);
    expect(Math.abs(pre?.smd_after ?? 1)).toBeLessThan(0.1);
    expect(Math.abs(pre?.smd_after_ipw ?? 1)).toBeLessThan(0.1);
    expect(out.by_period.filter((r) => r.method === 'psm')).toHaveLength(13);
  });
});
