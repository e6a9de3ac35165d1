import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { PERSONS_HEADER, tmpFiles } from '../testing/tmp-files.ts';
import { readPersonsCsv } from './persons-csv.ts';

describe('readPersonsCsv', () => {
  it('reads persons with extra columns', async () => {
    const f = tmpFiles({
      'p.csv': `\uFEFF${PERSONS_HEADER},education_years\r\na,K,1990,SY,2015-03-02,101,participant,2017-02-01,9\r\n"b",M,1985,ER,2014-11-30,851,control,,12\r\n`,
    });
    const p = await readPersonsCsv(f.path('p.csv'));
    expect(p.n).toBe(2);
    expect(p.index.get('b')).toBe(1);
    expect([...p.female]).toEqual([1, 0]);
    expect([...p.participant]).toEqual([1, 0]);
    expect(p.extra.get('education_years')).toEqual(['9', '12']);
  });

  it('reports every bad line with its number and reason, and returns nothing', async () => {
    const f = tmpFiles({
      'p.csv': [
        PERSONS_HEADER,
        'a,K,1990,SY,2015-03-02,101,participant,2017-02-01',
        'a,X,19x0,Syria,2015-02-30,1011,treated,',
        'c,F,1990,SY,2015-03-02,101,participant,',
        'd,F,1990,SY,2015-03-02,101,control,2017-01-01',
      ].join('\n'),
    });
    const err = await readPersonsCsv(f.path('p.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(problems[0]?.reason).toMatch(/duplicate person_id "a".*gender "X".*birth_year.*origin_country.*arrival_date.*municipality_code.*group/);
    expect(problems[1]?.reason).toMatch(/start_date "" .*required for participants/);
    expect(problems[2]?.reason).toMatch(/must be empty for controls/);
    expect((err as Error).message).toContain('p.csv:3:');
  });

  it('names missing columns', async () => {
    const f = tmpFiles({ 'p.csv': 'person_id,gender\na,K\n' });
    await expect(readPersonsCsv(f.path('p.csv'))).rejects.toThrow(/missing columns: birth_year, origin_country/);
  });

  it('refuses a missing file clearly', async () => {
    await expect(readPersonsCsv('/nonexistent/persons.csv')).rejects.toThrow(/persons\.csv: cannot read the file \(ENOENT\)/);
  });
});
