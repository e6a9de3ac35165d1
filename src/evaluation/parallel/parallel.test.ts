import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFiles, type EvaluateOptions } from '../evaluate.ts';
import { simulate } from '../simulation/generate.ts';
import { tmpFiles } from '../testing/tmp-files.ts';
import { readPersonsCsv } from '../readers/persons-csv.ts';
import { readWeeksCsv } from '../readers/weeks-csv.ts';
import { startHelper, type Helper } from './helper.ts';
import { threadCount } from './schedule.ts';
import { splitPoints } from '../readers/weeks-split.ts';
import { readWeeksParallel } from './read-weeks.ts';

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

describe('weeks.csv on two threads', () => {
  async function read(weeksText: string) {
    const f = tmpFiles({});
    const persons: string[] = [];
    const weeks: string[] = [];
    simulate({ persons: 400, weeks: 130, seed: 2 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
    writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
    writeFileSync(f.path('weeks.csv'), weeksText === '' ? `person_id,week,status\n${weeks.join('')}` : weeksText);
    const p = await readPersonsCsv(f.path('persons.csv'));
    const body = weeks.join('');
    return { file: f.path('weeks.csv'), persons: p, body };
  }
  const outcome = async (file: string, persons: Awaited<ReturnType<typeof readPersonsCsv>>, helper?: Helper) => {
    try {
      const r = helper ? await readWeeksParallel(file, persons, {}, helper) : readWeeksCsv(file, persons, {});
      return { ok: r };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };

  it('reads the same panel, and reports the same errors with the same line numbers', async () => {
    const helper = startHelper();
    try {
      const { file, persons, body } = await read('');
      const one = await outcome(file, persons);
      const two = await outcome(file, persons, helper);
      expect(one.ok?.rows).toBeGreaterThan(1000);
      expect(two).toEqual(one);
      const lines = body.trimEnd().split('\n');
      const n = lines.length;
      const variants: string[] = [
        // a bad status and an unknown person in the second half
        ['person_id,week,status', ...lines.slice(0, n - 50), 'P00001,2016-W10,holiday', ...lines.slice(n - 50, n - 10), 'nobody,2016-W10,employment', ...lines.slice(n - 10)].join('\n'),
        // a person-week in both halves (the first row repeated at the end)
        ['person_id,week,status', ...lines, lines[0]].join('\n'),
        // persons in reverse order (the helper numbers ids as they come, not as persons.csv does)
        ['person_id,week,status', ...[...lines].reverse()].join('\n'),
        // one person's rows in both halves (different weeks: no duplicate), the rest in order
        ['person_id,week,status', ...lines.filter((_, i) => i % 2 === 1), ...lines.filter((_, i) => i % 2 === 0)].join('\n'),
        // CRLF line ends, no final line break
        ['person_id,week,status', ...lines].join('\r\n'),
        // not the canonical header: one thread
        ['person_id,status,week', ...lines.map((l) => l.split(',')).map(([a, b, c]) => `${a},${c},${b}`)].join('\n'),
      ];
      for (const text of variants) {
        writeFileSync(file, text);
        const seq = await outcome(file, persons);
        const par = await outcome(file, persons, helper);
        expect(par).toEqual(seq);
      }
      expect((await outcome(file, persons)).ok).toBeDefined();
    } finally {
      await helper.close();
    }
  });

  it('splits after the header at a line start in the middle', async () => {
    const { file } = await read(`person_id,week,status\r\n${'aaaaaaaaa\r\n'.repeat(4)}`);
    expect(splitPoints(file, 67)).toEqual({ headerEnd: 23, mid: 34 });
    writeFileSync(file, 'id,week,status\naaaa\n');
    expect(splitPoints(file, 20)).toBeUndefined();
  });
});
