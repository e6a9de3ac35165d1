import { describe, expect, it } from 'vitest';
import { defaultDemandPeriod, demandByIndustry, demandRowFor, needOpenIn, type DemandEnrolment, type DemandNeed, type DemandPackage } from './demand.ts';
import type { Db07Reference } from './db07.ts';

const reference: Db07Reference = {
  sections: [{ code: 'G', da: 'Handel', en: 'Trade' }, { code: 'Q', da: 'Sundhed og socialvæsen', en: 'Health and social work' }, { code: 'I', da: 'Hoteller og restauranter', en: 'Accommodation and food' }],
  industries: [{ code: '47', section: 'G', da: 'Detailhandel', en: 'Retail' }, { code: '87', section: 'Q', da: 'Plejehjem', en: 'Residential care' }],
};

const need = (over: Partial<DemandNeed>): DemandNeed => ({
  id: 'n', companyId: 'c1', companyName: 'Netto', db07: '47', kind: 'placement', slots: 1,
  periodFrom: '2026-12-01', periodTo: '2027-02-28', closedOn: null, ...over,
});

const modules = (goals: string[][]) => goals.map((goalIds, i) => ({ title: { da: `Modul ${i + 1}`, en: `Module ${i + 1}` }, goalIds }));

describe('needOpenIn and the default period', () => {
  it('counts overlapping periods, inclusive at both ends, unless closed on or before the start', () => {
    expect(needOpenIn(need({}), '2027-02-28', '2027-03-31')).toBe(true);
    expect(needOpenIn(need({}), '2027-03-01', '2027-03-31')).toBe(false);
    expect(needOpenIn(need({}), '2026-11-01', '2026-12-01')).toBe(true);
    expect(needOpenIn(need({}), '2026-11-01', '2026-11-30')).toBe(false);
    expect(needOpenIn(need({ closedOn: '2026-12-15' }), '2026-12-15', '2026-12-31')).toBe(false);
    expect(needOpenIn(need({ closedOn: '2026-12-16' }), '2026-12-15', '2026-12-31')).toBe(true);
  });
  it('is today and the next three months, clamped at month ends', () => {
    expect(defaultDemandPeriod('2026-11-25')).toEqual({ from: '2026-11-25', to: '2027-02-24' });
    expect(defaultDemandPeriod('2026-11-30')).toEqual({ from: '2026-11-30', to: '2027-02-27' });
  });
});

describe('demandRowFor', () => {
  it('picks the most specific covering package code, else the need’s own code', () => {
    expect(demandRowFor('87', ['Q', '47'])).toBe('Q');
    expect(demandRowFor('47.11', ['G', '47'])).toBe('47');
    expect(demandRowFor('52', ['52.10'])).toBe('52');
    expect(demandRowFor('10', [])).toBe('10');
    expect(demandRowFor('47.11', ['Q'], ['47', '87'])).toBe('47');
    expect(demandRowFor('87.10', ['Q'], ['47', '87'])).toBe('Q');
    expect(demandRowFor('01.11', ['Q'], ['47', '87'])).toBe('01.11');
  });
});

describe('demandByIndustry', () => {
  const packages: DemandPackage[] = [
    { id: 'p-care', name: 'Pleje', db07: 'Q', modules: modules([['a'], ['b', 'c'], []]) },
    { id: 'p-retail', name: 'Butik', db07: '47', modules: modules([['x'], ['y']]) },
  ];
  const enrolments: DemandEnrolment[] = [
    { packageId: 'p-care', status: 'active', moduleIndex: 0, signedGoalIds: [] },
    { packageId: 'p-care', status: 'active', moduleIndex: 0, signedGoalIds: ['a'] },
    { packageId: 'p-care', status: 'active', moduleIndex: 1, signedGoalIds: ['b'] },
    { packageId: 'p-care', status: 'active', moduleIndex: 2, signedGoalIds: [] },
    { packageId: 'p-care', status: 'completed', moduleIndex: 2, signedGoalIds: [] },
    { packageId: 'p-retail', status: 'completed', moduleIndex: 1, signedGoalIds: ['y'] },
  ];
  const needs: DemandNeed[] = [
    need({ id: 'n1', companyId: 'c1', companyName: 'Netto', db07: '47.11', kind: 'placement', slots: 2 }),
    need({ id: 'n2', companyId: 'c1', companyName: 'Netto', db07: '47', kind: 'job', slots: 1 }),
    need({ id: 'n3', companyId: 'c2', companyName: 'Plejecenter Hedely', db07: '87', kind: 'igu', slots: 3 }),
    need({ id: 'n4', companyId: 'c3', companyName: 'Bageri', db07: '10', kind: 'placement', slots: 4 }),
    need({ id: 'n5', companyId: 'c3', companyName: 'Bageri', db07: '10', kind: 'job', slots: 9, periodFrom: '2027-06-01', periodTo: '2027-06-30' }),
    need({ id: 'n6', companyId: 'c4', companyName: 'Fakta', db07: '47', kind: 'placement', slots: 5, closedOn: '2026-11-01' }),
    need({ id: 'n7', companyId: 'c5', companyName: 'Kvickly', db07: '47', kind: 'placement', slots: 1 }),
  ];
  const report = demandByIndustry({ from: '2026-12-01', to: '2027-02-28', needs, packages, enrolments, reference });

  it('has one row per package industry and per uncovered need code, ordered by section and code', () => {
    expect(report.map((r) => [r.db07, r.section])).toEqual([['10', 'C'], ['47', 'G'], ['Q', 'Q']]);
    expect(report.map((r) => r.name?.en ?? null)).toEqual([null, 'Retail', 'Health and social work']);
  });

  it('sums open slots by kind in the period, leaving out closed and later needs', () => {
    const byCode = Object.fromEntries(report.map((r) => [r.db07, r.openSlots]));
    expect(byCode).toEqual({
      '10': { placement: 4, job: 0, igu: 0, total: 4 },
      '47': { placement: 3, job: 1, igu: 0, total: 4 },
      Q: { placement: 0, job: 0, igu: 3, total: 3 },
    });
    expect(report[1]?.companies).toEqual([{ id: 'c1', name: 'Netto', slots: 3 }, { id: 'c5', name: 'Kvickly', slots: 1 }]);
  });

  it('counts citizens per module, waiting at an open gate (a goal-less module is open), and completed', () => {
    const care = report[2];
    expect(care?.citizens).toEqual({ active: 4, waitingAtGate: 2, completed: 1 });
    expect(care?.packages[0]?.modules.map((m) => [m.active, m.waitingAtGate])).toEqual([[2, 1], [1, 0], [1, 1]]);
    expect(report[1]?.citizens).toEqual({ active: 0, waitingAtGate: 0, completed: 1 });
    expect(report[0]?.packages).toEqual([]);
    expect(report[0]?.citizens).toEqual({ active: 0, waitingAtGate: 0, completed: 0 });
  });

  it('is empty with nothing to show', () => {
    expect(demandByIndustry({ from: '2026-12-01', to: '2026-12-31', needs: [], packages: [], enrolments: [], reference })).toEqual([]);
  });
});
