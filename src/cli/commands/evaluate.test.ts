import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulate } from '../../evaluation/simulation/generate.ts';
import { tmpFiles } from '../../evaluation/testing/tmp-files.ts';
import { run } from './evaluate.ts';

let stderr: string[] = [];
let spy: { mockRestore: () => void } | undefined;
beforeEach(() => {
  stderr = [];
  spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr.push(String(s));
    return true;
  });
});
afterEach(() => spy?.mockRestore());

function dataset() {
  const f = tmpFiles({});
  const persons: string[] = [];
  const weeks: string[] = ['person_id,week,status\n'];
  simulate({ persons: 1500, weeks: 130, seed: 3 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
  writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
  writeFileSync(f.path('weeks.csv'), weeks.join(''));
  return f;
}

describe('jobvej evaluate', () => {
  it('writes FORMATS.md JSON and an HTML report', async () => {
    const f = dataset();
    const code = await run(['--persons', f.path('persons.csv'), '--weeks', f.path('weeks.csv'), '--methods', 'naive,psm,ipw', '--out', f.path('r.json'), '--html', f.path('r.html')]);
    expect(code).toBe(0);
    const out = JSON.parse(readFileSync(f.path('r.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['jobvej_version', 'input', 'design', 'results', 'by_period', 'balance', 'warnings', 'balance_by_subgroup', 'warning_details', 'balance_terms', 'sensitivity']);
    expect(out.jobvej_version).toMatch(/^\d+\.\d+\.\d+/);
    const results = out.results as { subgroup: string; method: string; outcome: string; relative_effect: number }[];
    expect(new Set(results.map((r) => r.subgroup))).toEqual(new Set(['all', 'gender=F', 'gender=M']));
    expect(new Set(results.map((r) => r.method))).toEqual(new Set(['naive', 'psm', 'ipw']));
    expect(results.filter((r) => r.subgroup === 'all' && r.method === 'psm')).toHaveLength(8);
    const html = readFileSync(f.path('r.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|src="http/);
    expect(stderr.join('')).toContain('score model');
  });

  it('reports input errors with file and line, and writes nothing', async () => {
    const f = dataset();
    writeFileSync(f.path('weeks.csv'), `${readFileSync(f.path('weeks.csv'), 'utf8')}P0001,2016-W10,holiday\n`);
    const before = readdirSync(f.dir).sort();
    const code = await run(['--persons', f.path('persons.csv'), '--weeks', f.path('weeks.csv'), '--out', f.path('r.json'), '--quiet']);
    expect(code).toBe(1);
    expect(stderr.join('')).toMatch(/weeks\.csv:\d+: (unknown status "holiday"|duplicate row)/);
    expect(existsSync(f.path('r.json'))).toBe(false);
    expect(readdirSync(f.dir).sort()).toEqual(before);
  });

  it('can pool the score model across subgroups', async () => {
    const f = dataset();
    const code = await run(['--persons', f.path('persons.csv'), '--weeks', f.path('weeks.csv'), '--methods', 'psm,ipw', '--outcomes', 'employment', '--score-model', 'pooled', '--out', f.path('r.json'), '--quiet']);
    expect(code).toBe(0);
    const out = JSON.parse(readFileSync(f.path('r.json'), 'utf8')) as { design: { score_model: string }; results: { subgroup: string }[] };
    expect(out.design.score_model).toBe('pooled');
    expect(out.results.filter((r) => r.subgroup === 'gender=M')).toHaveLength(2);
  });

  it('rejects bad usage with exit code 2', async () => {
    expect(await run(['--persons', 'p.csv'])).toBe(2);
    expect(await run(['--persons', 'p.csv', '--weeks', 'w.csv', '--out', 'x.json', '--methods', 'magic'])).toBe(2);
    expect(stderr.join('')).toContain('unknown method: magic');
  });
});
