import { closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { PERSONS_HEADER, tmpFiles } from '../testing/tmp-files.ts';
import { scanLines } from './line-scanner.ts';
import { readPersonsCsv } from './persons-csv.ts';
import { readWeeksCsv } from './weeks-csv.ts';

describe('scanLines', () => {
  it('refuses a line without a line break beyond the limit, naming file and line', () => {
    const f = tmpFiles({ 'long-line.csv': 'person_id,week,status\n' + 'x'.repeat(5000) });
    const seen: number[] = [];
    expect(() => scanLines(f.path('long-line.csv'), (_b, _s, _e, n) => seen.push(n), undefined, 1024, 4096)).toThrow(/long-line\.csv:2: line is longer than 4096 bytes/);
    expect(seen).toEqual([1]);
  });

  it('a 2.1 GB weeks file that is not text fails fast with a clear error and loads nothing', async () => {
    const f = tmpFiles({ 'persons.csv': `${PERSONS_HEADER}\na,K,1990,SY,2015-03-02,101,participant,2017-02-01\n` });
    const persons = await readPersonsCsv(f.path('persons.csv'));
    // A sparse file: a valid header, then ~2.1 GB of NUL bytes without a line break (no disk blocks written).
    const file = f.path('huge-weeks.csv');
    const fd = openSync(file, 'w');
    writeSync(fd, 'person_id,week,status\n');
    ftruncateSync(fd, 2_100_000_000);
    closeSync(fd);
    let error: unknown;
    try {
      readWeeksCsv(file, persons);
    } catch (e) {
      error = e;
    } finally {
      rmSync(file);
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/huge-weeks\.csv:2: line is longer than \d+ bytes without a line break/);
  });
});
