import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { parseIsoWeek } from '../iso-week.ts';
import { statusAt } from '../panel.ts';
import { S } from '../statuses.ts';
import { PERSONS_HEADER, tmpFiles } from '../testing/tmp-files.ts';
import { readPersonsCsv } from './persons-csv.ts';
import { readWeeksCsv } from './weeks-csv.ts';

const persons = `${PERSONS_HEADER}\na,K,1990,SY,2015-03-02,101,participant,2017-02-01\nb,M,1985,ER,2014-11-30,851,control,\n`;

async function load(weeks: string, maxErrors?: number) {
  const f = tmpFiles({ 'persons.csv': persons, 'weeks.csv': weeks });
  const p = await readPersonsCsv(f.path('persons.csv'));
  return { p, read: () => readWeeksCsv(f.path('weeks.csv'), p, { maxErrors }) };
}

describe('readWeeksCsv', () => {
  it('reads statuses into the panel (CRLF, BOM, quoted fields, other column order)', async () => {
    const { read } = await load('\uFEFFweek,person_id,status\r\n2017-W05,a,employment\r\n2017-W06,"a",igu\r\n2016-W52,b,guidance_upskilling\r\n2014-W01,b,education\r\n');
    const r = read();
    expect(r.rows).toBe(4);
    expect(r.beforeArrival).toBe(1); // b arrived 2014-11-30
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W05'))).toBe(S.employment);
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W06'))).toBe(S.igu);
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W07'))).toBe(S.none);
    expect(statusAt(r.panel, 1, parseIsoWeek('2016-W52'))).toBe(S.guidance_upskilling);
    expect(statusAt(r.panel, 1, parseIsoWeek('2014-W01'))).toBe(S.none);
  });

  it('reads quoted fields in the standard column order', async () => {
    const { read } = await load('person_id,week,status\na,2017-W05,"igu"\n"b",2017-W05,employment\na,"2017-W06",education\n');
    const r = read();
    expect(r.rows).toBe(3);
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W05'))).toBe(S.igu);
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W06'))).toBe(S.education);
  });

  it('reports unknown status, duplicate person-week, bad week, unknown person and field count with line numbers', async () => {
    const { read } = await load(
      [
        'person_id,week,status',
        'a,2017-W05,employment',
        'a,2017-W05,education',
        'a,2017-W06,working',
        'a,2017-W60,igu',
        'zz,2017-W05,igu',
        'b,2017-W05',
        'b,2017-5,none',
      ].join('\n'),
    );
    let err: unknown;
    try {
      read();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const lines = (err as InputError).problems.map((p) => `${p.line}: ${p.reason}`);
    expect(lines).toEqual([
      '3: duplicate row for person "a" in week 2017-W05',
      '4: unknown status "working"',
      '5: week "2017-W60" is not a valid ISO week YYYY-Www',
      '6: unknown person_id "zz" (not in persons.csv)',
      '7: expected 3 fields, found 2',
      '8: week "2017-5" is not a valid ISO week YYYY-Www; unknown status "none"',
    ]);
    expect((err as Error).message).toMatch(/weeks\.csv:3: duplicate/);
  });

  it('canonical fast path: CRLF, status prefixes/suffixes and extra fields fall back to the general path with line numbers', async () => {
    const { read } = await load(
      ['person_id,week,status', 'a,2017-W05,employment', 'a,2017-W06,ig', 'a,2017-W07,igux', 'a,2017-W08,igu,x', 'b,2017-W05,"igu"', 'b,2017-W06,education', ''].join('\r\n'),
    );
    let err: unknown;
    try {
      read();
    } catch (e) {
      err = e;
    }
    expect((err as InputError).problems.map((p) => `${p.line}: ${p.reason}`)).toEqual([
      '3: unknown status "ig"',
      '4: unknown status "igux"',
      '5: expected 3 fields, found 4',
    ]);
    const ok = await load('person_id,week,status\r\na,2017-W05,employment\r\nb,2017-W05,"igu"\r\nb,2017-W06,education');
    const r = ok.read();
    expect(r.rows).toBe(3);
    expect(statusAt(r.panel, 0, parseIsoWeek('2017-W05'))).toBe(S.employment);
    expect(statusAt(r.panel, 1, parseIsoWeek('2017-W05'))).toBe(S.igu);
    expect(statusAt(r.panel, 1, parseIsoWeek('2017-W06'))).toBe(S.education);
  });

  it('collects at most maxErrors problems and counts the rest', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => `a,2017-W${String(i + 1).padStart(2, '0')},bogus`);
    const { read } = await load(['person_id,week,status', ...bad].join('\n'), 20);
    try {
      read();
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems).toHaveLength(20);
      expect((e as InputError).more).toBe(10);
      expect((e as Error).message).toMatch(/… and 10 more errors$/);
    }
  });

  it('names missing columns', async () => {
    const { read } = await load('person_id,wk,status\na,2017-W05,igu\n');
    expect(() => read()).toThrow(/weeks\.csv:1: missing column: week/);
  });
});
