// Simulation (decision 030): on a register with selection on observables and a known effect,
// the doubly robust ATT's 95 % CI covers the truth, as PSM's and IPW's do (simulation.test.ts),
// and its period estimates are there for the chart.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../evaluate.ts';
import { tmpFiles } from '../testing/tmp-files.ts';
import { simulate } from './generate.ts';

describe('simulation: AIPW recovers a known effect', () => {
  it('3000 persons × 160 weeks', async () => {
    const f = tmpFiles({});
    const persons: string[] = [];
    const weeks: string[] = ['person_id,week,status\n'];
    const truth = simulate({ persons: 3000, weeks: 160, seed: 5 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
    writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
    writeFileSync(f.path('weeks.csv'), weeks.join(''));
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 'test', outcomes: ['employment'], by: [], methods: ['naive', 'aipw'] });
    const get = (m: string) => out.results.find((r) => r.method === m && r.subgroup === 'all' && r.outcome === 'employment');
    const aipw = get('aipw');
    const naive = get('naive');
    expect(truth.participants).toBeGreaterThan(200);
    expect(aipw?.ci_low).toBeLessThan(truth.attEmployment);
    expect(aipw?.ci_high).toBeGreaterThan(truth.attEmployment);
    expect(aipw?.n_treated).toBe(naive?.n_treated);
    // The naive contrast misses it (selection on the pre-period employment).
    expect(naive && ((naive.ci_high ?? Number.NaN) < truth.attEmployment || (naive.ci_low ?? Number.NaN) > truth.attEmployment)).toBe(true);
    expect(out.by_period.filter((r) => r.method === 'aipw')).toHaveLength(13);
  });
});
