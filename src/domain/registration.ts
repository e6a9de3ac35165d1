// A citizen's registration must agree with itself (issue 15): the birth date is the one the CPR
// number gives (the century from its 7th digit, src/domain/cpr.ts), and the arrival in Denmark is
// not after the municipality's take-over. Used by the request schema (src/contract/citizens.ts),
// the registrar, and the web form before it sends.
import { parseCpr } from './cpr.ts';
import { isDateInRange } from './date-range.ts';

export const BIRTH_DATE_MESSAGE = 'Contradicts the birth date the CPR number gives (it is derived from the CPR number; leave it out)';
export const ARRIVAL_MESSAGE = 'Must be on or before the take-over date (the arrival in Denmark comes before the municipality takes over)';

export interface RegistrationIssue {
  readonly field: 'birthDate' | 'arrivalDate';
  readonly message: string;
}

/**
 * What contradicts itself in a registration. Each comparison is made only when the fields it
 * compares are themselves valid, so a broken field gets its own message alone.
 * @example registrationIssues({ cpr: '010170-1234', birthDate: '1995-06-06' }) // [{ field: 'birthDate', … }]
 */
export function registrationIssues(v: { cpr?: unknown; birthDate?: unknown; arrivalDate?: unknown; takeoverDate?: unknown }): RegistrationIssue[] {
  const issues: RegistrationIssue[] = [];
  if (typeof v.cpr === 'string' && isDateInRange(v.birthDate)) {
    const parsed = parseCpr(v.cpr);
    if (parsed.ok && parsed.birthDate !== v.birthDate) issues.push({ field: 'birthDate', message: BIRTH_DATE_MESSAGE });
  }
  if (isDateInRange(v.arrivalDate) && isDateInRange(v.takeoverDate) && v.arrivalDate > v.takeoverDate) issues.push({ field: 'arrivalDate', message: ARRIVAL_MESSAGE });
  return issues;
}
