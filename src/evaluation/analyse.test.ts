import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateFiles } from './evaluate.ts';
import { simulate } from './simulation/generate.ts';
import { tmpFiles } from './testing/tmp-files.ts';

function files(extraColumn = false) {
  const f = tmpFiles({});
  const persons: string[] = [];
  const weeks: string[] = ['person_id,week,status\n'];
  simulate({ persons: 1200, weeks: 130, seed: 5 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
  const lines = extraColumn ? persons.map((l, i) => `${l},${i === 0 ? 'language_level' : ['A', 'B', 'C'][i % 3]}`) : persons;
  writeFileSync(f.path('persons.csv'), `${lines.join('\n')}\n`);
  writeFileSync(f.path('weeks.csv'), weeks.join(''));
  return f;
}

describe('analyse', () => {
  it('subgroups by any persons.csv column and flags small subgroups', async () => {
    const f = files(true);
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 't', methods: ['naive', 'did'], outcomes: ['employment'], by: ['language_level'] });
    expect(new Set(out.results.map((r) => r.subgroup))).toEqual(new Set(['all', 'language_level=A', 'language_level=B', 'language_level=C']));
    expect(out.warnings.some((w) => /Subgroup language_level=A has only \d+ participants: its estimates are uncertain/.test(w))).toBe(true);
    const did = out.results.find((r) => r.method === 'did' && r.subgroup === 'all');
    expect(did && Math.abs((did.relative_effect ?? 0) - did.att / did.control_mean)).toBeLessThan(1e-12);
  });

  it('adds extra covariates (categorical → dummies) to the score model', async () => {
    const f = files(true);
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 't', methods: ['psm'], outcomes: ['employment'], by: [], covariates: ['language_level'] });
    expect(out.design.covariates.filter((c) => c.startsWith('language_level='))).toHaveLength(2);
    expect(out.balance.some((b) => b.covariate.startsWith('language_level='))).toBe(true);
  });

  it('refuses an unknown subgroup column', async () => {
    const f = files();
    await expect(evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 't', by: ['shoe_size'] })).rejects.toThrow(/--by shoe_size: no such column/);
  });
});
