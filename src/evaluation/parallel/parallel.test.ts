import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFiles, type EvaluateOptions } from '../evaluate.ts';
import { simulate } from '../simulation/generate.ts';
import { tmpFiles } from '../testing/tmp-files.ts';
import { threadCount } from './helper.ts';

function files() {
  const f = tmpFiles({});
  const persons: string[] = [];
  const weeks: string[] = ['person_id,week,status\n'];
  simulate({ persons: 1500, weeks: 130, seed: 11 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
  writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
  writeFileSync(f.path('weeks.csv'), weeks.join(''));
  return f;
}

describe('helper thread', () => {
  it('gives the same result as one thread (every method, subgroups, both score models)', async () => {
    const f = files();
    const paths = { persons: f.path('persons.csv'), weeks: f.path('weeks.csv') };
    for (const scoreModel of ['separate', 'pooled'] as const) {
      const opts: EvaluateOptions = { version: 't', methods: ['naive', 'psm', 'ipw', 'did'], by: ['gender'], scoreModel };
      const one = await evaluateFiles(paths, { ...opts, threads: 1 });
      const two = await evaluateFiles(paths, { ...opts, threads: 2 });
      expect(two).toEqual(one);
      expect(one.results.filter((r) => r.method === 'psm').length).toBeGreaterThan(0);
    }
  });

  it('chooses 1 or 2 threads: option, then JOBVEJ_THREADS, then by input size', () => {
    const env = process.env.JOBVEJ_THREADS;
    try {
      delete process.env.JOBVEJ_THREADS;
      expect(threadCount(1, 1e12)).toBe(1);
      expect(threadCount(4, 0)).toBe(2);
      expect(threadCount(undefined, 1000)).toBe(1);
      process.env.JOBVEJ_THREADS = '1';
      expect(threadCount(undefined, 1e12)).toBe(1);
      process.env.JOBVEJ_THREADS = 'x';
      expect(() => threadCount(undefined, 0)).toThrow(RangeError);
    } finally {
      if (env === undefined) delete process.env.JOBVEJ_THREADS;
      else process.env.JOBVEJ_THREADS = env;
    }
  });

  it('bin/jobvej evaluate --threads 2 exits when done (the helper is stopped)', () => {
    const f = files();
    const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'jobvej');
    const args = [bin, 'evaluate', '--persons', f.path('persons.csv'), '--weeks', f.path('weeks.csv'), '--methods', 'psm', '--outcomes', 'employment', '--quiet'];
    const r2 = spawnSync(process.execPath, [...args, '--threads', '2', '--out', f.path('two.json')], { encoding: 'utf8', timeout: 60_000 });
    expect(r2.status, r2.stderr).toBe(0);
    const r1 = spawnSync(process.execPath, [...args, '--threads', '1', '--out', f.path('one.json')], { encoding: 'utf8', timeout: 60_000 });
    expect(r1.status, r1.stderr).toBe(0);
    expect(readFileSync(f.path('two.json'), 'utf8')).toBe(readFileSync(f.path('one.json'), 'utf8'));
  });
});
