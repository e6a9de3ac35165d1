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
    expect(did && Math.abs((did.relative_effect ?? 0) - (did.att ?? Number.NaN) / (did.control_mean ?? Number.NaN))).toBeLessThan(1e-12);
  });

  it('adds extra covariates (categorical → dummies) to the score model', async () => {
    const f = files(true);
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 't', methods: ['psm'], outcomes: ['employment'], by: [], covariates: ['language_level'] });
    expect(out.design.covariates.filter((c) => c.startsWith('language_level='))).toHaveLength(2);
    expect(out.balance.some((b) => b.covariate.startsWith('language_level='))).toBe(true);
  });

  it('gives each other subgroup its own balance table (its own model, matches and weights)', async () => {
    const f = files();
    const out = await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 't', methods: ['psm', 'ipw'], outcomes: ['employment'] });
    expect(Object.keys(out.balance_by_subgroup ?? {}).sort()).toEqual(['gender=F', 'gender=M']);
    const women = out.balance_by_subgroup?.['gender=F'] ?? [];
    // gender is constant within the subgroup: no row for it; the others are there, before and after
    expect(women.map((b) => b.covariate)).not.toContain('female');
    expect(women.map((b) => b.covariate)).toEqual(out.balance.map((b) => b.covariate).filter((c) => c !== 'female'));
    for (const b of women) expect([b.smd_before, b.smd_after, b.smd_after_ipw].every(Number.isFinite)).toBe(true);
    // and it differs from subgroup all's (computed on the women's rows and weights)
    expect(women.find((b) => b.covariate === 'age')?.smd_before).not.toBe(out.balance.find((b) => b.covariate === 'age')?.smd_before);
  });

  it('refuses an unknown subgroup column', async () => {
    const f = files();
    await expect(evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, { version: 't', by: ['shoe_size'] })).rejects.toThrow(/--by shoe_size: no such column/);
  });
});
