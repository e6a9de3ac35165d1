// Simulation (decision 030): on a register with selection on observables and a known effect,
// the doubly robust ATT's 95 % CI covers the truth, as PSM's and IPW's do (simulation.test.ts),
// the adjusted estimates carry their sensitivity to hidden bias, and DiD, biased by the selection
// on the pre-period, is flagged by a warning of its own (did_disagrees).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from '../evaluate.ts';
import { renderHtml } from '../report/html.ts';
import { tmpFiles } from '../testing/tmp-files.ts';
import { simulate } from './generate.ts';

describe('simulation: AIPW recovers a known effect', () => {
  it('3000 persons × 160 weeks', async () => {
    const f = tmpFiles({});
    const persons: string[] = [];
    const weeks: string[] = ['person_id,week,status\n'];
    // Strong selection on the pre-window employment share (the participation model's coefficient −8).
    const truth = simulate({ persons: 3000, weeks: 160, seed: 5, selectionStrength: 8 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
    writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
    writeFileSync(f.path('weeks.csv'), weeks.join(''));
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 'test', outcomes: ['employment'], by: [], methods: ['naive', 'psm', 'ipw', 'aipw', 'did'] });
    const get = (m: string) => out.results.find((r) => r.method === m && r.subgroup === 'all' && r.outcome === 'employment');
    const aipw = get('aipw');
    const naive = get('naive');
    expect(truth.participants).toBeGreaterThan(200);
    expect(aipw?.ci_low).toBeLessThan(truth.attEmployment);
    expect(aipw?.ci_high).toBeGreaterThan(truth.attEmployment);
    expect(aipw?.n_treated).toBe(naive?.n_treated);
    // The naive contrast misses it (selection on the pre-period employment).
    expect(naive && ((naive.ci_high ?? Number.NaN) < truth.attEmployment || (naive.ci_low ?? Number.NaN) > truth.attEmployment)).toBe(true);
    // No period estimates for AIPW (two passes over the design per estimate: left out for time, decision 030).
    expect(out.by_period.filter((r) => r.method === 'aipw')).toHaveLength(0);
    expect(out.by_period.filter((r) => r.method === 'psm')).toHaveLength(13);
    // Sensitivity (decision 030): every adjusted estimate has E-values, PSM also Rosenbaum's Γ; a
    // clearly significant effect needs some hidden bias to be explained away (Γ > 1, E-values > 1).
    const sens = (m: string) => out.sensitivity?.find((r) => r.method === m && r.subgroup === 'all' && r.outcome === 'employment');
    expect(out.sensitivity?.map((r) => r.method).sort()).toEqual(['aipw', 'ipw', 'psm']);
    expect(sens('aipw')?.e_value).toBeGreaterThan(sens('aipw')?.e_value_ci ?? Infinity);
    expect(sens('aipw')?.e_value_ci).toBeGreaterThan(1);
    expect(sens('aipw')?.rosenbaum_gamma).toBeUndefined();
    expect(sens('psm')?.rosenbaum_gamma).toBeGreaterThan(1);
    // DiD, which assumes the participants' change from the year before would have been the
    // controls', is off here (selection on the pre-period) and says so by itself, with the reason.
    const did = get('did');
    expect(did?.ci_low).toBeGreaterThan(truth.attEmployment);
    const w = out.warning_details?.filter((x) => x.code === 'did_disagrees') ?? [];
    expect(w).toHaveLength(1);
    expect(out.warnings.find((x) => x.startsWith('employment, all: DiD'))).toContain('When participants were chosen on their recent history');
    const html = renderHtml(out);
    expect(html).toContain('<h2>Sensitivity to hidden bias</h2>');
    expect(html).toContain(`<td>${(sens('psm')?.rosenbaum_gamma ?? 0).toFixed(2)}</td>`);
  });
});
