// Generate demo citizens and their FIP rounds (pure, deterministic with the PRNG).
import { addDays, addMonths, daysBetween } from '../../domain/dates.ts';
import { answerFrom, latentFor } from './answer-model.ts';
import { NAMES, ORIGINS, ORIGIN_LANGUAGE } from './names.ts';
import { ROUND1_CITIZEN_MEANS } from './reference-means.ts';
import type { Rng } from './prng.ts';

export interface DemoRound {
  roundNo: number;
  startedOn: string;
  citizenComplete: boolean;
  caseworkerComplete: boolean;
  citizen: Record<string, number | null>;
  caseworker: Record<string, number | null>;
}

export interface DemoCitizen {
  name: string;
  cpr: string;
  gender: 'F' | 'M';
  birthDate: string;
  originCountry: string;
  arrivalDate: string;
  takeoverDate: string;
  language: string;
  targetGroup: 'broad' | 'selected';
  rounds: DemoRound[];
  /**
   * The standard-normal latent behind the citizen's round-1 answer to "Tror du, at du er i arbejde
   * inden for 6 måneder?" (c02): the general latent every answer shares (half its variance) plus
   * the item's own part. The seed draws employment from it (the booklet's strongest predictor).
   * The general latent alone when that answer was "don't know" or there was no round 1.
   */
  jobBelief: number;
}

const GAIN_PER_ROUND = 0.35;
const DONT_KNOW = 0.03;
/** The citizen's belief in a job within 6 months (fip-v1.json). */
const BELIEF_ITEM = 'c02';

function cprFor(rng: Rng, birthDate: string, gender: 'F' | 'M', used: Set<string>): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const year = Number(y);
  for (;;) {
    const seventh = year >= 2000 ? 4 : rng.int(0, 3);
    const middle = String(rng.int(0, 99)).padStart(2, '0');
    let last = rng.int(0, 9);
    if ((last % 2 === 1) !== (gender === 'M')) last = (last + 1) % 10;
    const cpr = `${d}${m}${y.slice(2)}${seventh}${middle}${last}`;
    if (!used.has(cpr)) {
      used.add(cpr);
      return cpr;
    }
  }
}

export function generateCitizen(
  rng: Rng,
  today: string,
  citizenItems: readonly string[],
  caseworkerItems: readonly string[],
  mirrors: ReadonlyMap<string, string>,
  usedCprs: Set<string>,
): DemoCitizen {
  const gender: 'F' | 'M' = rng.chance(0.5) ? 'F' : 'M';
  const origin = rng.weighted(ORIGINS);
  const names = NAMES[origin];
  const name = `${rng.pick(names[gender])} ${rng.pick(names.last)}`;
  const age = rng.int(18, 55);
  const birthDate = addDays(`${Number(today.slice(0, 4)) - age}-01-01`, -rng.int(0, 364));
  // Newcomers taken over 0–13 months ago: up to four quarterly rounds so far.
  const arrivalDate = addDays(today, -rng.int(20, 400));
  const movedIn = addDays(arrivalDate, rng.int(0, 45));
  const takeoverDate = movedIn > today ? today : movedIn;
  // The language of the conversation and the questionnaire: newcomers of 0–13 months mostly speak
  // their own; about one in ten already manages in Danish (it was six in ten, so most demo
  // citizens — Faadumo Hussein among them — would have had their FIP in Danish).
  const language = rng.chance(0.1) ? 'da' : ORIGIN_LANGUAGE[origin];

  // Demo rounds: the first at the first follow-up conversation a month after takeover (before the
  // rule's latest date, takeover + 3 months; see src/domain/fip/schedule.ts), then every three months.
  const due: string[] = [];
  for (let k = 0; k < 4; k++) {
    const date = addMonths(takeoverDate, 1 + 3 * k);
    if (date > today) break;
    due.push(date);
  }
  // About one in six is overdue: their latest due round has not been held.
  const held = due.length > 0 && rng.chance(0.17) ? due.slice(0, -1) : due;

  const means = ROUND1_CITIZEN_MEANS[gender];
  const z = rng.normal();
  let jobBelief = z;
  const rounds: DemoRound[] = held.map((date, k) => {
    const jittered = addDays(date, rng.int(0, 12));
    const startedOn = jittered > today ? today : jittered;
    const citizen: Record<string, number | null> = {};
    citizenItems.forEach((itemId, i) => {
      const mu = latentFor(means[i] ?? 4) + GAIN_PER_ROUND * k;
      if (rng.chance(DONT_KNOW)) citizen[itemId] = null;
      else {
        const latent = 0.5 * z + Math.sqrt(0.75) * rng.normal();
        if (k === 0 && itemId === BELIEF_ITEM) jobBelief = latent;
        citizen[itemId] = answerFrom(mu, latent);
      }
    });
    const last = k === held.length - 1;
    const caseworkerComplete = !last || daysBetween(startedOn, today) > 14 || rng.chance(0.5);
    const caseworker: Record<string, number | null> = {};
    if (caseworkerComplete) {
      for (const itemId of caseworkerItems) {
        const mirrored = mirrors.get(itemId);
        const own = mirrored !== undefined ? citizen[mirrored] : undefined;
        const base = own !== undefined && own !== null ? own - 0.4 : 4.2 + GAIN_PER_ROUND * k + 0.8 * z;
        caseworker[itemId] = rng.chance(DONT_KNOW / 2) ? null : answerFrom(base, 0.6 * rng.normal(), 1);
      }
    }
    return { roundNo: k + 1, startedOn, citizenComplete: true, caseworkerComplete, citizen, caseworker };
  });

  return {
    name,
    cpr: cprFor(rng, birthDate, gender, usedCprs),
    gender,
    birthDate,
    originCountry: origin,
    arrivalDate,
    takeoverDate,
    language,
    targetGroup: rng.chance(0.8) ? 'broad' : 'selected',
    rounds,
    jobBelief,
  };
}
