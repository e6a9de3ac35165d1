// Property tests: the production evaluator against the independent day-by-day simulator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Offer, OfferKind } from '../offers/offer-kinds.ts';
import { evaluateDeadlines } from './evaluate-deadlines.ts';
import type { RuleEvaluation } from './evaluation-types.ts';
import type { DeadlinePolicy } from './policy.ts';
import {
  plusDays, simFipRounds, simFirstOffer, simMaxGap, type SimInput, type SimOffer, type SimRule,
} from './simulate.test-helper.ts';

const COMPANY: OfferKind[] = ['praktik_private', 'praktik_public', 'wage_subsidy_private', 'wage_subsidy_public', 'igu'];
const ALL_KINDS: OfferKind[] = [...COMPANY, 'guidance_upskilling', 'introduction_course', 'danish_education', 'mentor'];

const policy: DeadlinePolicy = {
  id: 'test', effectiveFrom: '2016-07-01', source: 'test', companyDirectedKinds: COMPANY, dueSoonDays: 7,
  rules: [
    { id: 'target', kind: 'first_offer', severity: 'target', within: { amount: 14, unit: 'days' } },
    { id: 'deadline', kind: 'first_offer', severity: 'deadline', within: { amount: 1, unit: 'months' } },
    { id: 'gap', kind: 'max_gap', severity: 'deadline', maxGap: { amount: 6, unit: 'weeks' } },
    { id: 'fip', kind: 'recurring_event', severity: 'target', event: 'fip_round', every: { amount: 3, unit: 'months' } },
  ],
};

/** Month ends, leap days and a non-leap century year, plus ordinary dates. */
const takeoverArb = fc.oneof(
  fc.constantFrom('2024-01-31', '2024-02-29', '2023-01-31', '2020-02-29', '2024-12-31', '2023-03-31',
    '2023-11-30', '2024-11-30', '2100-01-31', '2099-11-30', '2016-07-01', '2023-12-31'),
  fc.integer({ min: 0, max: 4000 }).map((n) => plusDays('2016-01-01', n)),
);

/** A chain of offers whose gaps hit the boundaries: overlaps, touching, 1-day, 41–44 days, long. */
const gapArb = fc.oneof(fc.integer({ min: -10, max: 3 }), fc.integer({ min: 40, max: 45 }), fc.integer({ min: 0, max: 100 }));
interface Shape { gap: number; length: number; kind: OfferKind; status: Offer['status']; endMode: string }
const offerShapeArb: fc.Arbitrary<Shape> = fc.record({
  gap: gapArb,
  length: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 120 })),
  kind: fc.constantFrom(...ALL_KINDS),
  status: fc.constantFrom('planned', 'active', 'completed', 'completed', 'active', 'cancelled') as fc.Arbitrary<Offer['status']>,
  endMode: fc.constantFrom('planned', 'actual', 'actual_early', 'open', 'planned'),
});

const caseArb = fc.record({
  takeover: takeoverArb,
  firstOffset: fc.integer({ min: -30, max: 60 }),
  shapes: fc.array(offerShapeArb, { maxLength: 6 }),
  asOfOffset: fc.integer({ min: -5, max: 400 }),
  fipOffsets: fc.array(fc.integer({ min: -10, max: 420 }), { maxLength: 6 }),
});

function buildOffers(takeover: string, firstOffset: number, shapes: readonly Shape[]): Offer[] {
  const out: Offer[] = [];
  let cursor = plusDays(takeover, firstOffset);
  shapes.forEach((s, i) => {
    const start = i === 0 ? cursor : plusDays(cursor, s.gap + 1);
    const planned = plusDays(start, s.length);
    const early = plusDays(start, Math.floor(s.length / 2));
    const plannedEnd = s.endMode === 'open' ? null : planned;
    const actualEnd = s.endMode === 'actual' ? planned : s.endMode === 'actual_early' ? early : null;
    out.push({ id: `o${i}`, kind: s.kind, start, plannedEnd, actualEnd, hoursPerWeek: 20, status: s.status });
    cursor = actualEnd ?? plannedEnd ?? start;
  });
  return out;
}

function project(r: RuleEvaluation): SimRule {
  return { state: r.state, dueDate: r.dueDate, daysLeft: r.daysLeft, daysOver: r.daysOver, breachCount: r.breaches.length };
}

type Case = { takeover: string; firstOffset: number; shapes: Shape[]; asOfOffset: number; fipOffsets: number[] };

function agreesWithSimulator({ takeover, firstOffset, shapes, asOfOffset, fipOffsets }: Case): void {
  const offers = buildOffers(takeover, firstOffset, shapes);
  const asOf = plusDays(takeover, asOfOffset);
  const fipRounds = fipOffsets.map((n) => plusDays(takeover, n));
  const report = evaluateDeadlines(
    { citizenId: 'c', municipalityCode: '630', takeoverDate: takeover, offers, fipRounds }, policy, asOf,
  );
  const input: SimInput = {
    takeover, asOf, offers: offers as SimOffer[], fipRounds, companyKinds: COMPANY,
    firstOffer: [{ days: 14 }, { months: 1 }], maxGapDays: 42, fipEveryMonths: 3, dueSoonDays: 7,
  };
  const [target, deadline, gap, fip] = report.rules as [RuleEvaluation, RuleEvaluation, RuleEvaluation, RuleEvaluation];
  expect({ ...project(target), satisfiedOn: target.satisfiedOn }).toEqual(simFirstOffer(input, { days: 14 }));
  expect({ ...project(deadline), satisfiedOn: deadline.satisfiedOn }).toEqual(simFirstOffer(input, { months: 1 }));
  expect(project(gap)).toEqual(simMaxGap(input));
  expect(project(fip)).toEqual(simFipRounds(input));
}

describe('evaluateDeadlines agrees with the day-by-day simulator', () => {
  it('on all four rules of the 2016 policy (fast-check, 600 runs)', () => {
    fc.assert(fc.property(caseArb, agreesWithSimulator), { numRuns: 600 });
  });

  it('around the due dates: as-of 12–16 and 27–33 days after takeover, one offer then gaps of 40–45 days (fast-check, 400 runs)', () => {
    const boundaryArb = fc.record({
      takeover: takeoverArb,
      firstOffset: fc.integer({ min: 10, max: 35 }),
      shapes: fc.array(offerShapeArb.map((s) => ({ ...s, kind: 'praktik_public' as const, status: 'completed' as const, endMode: 'planned', gap: 40 + (Math.abs(s.gap) % 6) })), { maxLength: 3 }),
      asOfOffset: fc.oneof(fc.integer({ min: 12, max: 16 }), fc.integer({ min: 27, max: 33 }), fc.integer({ min: 40, max: 200 })),
      fipOffsets: fc.array(fc.integer({ min: 85, max: 95 }), { maxLength: 2 }),
    });
    fc.assert(fc.property(boundaryArb, agreesWithSimulator), { numRuns: 400 });
  });

  it('state is consistent with days left / over (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(caseArb, ({ takeover, firstOffset, shapes, asOfOffset, fipOffsets }) => {
        const offers = buildOffers(takeover, firstOffset, shapes);
        const report = evaluateDeadlines(
          { citizenId: 'c', municipalityCode: '630', takeoverDate: takeover, offers, fipRounds: fipOffsets.map((n) => plusDays(takeover, n)) },
          policy, plusDays(takeover, asOfOffset),
        );
        for (const r of report.rules) {
          if (r.state === 'breached') expect(r.daysOver).toBeGreaterThan(0);
          if (r.state === 'due') expect(r.daysLeft).toBeLessThanOrEqual(7);
          if (r.state === 'ok' && r.daysLeft !== null) expect(r.daysLeft).toBeGreaterThan(7);
          if (r.daysLeft !== null) expect(r.daysLeft).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding a company-directed offer never creates a breach on the first-offer rules (fast-check, 300 runs)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 60 }), ({ takeover, firstOffset, shapes, asOfOffset }, extra) => {
        const offers = buildOffers(takeover, firstOffset, shapes);
        const asOf = plusDays(takeover, asOfOffset);
        const base = { citizenId: 'c', municipalityCode: '630', takeoverDate: takeover, fipRounds: [] };
        const before = evaluateDeadlines({ ...base, offers }, policy, asOf);
        const added: Offer = { id: 'x', kind: 'praktik_private', start: plusDays(takeover, extra), plannedEnd: plusDays(takeover, extra + 10), actualEnd: null, hoursPerWeek: 20, status: 'active' };
        const after = evaluateDeadlines({ ...base, offers: [...offers, added] }, policy, asOf);
        for (const i of [0, 1]) {
          if (before.rules[i]?.state !== 'breached') expect(after.rules[i]?.state).not.toBe('breached');
        }
      }),
      { numRuns: 300 },
    );
  });
});
