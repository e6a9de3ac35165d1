import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../deadlines/date-math.ts';
import { sortSchoolPeriods, suggestSchoolPeriod, validateSchoolPeriods, type SchoolPeriod } from './school-periods.ts';

const START = '2026-01-05';
const END = '2028-01-04';
const fields = (periods: SchoolPeriod[], kind: 'igu' | 'mentor' = 'igu', end: string | null = END) =>
  validateSchoolPeriods(kind, periods, START, end).map((i) => i.field);

describe('validateSchoolPeriods', () => {
  it('accepts none, and separate periods inside an IGU (touching the offer edges, in any order)', () => {
    expect(fields([])).toEqual([]);
    expect(fields([], 'mentor')).toEqual([]);
    expect(fields([{ start: '2026-06-01', end: '2026-06-26' }, { start: START, end: '2026-01-30' }, { start: '2027-12-01', end: END }])).toEqual([]);
    expect(fields([{ start: '2026-03-02', end: '2026-03-02' }])).toEqual([]);
  });
  it('only an IGU has school periods', () => {
    expect(fields([{ start: '2026-02-02', end: '2026-02-27' }], 'mentor')).toEqual(['schoolPeriods']);
  });
  it('names the end before the start', () => {
    expect(fields([{ start: '2026-02-02', end: '2026-02-27' }, { start: '2026-05-10', end: '2026-05-09' }])).toEqual(['schoolPeriods.1.end']);
  });
  it('names a period outside the offer: start before the offer, end after the planned end; open-ended offers have no upper bound', () => {
    expect(fields([{ start: '2026-01-04', end: '2026-01-30' }])).toEqual(['schoolPeriods.0.start']);
    expect(fields([{ start: '2027-12-20', end: '2028-01-05' }])).toEqual(['schoolPeriods.0.end']);
    expect(fields([{ start: '2030-01-01', end: '2030-02-01' }], 'igu', null)).toEqual([]);
  });
  it('names the later of two overlapping periods, also when they share only one day', () => {
    expect(fields([{ start: '2026-03-02', end: '2026-03-27' }, { start: '2026-03-27', end: '2026-04-10' }])).toEqual(['schoolPeriods.1.start']);
    expect(fields([{ start: '2026-06-01', end: '2026-06-30' }, { start: '2026-05-01', end: '2026-06-01' }])).toEqual(['schoolPeriods.0.start']);
    expect(fields([{ start: '2026-03-02', end: '2026-03-27' }, { start: '2026-03-28', end: '2026-04-10' }])).toEqual([]);
  });

  it('property: valid exactly when a day-by-day simulation finds every day inside the offer and used at most once', () => {
    const offerDays = toDayNumber(END) - toDayNumber(START) + 1;
    const period = fc.tuple(fc.integer({ min: -20, max: offerDays + 20 }), fc.integer({ min: -5, max: 60 })).map(([from, length]): SchoolPeriod => ({
      start: fromDayNumber(toDayNumber(START) + from),
      end: fromDayNumber(toDayNumber(START) + from + length),
    }));
    fc.assert(
      fc.property(fc.array(period, { maxLength: 6 }), (periods) => {
        const used = new Set<number>();
        let valid = true;
        for (const p of periods) {
          if (p.end < p.start) { valid = false; continue; }
          for (let day = toDayNumber(p.start); day <= toDayNumber(p.end); day++) {
            if (day < toDayNumber(START) || day > toDayNumber(END) || used.has(day)) valid = false;
            used.add(day);
          }
        }
        expect(validateSchoolPeriods('igu', periods, START, END).length === 0).toBe(valid);
      }),
    );
  });
});

describe('sortSchoolPeriods and suggestSchoolPeriod', () => {
  it('sorts by start', () => {
    expect(sortSchoolPeriods([{ start: '2026-06-01', end: '2026-06-05' }, { start: '2026-02-01', end: '2026-02-05' }]).map((p) => p.start)).toEqual(['2026-02-01', '2026-06-01']);
  });
  it('suggests four weeks from the offer start, then from the day after the latest period, cut at the offer end', () => {
    expect(suggestSchoolPeriod(START, END, [])).toEqual({ start: START, end: addDays(START, 27) });
    expect(suggestSchoolPeriod(START, END, [{ start: '2026-03-02', end: '2026-03-27' }, { start: START, end: '2026-01-30' }])).toEqual({ start: '2026-03-28', end: '2026-04-24' });
    expect(suggestSchoolPeriod(START, END, [{ start: '2027-12-20', end: '2027-12-31' }])).toEqual({ start: '2028-01-01', end: END });
    expect(suggestSchoolPeriod(START, END, [{ start: '2027-12-20', end: END }])).toBeNull();
    expect(suggestSchoolPeriod(START, null, [])).toEqual({ start: START, end: '2026-02-01' });
  });
});
