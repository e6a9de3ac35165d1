/**
 * IGU school periods: the inclusive date ranges inside an IGU offer when the citizen is at
 * school instead of at the company. Pure validation (the server's 400s name the same fields)
 * and a default suggestion for the placement form's "add school period" button.
 */
import { addDays, type IsoDate } from '../deadlines/date-math.ts';
import type { OfferKind } from './offer-kinds.ts';

export interface SchoolPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** One problem, named like the request body's field (`schoolPeriods`, `schoolPeriods.1.end`). */
export interface SchoolPeriodIssue {
  readonly field: string;
  readonly message: string;
  /** What is wrong, for a translated message (the web's `casework.schoolPeriods.error.<code>`). */
  readonly code: SchoolPeriodIssueCode;
}

export type SchoolPeriodIssueCode = 'not_igu' | 'end_before_start' | 'before_offer' | 'after_offer' | 'overlap';

/** Weeks of a suggested school period (a typical IGU school block is a few weeks). */
export const SUGGESTED_SCHOOL_PERIOD_WEEKS = 4;

/**
 * Every problem with `periods` for an offer of `kind` running from `offerStart` to `offerEnd`
 * (inclusive; null = open-ended). Rules: only IGU has school periods; each end ≥ its start;
 * each period lies inside the offer; no two periods share a day. Empty list = valid.
 */
export function validateSchoolPeriods(
  kind: OfferKind,
  periods: readonly SchoolPeriod[],
  offerStart: IsoDate,
  offerEnd: IsoDate | null,
): SchoolPeriodIssue[] {
  if (periods.length === 0) return [];
  if (kind !== 'igu') return [{ field: 'schoolPeriods', message: 'Only an IGU has school periods', code: 'not_igu' }];
  const issues: SchoolPeriodIssue[] = [];
  const wellFormed: { index: number; period: SchoolPeriod }[] = [];
  periods.forEach((period, index) => {
    const at = `schoolPeriods.${index}`;
    if (period.end < period.start) {
      issues.push({ field: `${at}.end`, message: `Before the school period's start ${period.start}`, code: 'end_before_start' });
      return;
    }
    if (period.start < offerStart) {
      issues.push({ field: `${at}.start`, message: `Before the offer's start ${offerStart}`, code: 'before_offer' });
      return;
    }
    if (offerEnd !== null && period.end > offerEnd) {
      issues.push({ field: `${at}.end`, message: `After the offer's planned end ${offerEnd}`, code: 'after_offer' });
      return;
    }
    wellFormed.push({ index, period });
  });
  const byStart = [...wellFormed].sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : a.index - b.index));
  for (let i = 1; i < byStart.length; i++) {
    const earlier = byStart[i - 1]!;
    const later = byStart[i]!;
    if (later.period.start <= earlier.period.end) {
      issues.push({ field: `schoolPeriods.${later.index}.start`, message: `Overlaps school period ${earlier.index + 1} (${earlier.period.start} – ${earlier.period.end})`, code: 'overlap' });
    }
  }
  return issues;
}

/** The periods in date order (as stored and shown). */
export function sortSchoolPeriods(periods: readonly SchoolPeriod[]): SchoolPeriod[] {
  return [...periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
}

/**
 * A default for the next school period: four weeks starting the day after the latest period
 * (or at the offer's start), cut at the offer's end. Null when no day is left.
 */
export function suggestSchoolPeriod(offerStart: IsoDate, offerEnd: IsoDate | null, existing: readonly SchoolPeriod[]): SchoolPeriod | null {
  const latestEnd = existing.reduce<IsoDate | null>((latest, p) => (latest === null || p.end > latest ? p.end : latest), null);
  const start = latestEnd === null || latestEnd < offerStart ? offerStart : addDays(latestEnd, 1);
  if (offerEnd !== null && start > offerEnd) return null;
  const fullEnd = addDays(start, SUGGESTED_SCHOOL_PERIOD_WEEKS * 7 - 1);
  return { start, end: offerEnd !== null && fullEnd > offerEnd ? offerEnd : fullEnd };
}
