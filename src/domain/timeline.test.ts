import { describe, expect, it } from 'vitest';
import { buildTimeline, itemStart, type TimelineInput } from './timeline.ts';

const TODAY = '2026-11-25';
const base: TimelineInput = { takeoverDate: '2026-03-02', offers: [], enrolments: [], rounds: [], outcomes: [] };
const offer = (id: string, startDate: string, plannedEnd: string | null, actualEnd: string | null = null) => ({
  id, kind: 'praktik_private' as const, status: 'active' as const, companyName: 'Bygma', startDate, plannedEnd, actualEnd,
});

describe('buildTimeline', () => {
  it('has only the takeover for a citizen with nothing yet; the range runs to today', () => {
    const tl = buildTimeline(base, TODAY);
    expect(tl.items).toEqual([{ type: 'takeover', id: 'takeover', lane: 'takeover', date: '2026-03-02' }]);
    expect(tl.lanes).toEqual([]);
    expect(tl.range).toEqual({ from: '2026-03-02', to: TODAY });
  });

  it('ends an offer bar at the actual end, else the planned end, else today (open)', () => {
    const tl = buildTimeline({ ...base, offers: [offer('a', '2026-03-09', '2026-06-07', '2026-05-01'), offer('b', '2026-06-01', '2026-08-30'), offer('c', '2026-09-01', null)] }, TODAY);
    const bars = tl.items.filter((i) => i.type === 'offer');
    expect(bars.map((b) => [b.id, b.end, b.endKind])).toEqual([
      ['a', '2026-05-01', 'actual'],
      ['b', '2026-08-30', 'planned'],
      ['c', TODAY, 'open'],
    ]);
  });

  it('packs overlapping offers on separate rows and reuses a row once it is free (end day inclusive)', () => {
    const tl = buildTimeline({ ...base, offers: [
      offer('a', '2026-03-09', '2026-06-07'),
      offer('b', '2026-05-01', '2026-05-31'), // overlaps a → row 1
      offer('c', '2026-06-07', '2026-07-01'), // starts on a's last day → overlaps → row 1 (b ended)
      offer('d', '2026-06-08', '2026-09-06'), // starts the day after a ended → row 0
    ] }, TODAY);
    const rowOf = Object.fromEntries(tl.items.filter((i) => i.type === 'offer').map((i) => [i.id, i.lane]));
    expect(rowOf).toEqual({ a: 'offers:0', b: 'offers:1', c: 'offers:1', d: 'offers:0' });
    expect(tl.lanes.filter((l) => l.type === 'offers').map((l) => l.key)).toEqual(['offers:0', 'offers:1']);
  });

  it('carries the school periods of an IGU on its bar, in date order, cut to the bar (ended early: later periods dropped); other offers have none', () => {
    const igu = {
      ...offer('igu', '2026-04-01', '2028-03-31', '2026-10-31'), kind: 'igu' as const,
      schoolPeriods: [{ start: '2026-10-19', end: '2026-11-13' }, { start: '2026-05-04', end: '2026-05-29' }, { start: '2027-03-01', end: '2027-03-26' }],
    };
    const tl = buildTimeline({ ...base, offers: [igu, offer('p', '2026-03-09', '2026-06-07')] }, TODAY);
    const bars = Object.fromEntries(tl.items.flatMap((i) => (i.type === 'offer' ? [[i.id, i.schoolPeriods]] : [])));
    expect(bars).toEqual({
      igu: [{ start: '2026-05-04', end: '2026-05-29' }, { start: '2026-10-19', end: '2026-10-31' }],
      p: [],
    });
  });

  it('draws package modules per enrolment lane, the current one open to today, the last of a completed package to its end', () => {
    const title = { da: 'Introforløb', en: 'Introduction course' };
    const tl = buildTimeline({ ...base, enrolments: [
      { id: 'e1', packageId: 'p1', packageName: 'Lager', completedOn: null, moduleHistory: [
        { index: 0, id: 'intro', title, startedOn: '2026-04-01', endedOn: '2026-05-10', viaOverride: false },
        { index: 1, id: 'trial', title, startedOn: '2026-05-11', endedOn: null, viaOverride: true },
      ] },
      { id: 'e2', packageId: 'p2', packageName: 'Rengøring', completedOn: '2026-09-30', moduleHistory: [
        { index: 0, id: 'intro', title, startedOn: '2026-08-01', endedOn: null, viaOverride: false },
      ] },
    ] }, TODAY);
    const modules = tl.items.filter((i) => i.type === 'module');
    expect(modules.map((m) => [m.id, m.lane, m.start, m.end, m.endKind, m.viaOverride])).toEqual([
      ['e1:0', 'package:e1', '2026-04-01', '2026-05-10', 'actual', false],
      ['e1:1', 'package:e1', '2026-05-11', TODAY, 'open', true],
      ['e2:0', 'package:e2', '2026-08-01', '2026-09-30', 'actual', false],
    ]);
    expect(tl.lanes).toEqual([
      { key: 'package:e1', type: 'package', packageId: 'p1', packageName: 'Lager' },
      { key: 'package:e2', type: 'package', packageId: 'p2', packageName: 'Rengøring' },
    ]);
  });

  it('merges everything in date order (ties by lane: takeover, offers, packages, rounds, outcomes) and widens the range', () => {
    const tl = buildTimeline({
      takeoverDate: '2026-03-02',
      offers: [offer('o1', '2026-03-16', '2026-06-14')],
      enrolments: [{ id: 'e', packageId: 'p', packageName: 'Lager', completedOn: null, moduleHistory: [{ index: 0, id: 'intro', title: { da: 'x', en: 'x' }, startedOn: '2026-03-02', endedOn: null, viaOverride: false }] }],
      rounds: [{ id: 'r2', roundNo: 2, startedOn: '2026-06-01' }, { id: 'r1', roundNo: 1, startedOn: '2026-03-16' }],
      outcomes: [{ id: 'x', kind: 'employment', date: '2027-01-04' }],
    }, TODAY);
    expect(tl.items.map((i) => `${i.type}:${itemStart(i)}`)).toEqual([
      'takeover:2026-03-02', 'module:2026-03-02', 'offer:2026-03-16', 'round:2026-03-16', 'round:2026-06-01', 'outcome:2027-01-04',
    ]);
    expect(tl.lanes.map((l) => l.key)).toEqual(['offers:0', 'package:e', 'rounds', 'outcomes']);
    expect(tl.range).toEqual({ from: '2026-03-02', to: '2027-01-04' });
  });

  it('starts the range at an item before the takeover and draws a bar ending before its start as one day', () => {
    const tl = buildTimeline({ ...base, offers: [offer('bad', '2026-02-01', '2026-01-01')] }, TODAY);
    const bar = tl.items.find((i) => i.type === 'offer');
    expect(bar && 'end' in bar ? [bar.start, bar.end] : null).toEqual(['2026-02-01', '2026-02-01']);
    expect(tl.range.from).toBe('2026-02-01');
  });
});
