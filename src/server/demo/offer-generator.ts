// Demo offers and outcomes for a generated citizen (pure, deterministic with the PRNG), shaped so
// that as of the demo's today most citizens meet the first-offer deadline (takeover + 1 month),
// some broke it (started late or never), and those whose deadline is in the next days often have
// no offer yet (due). After the first company-directed offer come further offers with short
// gaps (now and then more than 6 weeks), some placements extended by 13 weeks, IGU for a few,
// and exits to employment, education or IGU.
import { addDays, addMonths, daysBetween } from '../../domain/dates.ts';
import { defaultPlannedEnd, type OfferKind, type OfferStatus } from '../../domain/offers/index.ts';
import type { OutcomeKind } from '../platform/db/schema.ts';
import type { Rng } from './prng.ts';

export interface DemoOffer {
  kind: OfferKind;
  companyName: string | null;
  startDate: string;
  plannedEnd: string | null;
  actualEnd: string | null;
  hoursPerWeek: number | null;
  status: OfferStatus;
  /** IGU only: school periods (inclusive dates). */
  schoolPeriods?: { start: string; end: string }[];
}

/**
 * A demo IGU's school periods: four blocks of four weeks, starting 8, 34, 60 and 86 weeks after
 * the start (inside the two years). Derived from the start alone, so the random stream and every
 * other demo figure stay as they were.
 */
export function demoSchoolPeriods(start: string): { start: string; end: string }[] {
  return [8, 34, 60, 86].map((week) => ({ start: addDays(start, week * 7), end: addDays(start, (week + 4) * 7 - 1) }));
}

export interface DemoOutcome {
  kind: OutcomeKind;
  date: string;
  sector: 'public' | 'private' | null;
  db07: string | null;
  hours: number | null;
  companyName: string | null;
  source: string;
}

/**
 * Workplaces of the demo offers per municipality, named as the demo companies of that
 * municipality (company-generator.ts links offers to them by name). Every list has the same
 * length in both municipalities, so the random stream — and with it every date — is the same.
 */
const PRIVATE_COMPANIES: Record<string, readonly (readonly [string, string])[]> = {
  '607': [
    ['Netto Fredericia', '471100'], ['Butikken på Torvet', '471900'], ['Danish Crown Horsens', '101100'], ['ISS Facility Services', '812100'],
    ['Hotel Kronprinds Frederik', '551010'], ['DSV Solutions', '522910'], ['Kokkenes Køkken', '562900'], ['Lidl Danmark', '471100'],
  ],
  '727': [
    ['Rema 1000 Odder', '471100'], ['Odder Mejeri ApS', '105100'], ['Lager Odder Nord', '521000'], ['ISS Facility Services', '812100'],
    ['Hotel Odder Strand', '551010'], ['Odder Bistro', '561010'], ['Kokkenes Køkken', '562900'], ['Lidl Danmark', '471100'],
  ],
};
const PUBLIC_PLACES: Record<string, readonly (readonly [string, string])[]> = {
  '607': [
    ['Fredericia Kommune, Plejecenter Ullerup', '871000'], ['Hjemmeplejen Nord', '881000'], ['Fredericia Kommune, Rengøring', '812100'],
    ['Sygehus Lillebælt, Køkken', '861000'],
  ],
  '727': [
    ['Odder Kommune, Plejecenter Dyrehaven', '871000'], ['Odder Kommune, Hjemmeplejen', '881000'], ['Odder Kommune, Rengøring', '812100'],
    ['Odder Kommune, Rådhuskantinen', '562900'],
  ],
};

const COMPANY_DIRECTED: readonly (readonly [OfferKind, number])[] = [
  ['praktik_private', 45], ['praktik_public', 22], ['wage_subsidy_private', 10], ['wage_subsidy_public', 5], ['igu', 3],
];

function placeFor(rng: Rng, kind: OfferKind, municipality: string): readonly [string, string] {
  const places = (kind.endsWith('_public') ? PUBLIC_PLACES : PRIVATE_COMPANIES)[municipality];
  if (!places) throw new Error(`no demo workplaces for municipality ${municipality}`);
  return rng.pick(places);
}

function withStatus(offer: Omit<DemoOffer, 'status' | 'actualEnd'>, today: string): DemoOffer {
  if (offer.startDate > today) return { ...offer, actualEnd: null, status: 'planned' };
  if (offer.plannedEnd !== null && offer.plannedEnd < today) return { ...offer, actualEnd: offer.plannedEnd, status: 'completed' };
  return { ...offer, actualEnd: null, status: 'active' };
}

export function generateOffers(rng: Rng, takeoverDate: string, today: string, municipality: string): { offers: DemoOffer[]; outcomes: DemoOutcome[] } {
  const offers: DemoOffer[] = [];
  const outcomes: DemoOutcome[] = [];
  const deadline = addMonths(takeoverDate, 1);
  const daysLeft = daysBetween(today, deadline);

  // Many start with the introduction course or guidance (not company-directed).
  if (rng.chance(0.4)) {
    const start = addDays(takeoverDate, rng.int(0, 5));
    if (start <= today) {
      const end = addDays(start, rng.int(3, 6) * 7 - 1);
      offers.push(withStatus({ kind: rng.chance(0.6) ? 'introduction_course' : 'guidance_upskilling', companyName: null, startDate: start, plannedEnd: end, hoursPerWeek: 20 }, today));
    }
  }

  // The first company-directed offer.
  let firstStart: string | null;
  if (daysLeft >= 0) {
    // Deadline still ahead: those close to it mostly have nothing yet (due); others started or have one planned.
    const close = daysLeft <= 7;
    const r = rng.next();
    if (r < (close ? 0.65 : 0.35)) firstStart = null;
    else if (r < (close ? 0.8 : 0.6)) firstStart = addDays(today, rng.int(1, Math.max(1, daysLeft))); // planned, in time
    else firstStart = addDays(takeoverDate, rng.int(2, Math.max(2, daysBetween(takeoverDate, today))));
  } else {
    const r = rng.next();
    if (r < 0.78) firstStart = addDays(takeoverDate, rng.int(3, 28)); // in time (the 14-day target not always)
    else if (r < 0.92) firstStart = addDays(deadline, rng.int(3, 45)); // late
    else firstStart = null; // none yet: breached
  }
  if (firstStart !== null && firstStart > today && daysLeft < 0) firstStart = null;

  let cursor = firstStart;
  let ended = false;
  while (cursor !== null && !ended) {
    const kind = rng.weighted(COMPANY_DIRECTED);
    const [companyName, db07] = placeFor(rng, kind, municipality);
    let plannedEnd = defaultPlannedEnd(kind, cursor) ?? addDays(cursor, rng.int(8, 26) * 7 - 1);
    // About a third of company placements are extended by 13 weeks.
    if ((kind === 'praktik_private' || kind === 'praktik_public') && rng.chance(0.3)) plannedEnd = addDays(plannedEnd, 13 * 7);
    const hours = kind === 'igu' ? 30 : rng.pick([15, 20, 25, 30, 37]);
    offers.push(withStatus({ kind, companyName, startDate: cursor, plannedEnd, hoursPerWeek: hours, ...(kind === 'igu' ? { schoolPeriods: demoSchoolPeriods(cursor) } : {}) }, today));
    if (kind === 'igu') {
      if (cursor <= today) outcomes.push({ kind: 'igu_start', date: cursor, sector: 'private', db07, hours, companyName, source: 'caseworker' });
      break;
    }
    if (plannedEnd >= today) break;
    // After a placement or wage subsidy ended: sometimes a job or education, else the next offer.
    const exit = rng.next();
    if (exit < 0.12) {
      const date = addDays(plannedEnd, rng.int(1, 20));
      if (date <= today) {
        const sector = kind.endsWith('_public') ? 'public' : 'private';
        outcomes.push({ kind: 'employment', date, sector, db07, hours: rng.pick([25, 30, 37]), companyName, source: rng.chance(0.5) ? 'caseworker' : 'eindkomst' });
        ended = true;
        continue;
      }
    } else if (exit < 0.16) {
      const date = addDays(plannedEnd, rng.int(1, 30));
      if (date <= today) {
        outcomes.push({ kind: 'education', date, sector: null, db07: null, hours: null, companyName: null, source: 'caseworker' });
        ended = true;
        continue;
      }
    }
    // The next offer after a pause: mostly short, now and then longer than the six weeks allowed.
    const gap = rng.chance(0.07) ? rng.int(45, 70) : rng.int(1, 30);
    cursor = addDays(plannedEnd, gap);
    if (cursor > today) {
      // Planned already when it starts within the fortnight; otherwise nothing registered yet.
      if (daysBetween(today, cursor) <= 14) {
        const next = rng.weighted(COMPANY_DIRECTED);
        offers.push(withStatus({ kind: next, companyName: placeFor(rng, next, municipality)[0], startDate: cursor, plannedEnd: defaultPlannedEnd(next, cursor) ?? addDays(cursor, 13 * 7 - 1), hoursPerWeek: 25 }, today));
      }
      cursor = null;
    }
  }
  return { offers, outcomes };
}

/**
 * A job that starts on `jobDate` (decided from the citizen's FIP latent in seed.ts, so the demo's
 * answers predict employment as the booklet found): offers that would start on or after it are
 * dropped, those still running end the day before, later outcomes give way to the employment. A
 * job or IGU registered on or before the date already, or a date after today, changes nothing.
 */
export function withJob(
  c: { offers: DemoOffer[]; outcomes: DemoOutcome[] },
  jobDate: string,
  today: string,
  rng: Rng,
  municipality: string,
): { offers: DemoOffer[]; outcomes: DemoOutcome[] } {
  if (jobDate > today) return c;
  if (c.outcomes.some((o) => (o.kind === 'employment' || o.kind === 'igu_start') && o.date <= jobDate)) return c;
  const offers = c.offers
    .filter((o) => o.startDate < jobDate)
    .map((o): DemoOffer => {
      const end = o.actualEnd ?? o.plannedEnd;
      if (o.status === 'completed' && end !== null && end < jobDate) return o;
      return { ...o, actualEnd: addDays(jobDate, -1), status: 'completed' };
    });
  const kind: OfferKind = rng.chance(0.7) ? 'praktik_private' : 'praktik_public';
  const [companyName, db07] = placeFor(rng, kind, municipality);
  const job: DemoOutcome = { kind: 'employment', date: jobDate, sector: kind.endsWith('_public') ? 'public' : 'private', db07, hours: rng.pick([25, 30, 37]), companyName, source: rng.chance(0.5) ? 'caseworker' : 'eindkomst' };
  return { offers, outcomes: [...c.outcomes.filter((o) => o.date < jobDate), job] };
}
