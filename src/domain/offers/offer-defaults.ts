/**
 * Defaults when an offer is registered without them (pure). Dates are inclusive, so a 13-week
 * company placement starting Monday 2026-01-05 is planned to end Sunday 2026-04-05
 * (start + 13 weeks − 1 day); IGU runs two years (start + 24 months − 1 day).
 */
import { addDays, addMonths, compareIsoDates } from '../dates.ts';
import { OFFER_KIND_INFO, type OfferKind, type OfferStatus } from './offer-kinds.ts';

/** @example defaultPlannedEnd('praktik_private', '2026-01-05') // '2026-04-05' */
export function defaultPlannedEnd(kind: OfferKind, start: string): string | null {
  const info = OFFER_KIND_INFO[kind];
  if (info.group === 'igu') return addDays(addMonths(start, 24), -1);
  if (info.nominalWeeks !== null) return addDays(start, info.nominalWeeks * 7 - 1);
  return null;
}

/** `planned` while the start lies in the future, else `active`. */
export function defaultStatus(start: string, today: string): OfferStatus {
  return compareIsoDates(start, today) > 0 ? 'planned' : 'active';
}
