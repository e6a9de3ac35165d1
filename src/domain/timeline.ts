/**
 * A citizen's timeline (pure): offers, package modules, FIP rounds, outcomes and the takeover
 * date merged onto one date axis, with lanes for a chart and an order for a text list.
 *
 * - Bars (offers, package modules) run from their start to their end **inclusive**. The end is
 *   the actual end, else the planned end, else (still running) `today` — `endKind` says which, so
 *   a chart can draw an open end differently. An end before the start (bad data) is drawn as one day.
 * - Overlapping offers are packed onto rows of the offers lane (greedy, by start), so no two bars
 *   of a row overlap; every package enrolment has a lane of its own.
 * - An IGU bar carries its school periods (sorted, cut to the bar; those wholly outside it are
 *   dropped), for the chart to draw inside the bar and the text list to name.
 * - Points (FIP rounds, outcomes, the takeover) have one date.
 * - `items` are in date order (start for bars), ties by lane order, then id — the order of the
 *   text alternative.
 */
import { compareIsoDates } from './dates.ts';
import type { OfferKind, OfferStatus } from './offers/offer-kinds.ts';

export type TimelineEndKind = 'actual' | 'planned' | 'open';

export interface TimelineOfferInput {
  id: string;
  kind: OfferKind;
  status: OfferStatus;
  companyName: string | null;
  startDate: string;
  plannedEnd: string | null;
  actualEnd: string | null;
  /** IGU school periods (inclusive dates); absent or empty for other kinds. */
  schoolPeriods?: ReadonlyArray<{ start: string; end: string }>;
}
export interface TimelineEnrolmentInput {
  id: string;
  packageId: string;
  packageName: string;
  completedOn: string | null;
  moduleHistory: ReadonlyArray<{
    index: number;
    id: string;
    title: { da: string; en: string };
    startedOn: string;
    endedOn: string | null;
    viaOverride: boolean;
  }>;
}
export interface TimelineInput {
  takeoverDate: string;
  offers: readonly TimelineOfferInput[];
  enrolments: readonly TimelineEnrolmentInput[];
  rounds: ReadonlyArray<{ id: string; roundNo: number; startedOn: string }>;
  outcomes: ReadonlyArray<{ id: string; kind: string; date: string }>;
}

interface BarBase {
  id: string;
  lane: string;
  start: string;
  end: string;
  endKind: TimelineEndKind;
}
export interface TimelineOfferItem extends BarBase {
  type: 'offer';
  offerKind: OfferKind;
  status: OfferStatus;
  companyName: string | null;
  /** School periods inside the bar, in date order (empty unless an IGU has some). */
  schoolPeriods: Array<{ start: string; end: string }>;
}
export interface TimelineModuleItem extends BarBase {
  type: 'module';
  packageId: string;
  packageName: string;
  moduleIndex: number;
  moduleId: string;
  title: { da: string; en: string };
  viaOverride: boolean;
}
export interface TimelineRoundItem {
  type: 'round';
  id: string;
  lane: 'rounds';
  date: string;
  roundNo: number;
}
export interface TimelineOutcomeItem {
  type: 'outcome';
  id: string;
  lane: 'outcomes';
  date: string;
  outcomeKind: string;
}
export interface TimelineTakeoverItem {
  type: 'takeover';
  id: 'takeover';
  lane: 'takeover';
  date: string;
}
export type TimelineBar = TimelineOfferItem | TimelineModuleItem;
export type TimelinePoint = TimelineRoundItem | TimelineOutcomeItem | TimelineTakeoverItem;
export type TimelineItem = TimelineBar | TimelinePoint;

/** A row of the chart, top to bottom. `offers` lanes are numbered rows of one lane. */
export type TimelineLane =
  | { key: string; type: 'offers'; row: number }
  | { key: string; type: 'package'; packageId: string; packageName: string }
  | { key: 'rounds'; type: 'rounds' }
  | { key: 'outcomes'; type: 'outcomes' };

export interface Timeline {
  lanes: TimelineLane[];
  items: TimelineItem[];
  /** First and last day shown (inclusive): the takeover or the earliest item, to today or the latest end. */
  range: { from: string; to: string };
}

export function isBar(item: TimelineItem): item is TimelineBar {
  return item.type === 'offer' || item.type === 'module';
}

/** The first day of an item (its start or its date). */
export function itemStart(item: TimelineItem): string {
  return isBar(item) ? item.start : item.date;
}

const max = (a: string, b: string) => (compareIsoDates(a, b) >= 0 ? a : b);
const min = (a: string, b: string) => (compareIsoDates(a, b) <= 0 ? a : b);

/** The periods that touch [start, end], cut to it, in date order. */
function periodsWithin(periods: ReadonlyArray<{ start: string; end: string }>, start: string, end: string): Array<{ start: string; end: string }> {
  return periods
    .filter((p) => compareIsoDates(p.start, end) <= 0 && compareIsoDates(p.end, start) >= 0 && compareIsoDates(p.start, p.end) <= 0)
    .map((p) => ({ start: max(p.start, start), end: min(p.end, end) }))
    .sort((a, b) => compareIsoDates(a.start, b.start) || compareIsoDates(a.end, b.end));
}

function barEnd(start: string, actual: string | null, planned: string | null, today: string): { end: string; endKind: TimelineEndKind } {
  const [end, endKind]: [string, TimelineEndKind] = actual ? [actual, 'actual'] : planned ? [planned, 'planned'] : [today, 'open'];
  return { end: max(end, start), endKind };
}

export function buildTimeline(input: TimelineInput, today: string): Timeline {
  // Offers, packed into rows: each goes on the first row whose last bar ended before it starts.
  const offers = [...input.offers].sort((a, b) => compareIsoDates(a.startDate, b.startDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rowEnds: string[] = [];
  const offerItems: TimelineOfferItem[] = offers.map((o) => {
    const { end, endKind } = barEnd(o.startDate, o.actualEnd, o.plannedEnd, today);
    let row = rowEnds.findIndex((e) => compareIsoDates(e, o.startDate) < 0);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(end);
    } else rowEnds[row] = end;
    return {
      type: 'offer', id: o.id, lane: `offers:${row}`, start: o.startDate, end, endKind,
      offerKind: o.kind, status: o.status, companyName: o.companyName,
      schoolPeriods: periodsWithin(o.schoolPeriods ?? [], o.startDate, end),
    };
  });
  const lanes: TimelineLane[] = rowEnds.map((_, row) => ({ key: `offers:${row}`, type: 'offers', row }));

  const moduleItems: TimelineModuleItem[] = [];
  for (const e of input.enrolments) {
    const lane = `package:${e.id}`;
    lanes.push({ key: lane, type: 'package', packageId: e.packageId, packageName: e.packageName });
    for (const m of e.moduleHistory) {
      // A module ends when the next starts; the last one of a completed package when it completed.
      const { end, endKind } = barEnd(m.startedOn, m.endedOn ?? e.completedOn, null, today);
      moduleItems.push({
        type: 'module', id: `${e.id}:${m.index}`, lane, start: m.startedOn, end, endKind,
        packageId: e.packageId, packageName: e.packageName, moduleIndex: m.index, moduleId: m.id, title: m.title, viaOverride: m.viaOverride,
      });
    }
  }

  const rounds: TimelineRoundItem[] = input.rounds.map((r) => ({ type: 'round', id: r.id, lane: 'rounds', date: r.startedOn, roundNo: r.roundNo }));
  const outcomes: TimelineOutcomeItem[] = input.outcomes.map((o) => ({ type: 'outcome', id: o.id, lane: 'outcomes', date: o.date, outcomeKind: o.kind }));
  if (rounds.length > 0) lanes.push({ key: 'rounds', type: 'rounds' });
  if (outcomes.length > 0) lanes.push({ key: 'outcomes', type: 'outcomes' });

  const takeover: TimelineTakeoverItem = { type: 'takeover', id: 'takeover', lane: 'takeover', date: input.takeoverDate };
  const laneOrder = new Map<string, number>([['takeover', -1], ...lanes.map((l, i) => [l.key, i] as [string, number])]);
  const items: TimelineItem[] = [takeover, ...offerItems, ...moduleItems, ...rounds, ...outcomes].sort(
    (a, b) =>
      compareIsoDates(itemStart(a), itemStart(b)) ||
      (laneOrder.get(a.lane) ?? 0) - (laneOrder.get(b.lane) ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  let from = input.takeoverDate;
  let to = max(today, input.takeoverDate);
  for (const item of items) {
    from = min(from, itemStart(item));
    to = max(to, isBar(item) ? item.end : item.date);
  }
  return { lanes, items, range: { from, to } };
}
