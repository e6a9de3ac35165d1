// Property test of the stored next deadline (issue 13 item 1): for random cases, a day t0 and any
// later day t before the stored validity ends, reading the stored form back for t equals the pure
// rules evaluated on t — so the caseload may sort and filter on stored rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Offer, OfferKind } from '../offers/offer-kinds.ts';
import { evaluateDeadlines } from './evaluate-deadlines.ts';
import type { CitizenCase } from './evaluation-types.ts';
import { nextDeadline } from './next-deadline.ts';
import type { DeadlinePolicy } from './policy.ts';
import { holdsOn, isActive, nextAsOf, storeNext } from './stored-next.ts';
import { countDays, plusDays } from './simulate.test-helper.ts';

const COMPANY: OfferKind[] = ['praktik_private', 'praktik_public', 'wage_subsidy_private', 'wage_subsidy_public', 'igu'];
const ALL_KINDS: OfferKind[] = [...COMPANY, 'guidance_upskilling', 'introduction_course', 'danish_education', 'mentor'];

/** The 2016 agreement's rules in the shape of content/policies (first offer 14 days / 1 month, gap 6 weeks, FIP every 3 months). */
const policy: DeadlinePolicy = {
  id: 'test', effectiveFrom: '2016-07-01', source: 'test', companyDirectedKinds: COMPANY, dueSoonDays: 7,
  rules: [
    { id: 'target', kind: 'first_offer', severity: 'target', within: { amount: 14, unit: 'days' } },
    { id: 'deadline', kind: 'first_offer', severity: 'deadline', within: { amount: 1, unit: 'months' } },
    { id: 'gap', kind: 'max_gap', severity: 'deadline', maxGap: { amount: 6, unit: 'weeks' } },
    { id: 'fip', kind: 'recurring_event', severity: 'target', event: 'fip_round', every: { amount: 3, unit: 'months' } },
  ],
};

interface Shape { gap: number; length: number; kind: OfferKind; status: Offer['status']; endMode: string; school: boolean }
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  gap: fc.oneof(fc.integer({ min: -10, max: 3 }), fc.integer({ min: 40, max: 45 }), fc.integer({ min: 0, max: 100 })),
  length: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 120 })),
  kind: fc.constantFrom(...ALL_KINDS),
  status: fc.constantFrom('planned', 'active', 'completed', 'completed', 'active', 'cancelled') as fc.Arbitrary<Offer['status']>,
  endMode: fc.constantFrom('planned', 'actual', 'actual_early', 'open', 'planned'),
  school: fc.boolean(),
});

const caseArb = fc.record({
  takeover: fc.oneof(fc.constantFrom('2024-01-31', '2024-02-29', '2023-11-30', '2016-07-01', '2023-12-31'), fc.integer({ min: 0, max: 4000 }).map((n) => plusDays('2016-01-01', n))),
  firstOffset: fc.integer({ min: -30, max: 60 }),
  shapes: fc.array(shapeArb, { maxLength: 6 }),
  fipOffsets: fc.array(fc.integer({ min: -10, max: 420 }), { maxLength: 6 }),
  exitOffsets: fc.array(fc.integer({ min: -20, max: 500 }), { maxLength: 2 }),
  t0Offset: fc.integer({ min: -40, max: 420 }),
  /** Where in [t0, validUntil) to check: fractions of the span (0 = t0, 1 = the last valid day). */
  at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

function buildCase(takeover: string, firstOffset: number, shapes: readonly Shape[], fipOffsets: readonly number[]): CitizenCase {
  const offers: Offer[] = [];
  let cursor = plusDays(takeover, firstOffset);
  shapes.forEach((s, i) => {
    const start = i === 0 ? cursor : plusDays(cursor, s.gap + 1);
    const planned = plusDays(start, s.length);
    const plannedEnd = s.endMode === 'open' ? null : planned;
    const actualEnd = s.endMode === 'actual' ? planned : s.endMode === 'actual_early' ? plusDays(start, Math.floor(s.length / 2)) : null;
    const schoolPeriods = s.kind === 'igu' && s.school && s.length > 10 ? [{ start: plusDays(start, 3), end: plusDays(start, 8) }] : [];
    offers.push({ id: `o${i}`, kind: s.kind, start, plannedEnd, actualEnd, hoursPerWeek: 20, status: s.status, schoolPeriods });
    cursor = actualEnd ?? plannedEnd ?? start;
  });
  return { citizenId: 'c', municipalityCode: '630', takeoverDate: takeover, offers, fipRounds: fipOffsets.map((n) => plusDays(takeover, n)).sort() };
}

describe('the stored next deadline', () => {
  it('read back for any day before its validity ends equals the rules evaluated on that day (fast-check, 400 runs)', () => {
    fc.assert(
      fc.property(caseArb, ({ takeover, firstOffset, shapes, fipOffsets, exitOffsets, t0Offset, at }) => {
        const c = buildCase(takeover, firstOffset, shapes, fipOffsets);
        const exits = exitOffsets.map((n) => plusDays(takeover, n));
        const t0 = plusDays(takeover, t0Offset);
        const stored = storeNext(c, policy, exits, t0);
        // Past the last case date nothing ends the validity: check up to two years on.
        const last = stored.validUntil === null ? plusDays(t0, 730) : plusDays(stored.validUntil, -1);
        const span = countDays(t0, last);
        for (const f of at) {
          const t = plusDays(t0, Math.round(f * span));
          expect(holdsOn(stored, t)).toBe(true);
          const direct = isActive(c, exits, t) ? nextDeadline(evaluateDeadlines(c, policy, t), policy.dueSoonDays) : null;
          expect(nextAsOf(stored, t), `t0 ${t0}, t ${t}, valid until ${stored.validUntil}`).toEqual(direct);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is valid from the day it was computed and no longer on or after validUntil', () => {
    const c = buildCase('2024-01-01', 20, [{ gap: 0, length: 30, kind: 'praktik_private', status: 'active', endMode: 'planned', school: false }], []);
    const stored = storeNext(c, policy, [], '2024-01-05');
    expect(stored.next).toMatchObject({ ruleId: 'target', dueDate: '2024-01-15' });
    expect(stored.validUntil).toBe('2024-01-16'); // the day after the target rule's due date: it turns overdue
    expect(holdsOn(stored, '2024-01-04')).toBe(false);
    expect(holdsOn(stored, '2024-01-05')).toBe(true);
    expect(holdsOn(stored, '2024-01-15')).toBe(true);
    expect(holdsOn(stored, '2024-01-16')).toBe(false);
    expect(nextAsOf(stored, '2024-01-10')).toMatchObject({ ruleId: 'target', state: 'due', daysLeft: 5 });
  });
});
