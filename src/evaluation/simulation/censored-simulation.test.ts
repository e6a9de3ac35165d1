// Simulation with the `censored` design (decision 024): on a register with a known effect and
// later participants among the controls, PSM and IPW with controls censored at their own start
// cover the true ATT; the hazard model of starting is fitted on every start of the register.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../evaluate.ts';
import { tmpFiles } from '../testing/tmp-files.ts';
import { simulate } from './generate.ts';

describe('simulation: the censored design covers a known effect', () => {
  it('4000 persons × 200 weeks, PSM and IPW', async () => {
    const f = tmpFiles({});
    const persons: string[] = [];
    const weeks: string[] = ['person_id,week,status\n'];
    const truth = simulate({ persons: 4000, weeks: 200, seed: 23 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
    writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
    writeFileSync(f.path('weeks.csv'), weeks.join(''));
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 'test', methods: ['naive', 'psm', 'ipw'], outcomes: ['employment'], by: [], controlPool: 'censored', threads: 1 });
    const get = (m: string) => out.results.find((r) => r.method === m && r.subgroup === 'all' && r.outcome === 'employment');
    expect(out.design.controls).toBe('censored');
    const c = out.design.censoring;
    expect(c).toBeDefined();
    // Every participant starting within the fitted span is an event; some control rows are censored.
    expect(c?.starts).toBeGreaterThanOrEqual(out.input.participants - 5);
    expect(c?.censored_control_rows).toBeGreaterThan(50);
    expect(c?.converged).toBe(true);
    for (const m of ['psm', 'ipw']) {
      const r = get(m);
      expect(r).toBeDefined();
      expect(r?.ci_low).toBeLessThan(truth.attEmployment);
      expect(r?.ci_high).toBeGreaterThan(truth.attEmployment);
    }
    const naive = get('naive');
    expect(naive && (naive.ci_high ?? Number.NaN) < truth.attEmployment).toBe(true);
    expect(out.by_period.filter((r) => r.method === 'ipw')).toHaveLength(13);
    // No "later participants" warning: the censored design has them.
    expect(out.warning_details?.some((w) => w.code === 'later_participants')).toBe(false);
  });
});
