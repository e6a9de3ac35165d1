/**
 * CVR (Danish company number) validation: 8 digits whose weighted sum with the weights
 * 2, 7, 6, 5, 4, 3, 2, 1 is divisible by 11 (modulus-11 check).
 *
 * @example parseCvr('DK 2425 6790') // { ok: true, cvr: '24256790' }
 */

export type Cvr = string & { readonly __brand: 'Cvr' };

export type CvrResult =
  | { readonly ok: true; readonly cvr: Cvr }
  | { readonly ok: false; readonly reason: 'format' | 'checksum' };

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Strip spaces and an optional `DK` prefix (as in VAT numbers); nothing else is forgiven. */
export function normalizeCvr(input: string): string {
  return input.replace(/\s+/g, '').replace(/^DK/i, '');
}

/** Weighted digit sum modulo 11 of an 8-digit string (0 for a valid CVR). */
export function cvrChecksum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(digits[i]) * (WEIGHTS[i] as number);
  return sum % 11;
}

export function parseCvr(input: string): CvrResult {
  const digits = normalizeCvr(input);
  if (!/^\d{8}$/.test(digits)) return { ok: false, reason: 'format' };
  if (cvrChecksum(digits) !== 0) return { ok: false, reason: 'checksum' };
  return { ok: true, cvr: digits as Cvr };
}

export function isValidCvr(input: string): input is Cvr {
  return /^\d{8}$/.test(input) && cvrChecksum(input) === 0;
}
