// Differential test of weeks.csv's canonical fast path (header person_id,week,status: runs of
// lines in one loop) against the general per-line path (any other column order): the same
// panel and rows, and errors on the same line numbers, on files with every kind of irregular
// line mixed into long runs of regular ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { STATUS_NAMES } from '../statuses.ts';
import { PERSONS_HEADER, tmpFiles } from '../testing/tmp-files.ts';
import { readPersonsCsv } from './persons-csv.ts';
import { readWeeksCsv } from './weeks-csv.ts';

// Ids of 1–14 bytes, some prefixes of others (the fast path compares ids of 4–8 bytes as words).
const IDS = ['a', 'p1', 'p10', 'p100', 'P001', 'P0010', 'P00100', 'Q1234567', 'Q12345678', 'R123456789AB', 'S1234567890123'];
// Valid weeks (2015 and 2020 have 53), invalid ones, and a year change mid-person.
const WEEKS = ['2015-W01', '2015-W53', '2016-W01', '2016-W52', '2020-W53', '2021-W01', '2017-W10', '2019-W53', '2019-W00', '2019-W5', '2x19-W05', '2017W10'];
const BAD_STATUS = ['ig', 'igux', 'praktik_pub', 'praktik_publicx', 'wage_subsidy_privat', 'none', 'Employment', ''];

const line = fc.record({
  id: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...IDS) }, { weight: 1, arbitrary: fc.constantFrom('zz', 'P0011', 'a b') }),
  week: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...WEEKS.slice(0, 7)) }, { weight: 1, arbitrary: fc.constantFrom(...WEEKS.slice(7)) }),
  status: fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...STATUS_NAMES.slice(1)) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_STATUS) }),
  crlf: fc.boolean(),
  extra: fc.oneof({ weight: 30, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(',x', ',') }),
});

const persons = `${PERSONS_HEADER}\n${IDS.map((id) => `${id},K,1990,SY,2015-03-02,101,control,`).join('\n')}\n`;

async function outcome(path: string, p: Awaited<ReturnType<typeof readPersonsCsv>>): Promise<unknown> {
  try {
    const r = readWeeksCsv(path, p, { maxErrors: 1000 });
    return { rows: r.rows, beforeArrival: r.beforeArrival, weekStart: r.panel.weekStart, nWeeks: r.panel.nWeeks, status: Buffer.from(r.panel.status).toString('base64') };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // Line numbers only: on a line with two faults (e.g. an unknown id and a 4th field) the two
    // paths may name a different one first.
    return { problemLines: e.problems.map((q) => q.line), count: e.problems.length };
  }
}

describe('weeks.csv canonical fast path', () => {
  it('reads exactly what the general path reads, errors and line numbers included (fast-check)', async () => {
    const f = tmpFiles({ 'persons.csv': persons });
    const p = await readPersonsCsv(f.path('persons.csv'));
    await fc.assert(
      fc.asyncProperty(
        // runs of lines per person (rows come grouped by person), long enough to pass the fast path's end margin
        fc.array(fc.tuple(line, fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        async (runs, finalBreak) => {
          const rows: { id: string; week: string; status: string; crlf: boolean; extra: string }[] = [];
          for (const [l, n] of runs) for (let k = 0; k < n; k++) rows.push({ ...l, week: k === 0 ? l.week : (WEEKS[(WEEKS.indexOf(l.week) + k) % 7] as string) });
          const end = (r: (typeof rows)[number], i: number): string => (i === rows.length - 1 && !finalBreak ? '' : r.crlf ? '\r\n' : '\n');
          const canonical = `person_id,week,status\n${rows.map((r, i) => `${r.id},${r.week},${r.status}${r.extra}${end(r, i)}`).join('')}`;
          const general = `week,person_id,status\n${rows.map((r, i) => `${r.week},${r.id},${r.status}${r.extra}${end(r, i)}`).join('')}`;
          const fast = tmpFiles({ 'weeks.csv': canonical });
          const slow = tmpFiles({ 'weeks.csv': general });
          expect(await outcome(fast.path('weeks.csv'), p)).toEqual(await outcome(slow.path('weeks.csv'), p));
        },
      ),
      { numRuns: 300 },
    );
  });
});
