/**
 * Which days company-directed offers cover, as merged blocks of day numbers.
 * An offer covers every day from its start to its end, both included. Only offers that have
 * happened count: status `active` or `completed`, or `cancelled` with an actual end. The end is
 * the actual end, else the planned end, else open-ended (Infinity).
 */
import type { Offer, OfferKind } from '../offers/offer-kinds.ts';
import { isIsoDate, toDayNumber } from './date-math.ts';
import type { IgnoredOffer } from './evaluation-types.ts';

/** Inclusive day-number interval; `end` may be Infinity (open-ended). */
export interface Block {
  readonly start: number;
  readonly end: number;
}

export interface Coverage {
  /** Disjoint, sorted, non-adjacent blocks of covered days, from offers started on or before asOf. */
  readonly blocks: readonly Block[];
  readonly ignored: readonly IgnoredOffer[];
}

function intervalOf(offer: Offer): Block | IgnoredOffer['reason'] {
  if (offer.status === 'planned') return 'not_started';
  if (offer.status === 'cancelled' && offer.actualEnd === null) return 'cancelled_without_end';
  const endDate = offer.actualEnd ?? offer.plannedEnd;
  if (!isIsoDate(offer.start) || (endDate !== null && !isIsoDate(endDate))) return 'invalid_dates';
  const start = toDayNumber(offer.start);
  const end = endDate === null ? Infinity : toDayNumber(endDate);
  return end < start ? 'invalid_dates' : { start, end };
}

/** Merge overlapping or touching intervals into disjoint blocks. */
export function mergeBlocks(intervals: readonly Block[]): Block[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Block[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end + 1) out[out.length - 1] = { start: last.start, end: Math.max(last.end, iv.end) };
    else out.push(iv);
  }
  return out;
}

/** Coverage by offers of `kinds` that started on or before day `asOfDay` (ends not clipped). */
export function companyDirectedCoverage(offers: readonly Offer[], kinds: readonly OfferKind[], asOfDay: number): Coverage {
  const ignored: IgnoredOffer[] = [];
  const intervals: Block[] = [];
  for (const offer of offers) {
    if (!kinds.includes(offer.kind)) {
      ignored.push({ offerId: offer.id, reason: 'not_company_directed' });
      continue;
    }
    const iv = intervalOf(offer);
    if (typeof iv === 'string') ignored.push({ offerId: offer.id, reason: iv });
    else if (iv.start <= asOfDay) intervals.push(iv);
    else ignored.push({ offerId: offer.id, reason: 'not_started' });
  }
  return { blocks: mergeBlocks(intervals), ignored };
}

/** Planned company-directed offers starting in [fromDay, toDay] (toDay may be Infinity). */
export function plannedOfferIds(offers: readonly Offer[], kinds: readonly OfferKind[], fromDay: number, toDay: number): string[] {
  return offers
    .filter((o) => o.status === 'planned' && kinds.includes(o.kind) && isIsoDate(o.start))
    .filter((o) => toDayNumber(o.start) >= fromDay && toDayNumber(o.start) <= toDay)
    .map((o) => o.id);
}
