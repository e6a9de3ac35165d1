// Danish personal id numbers (CPR): pure format validation.
// Accepts "DDMMYY-XXXX" or ten digits. The date part must be a real date; the century
// follows from the 7th digit (the first of the serial part), per the CPR office's rule.
// There is deliberately NO modulus-11 check: since 2007 CPR numbers are issued that fail it,
// so a modulus-11 test would reject valid numbers.

export type CprResult =
  | { ok: true; cpr: string; birthDate: string }
  | { ok: false; reason: 'format' | 'date' };

const PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

/** Full birth year from the two-digit year and the 7th digit. */
export function cprCentury(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;
}

/**
 * Validate and normalise a CPR number to ten digits.
 * @example parseCpr('010190-1234') // { ok: true, cpr: '0101901234', birthDate: '1990-01-01' }
 */
export function parseCpr(input: string): CprResult {
  const match = PATTERN.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const [, dd, mm, yy, serial] = match as unknown as [string, string, string, string, string];
  const day = Number(dd);
  const month = Number(mm);
  const year = cprCentury(Number(yy), Number(serial[0]));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: 'date' };
  }
  return { ok: true, cpr: `${dd}${mm}${yy}${serial}`, birthDate: `${String(year).padStart(4, '0')}-${mm}-${dd}` };
}

export function isValidCpr(input: string): boolean {
  return parseCpr(input).ok;
}

/** "DDMMYY-****" from a normalised ten-digit CPR. */
export function maskCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-****`;
}
