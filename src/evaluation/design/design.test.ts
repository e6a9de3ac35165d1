import { describe, expect, it } from 'vitest';
import { formatIsoWeek, parseIsoWeek } from '../iso-week.ts';
import { readPersonsCsv } from '../readers/persons-csv.ts';
import { readWeeksCsv } from '../readers/weeks-csv.ts';
import { PERSONS_HEADER, tmpFiles } from '../testing/tmp-files.ts';
import { buildCohorts, quarterFirstWeek } from './cohorts.ts';
import { sparseRows } from '../../stats/index.ts';
import { buildCovariates, designMatrix, designSparse, type CovariateTable } from './covariates.ts';
import { computeOutcomes, N_PERIODS } from './outcomes.ts';

// a: participant starting 2017-02-01 (week 2017-W05, cohort 2017Q1): 8 weeks placement, then employed.
// b: control, on benefit at the quarter's first week (2017-W01): eligible.
// c: control employed in 2017-W01: not eligible. d: participant employed at start: not eligible.
async function fixture() {
  const weeks: string[] = ['person_id,week,status'];
  const add = (id: string, from: number, to: number, status: string): void => {
    for (let w = from; w < to; w++) weeks.push(`${id},${formatIsoWeek(w)},${status}`);
  };
  const w5 = parseIsoWeek('2017-W05');
  const w1 = parseIsoWeek('2017-W01');
  add('a', w5 - 52, w5, 'integration_benefit');
  add('a', w5, w5 + 8, 'praktik_private');
  add('a', w5 + 8, w5 + 60, 'employment');
  add('b', w1 - 52, w1 + 60, 'integration_benefit');
  add('c', w1 - 10, w1 + 60, 'employment');
  add('d', w5 - 2, w5 + 60, 'employment');
  const f = tmpFiles({
    'persons.csv': [
      PERSONS_HEADER,
      'a,K,1990,SY,2015-03-02,101,participant,2017-02-01',
      'b,M,1985,ER,2014-11-30,851,control,',
      'c,M,1980,ER,2014-11-30,851,control,',
      'd,F,1980,SY,2014-11-30,851,participant,2017-02-02',
    ].join('\n'),
    'weeks.csv': weeks.join('\n'),
  });
  const persons = await readPersonsCsv(f.path('persons.csv'));
  const { panel } = readWeeksCsv(f.path('weeks.csv'), persons);
  return { persons, panel, w1, w5 };
}

describe('design', () => {
  it('stacks eligible participants and controls per start quarter', async () => {
    const { persons, panel, w1, w5 } = await fixture();
    expect(quarterFirstWeek(2017 * 4)).toBe(w1);
    const c = buildCohorts(persons, panel);
    expect(c.units.cohorts).toEqual(['2017Q1']);
    expect(c.participants).toBe(2);
    expect(c.ineligibleParticipants).toBe(1);
    expect([...c.units.person]).toEqual([0, 1]);
    expect([...c.units.refWeek]).toEqual([w5, w1]);
    expect([...c.units.treated]).toEqual([1, 0]);
  });

  it('measures outcomes over weeks 0..51, by 4-week period, and pre-window covariates', async () => {
    const { persons, panel } = await fixture();
    const { units } = buildCohorts(persons, panel);
    const o = computeOutcomes(units, panel);
    expect(o.post.employment[0]).toBe(44);
    expect(o.post.praktik_private[0]).toBe(8);
    expect(o.post.self_sufficiency[0]).toBe(44);
    expect(o.pre.employment[0]).toBe(0);
    expect(o.preBenefit[0]).toBe(52);
    expect([...o.periods.subarray(0, N_PERIODS)]).toEqual([0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(o.post.employment[1]).toBe(0);
    const cov = buildCovariates(persons, units, o);
    expect(cov.names.slice(0, 3)).toEqual(['female', 'age', 'years_since_arrival']);
    const age = cov.columns[1];
    expect(age?.[0]).toBe(27);
    const dm = designMatrix(cov, Int32Array.from([0, 1]));
    // Constant columns (pre_employment_share, placement, benefit) are dropped.
    expect(dm.names).not.toContain('pre_benefit_share');
    expect(dm.p).toBe(dm.names.length + 1);
  });
});

describe('designSparse', () => {
  it('builds exactly the CSR that sparseRows finds in designMatrix, or undefined when as dense as that keeps', () => {
    const n = 40;
    const dummies = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
    const table: CovariateTable = {
      names: ['x', ...dummies, 'const'],
      kinds: ['numeric', ...dummies.map(() => 'category' as const), 'numeric'],
      columns: [new Float64Array(n), ...dummies.map(() => new Float64Array(n)), new Float64Array(n).fill(3)],
    };
    for (let i = 0; i < n; i++) {
      (table.columns[0] as Float64Array)[i] = i % 5 === 0 ? 0 : i / 7;
      if (i % 7 < 6) (table.columns[1 + (i % 7)] as Float64Array)[i] = 1;
    }
    const rows = Int32Array.from({ length: 30 }, (_, i) => i + 5);
    const dm = designMatrix(table, rows);
    const sd = designSparse(table, rows);
    expect(sd).toBeDefined();
    expect(sd?.names).toEqual(dm.names);
    expect([sd?.n, sd?.p]).toEqual([dm.n, dm.p]);
    expect(sd?.S).toEqual(sparseRows(dm.X, dm.n, dm.p));
    expect(designSparse(table, rows, 0.2)).toBeUndefined();
    expect(sparseRows(dm.X, dm.n, dm.p, 0.2)).toBeUndefined();
  });
});
