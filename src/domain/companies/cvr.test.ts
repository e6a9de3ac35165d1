import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cvrChecksum, isValidCvr, normalizeCvr, parseCvr } from './cvr.ts';

describe('CVR', () => {
  it('accepts real CVR numbers and normalises spaces and a DK prefix', () => {
    expect(parseCvr('24256790')).toEqual({ ok: true, cvr: '24256790' });
    expect(parseCvr('DK 2275 6214')).toEqual({ ok: true, cvr: '22756214' });
    expect(normalizeCvr(' dk24 25 67 90 ')).toBe('24256790');
    expect(isValidCvr('24256790')).toBe(true);
  });

  it('rejects wrong length, non-digits and a failed modulus-11 check', () => {
    expect(parseCvr('2425679')).toEqual({ ok: false, reason: 'format' });
    expect(parseCvr('242567901')).toEqual({ ok: false, reason: 'format' });
    expect(parseCvr('2425679O')).toEqual({ ok: false, reason: 'format' });
    expect(parseCvr('24256791')).toEqual({ ok: false, reason: 'checksum' });
    expect(isValidCvr(' 24256790')).toBe(false);
  });

  it('changing any one digit of a valid number breaks the check (fast-check, 500 runs)', () => {
    // Weights are all non-zero mod 11, so a single-digit change always changes the sum mod 11.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (seven, pos, delta) => {
        const candidates = Array.from({ length: 10 }, (_, d) => `${seven}${d}`).filter((s) => cvrChecksum(s) === 0);
        fc.pre(candidates.length > 0);
        const valid = candidates[0] as string;
        const changed = valid.slice(0, pos) + String((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1);
        expect(isValidCvr(valid)).toBe(true);
        expect(isValidCvr(changed)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
