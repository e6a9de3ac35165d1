// Who the control units of a cohort are (decision 017): the control pool only (`never`, the
// default), or also participants before their start (`clean`: a whole window before it;
// `not-yet`: any later quarter; `other-quarters`: the study's diagnostic, every other quarter).
import { describe, expect, it } from 'vitest';
import { formatIsoWeek, parseIsoWeek } from '../iso-week.ts';
import { readPersonsCsv } from '../readers/persons-csv.ts';
import { readWeeksCsv } from '../readers/weeks-csv.ts';
import { PERSONS_HEADER, tmpFiles } from '../testing/tmp-files.ts';
import { buildCohorts, quarterFirstWeek, type ControlPool } from './cohorts.ts';

// p1 starts 2017-02-01 (2017Q1), p2 2017-05-03 (2017Q2), p3 2018-04-04 (2018Q2, 65 weeks after
// 2017Q1's first week); c is a control. Everyone is on benefit from 2016 to 2019.
async function fixture() {
  const from = parseIsoWeek('2016-W01');
  const to = parseIsoWeek('2019-W40');
  const weeks = ['person_id,week,status'];
  for (const id of ['p1', 'p2', 'p3', 'c']) for (let w = from; w < to; w++) weeks.push(`${id},${formatIsoWeek(w)},integration_benefit`);
  const f = tmpFiles({
    'persons.csv': [
      PERSONS_HEADER,
      'p1,K,1990,SY,2015-03-02,101,participant,2017-02-01',
      'p2,M,1985,ER,2015-03-02,101,participant,2017-05-03',
      'p3,M,1985,ER,2015-03-02,101,participant,2018-04-04',
      'c,M,1980,ER,2015-03-02,101,control,',
    ].join('\n'),
    'weeks.csv': weeks.join('\n'),
  });
  const persons = await readPersonsCsv(f.path('persons.csv'));
  const { panel } = readWeeksCsv(f.path('weeks.csv'), persons);
  return { persons, panel };
}

/** Per cohort, the persons (persons.csv index) of its control units. */
async function controlsByCohort(pool: ControlPool): Promise<Record<string, number[]>> {
  const { persons, panel } = await fixture();
  const { units } = buildCohorts(persons, panel, pool);
  const out: Record<string, number[]> = {};
  for (let i = 0; i < units.n; i++) if (!units.treated[i]) (out[units.cohorts[units.cohort[i] ?? 0] ?? ''] ??= []).push(units.person[i] ?? -1);
  return out;
}

describe('control pool', () => {
  it('never (default): only the control pool; counts the later participants it leaves out of earlier windows', async () => {
    expect(await controlsByCohort('never')).toEqual({ '2017Q1': [3], '2017Q2': [3], '2018Q2': [3] });
    const { persons, panel } = await fixture();
    // p2 starts within 2017Q1's window; p3 starts 65 weeks after 2017Q1's and 52 after 2017Q2's reference week
    const c = buildCohorts(persons, panel, 'never');
    expect([c.laterParticipantRows, c.controlRows]).toEqual([1, 3]);
    expect(buildCohorts(persons, panel, 'not-yet').controlRows).toBe(6);
  });
  it('clean: also participants starting 52 weeks or more after the reference week', async () => {
    const q1 = quarterFirstWeek(2017 * 4);
    expect(parseIsoWeek('2018-W14') - q1).toBeGreaterThanOrEqual(52);
    expect(await controlsByCohort('clean')).toEqual({ '2017Q1': [3, 2], '2017Q2': [3, 2], '2018Q2': [3] });
  });
  it('not-yet: also every participant starting in a later quarter, and never in their own', async () => {
    expect(await controlsByCohort('not-yet')).toEqual({ '2017Q1': [3, 1, 2], '2017Q2': [3, 2], '2018Q2': [3] });
  });
  it('monthly cohorts (the study’s variant of the reference-week rule): one per start month, controls at its first week', async () => {
    const { persons, panel } = await fixture();
    const c = buildCohorts(persons, panel, 'never', 'month');
    expect(c.units.cohorts).toEqual(['2017M02', '2017M05', '2018M04']);
    const ref = [...new Set(Array.from(c.units.refWeek).filter((_, i) => !c.units.treated[i]))];
    expect(ref.map(formatIsoWeek)).toEqual(['2017-W05', '2017-W18', '2018-W14']);
  });
  it('censored: the pool and every participant starting after the cohort’s quarter (followed until their start), never one starting within it', async () => {
    expect(await controlsByCohort('censored')).toEqual({ '2017Q1': [3, 1, 2], '2017Q2': [3, 2], '2018Q2': [3] });
    const { persons, panel } = await fixture();
    const c = buildCohorts(persons, panel, 'censored');
    // The first week of each cohort's next quarter: where its controls become at risk of starting.
    expect(Array.from(c.cohortNextWeek, formatIsoWeek)).toEqual(['2017-W14', '2017-W27', '2018-W27']);
  });
  it('censored: also a later participant whose own cohort is not estimated (its window past the data)', async () => {
    const from = parseIsoWeek('2016-W01');
    const to = parseIsoWeek('2018-W30');
    const weeks = ['person_id,week,status'];
    for (const id of ['p1', 'p4', 'c']) for (let w = from; w < to; w++) weeks.push(`${id},${formatIsoWeek(w)},integration_benefit`);
    const f = tmpFiles({
      'persons.csv': [PERSONS_HEADER, 'p1,K,1990,SY,2015-03-02,101,participant,2017-02-01', 'p4,M,1985,ER,2015-03-02,101,participant,2018-03-01', 'c,M,1980,ER,2015-03-02,101,control,'].join('\n'),
      'weeks.csv': weeks.join('\n'),
    });
    const persons = await readPersonsCsv(f.path('persons.csv'));
    const { panel } = readWeeksCsv(f.path('weeks.csv'), persons);
    for (const [pool, controls] of [['censored', [2, 1]], ['not-yet', [2]]] as const) {
      const { units } = buildCohorts(persons, panel, pool);
      expect(units.cohorts).toEqual(['2017Q1']);
      expect(Array.from(units.person).filter((_, i) => !units.treated[i])).toEqual(controls);
    }
  });
  it('other-quarters (diagnostic): every participant in every cohort but their own', async () => {
    expect(await controlsByCohort('other-quarters')).toEqual({ '2017Q1': [3, 1, 2], '2017Q2': [3, 0, 2], '2018Q2': [3, 0, 1] });
  });
});
