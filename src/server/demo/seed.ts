// Demo data: municipalities 607 (Fredericia) and 727 (Odder), the demo users (password
// "demo"), and ~300 citizens with FIP rounds, offers and some outcomes (offer-generator.ts). Deterministic with the seed (and `today`).
// Refused in production. Writes go through jobvej_app with each municipality's setting, so
// the row-level security policies hold for the seed too.
import { randomUUID } from 'node:crypto';
import type { Database } from '../platform/db/database.ts';
import { ANONYMOUS, withTenant, type Tx } from '../platform/db/tenant.ts';
import { createCprVault } from '../platform/crypto/cpr-vault.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { loadInstruments } from '../instruments/index.ts';
import { createRng } from './prng.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { generateCitizen, type DemoCitizen } from './citizen-generator.ts';
import { generateOffers, withJob, type DemoOffer, type DemoOutcome } from './offer-generator.ts';
import { addDays } from '../../domain/dates.ts';
import type { Rng } from './prng.ts';
import { seedPackages } from './package-generator.ts';
import { seedCompanies } from './company-generator.ts';

export interface SeedOptions {
  /** The CPR master key the app will use (CPRs are stored encrypted with it). */
  cprKey: Buffer;
  seed?: number;
  citizens?: number;
  /** 'YYYY-MM-DD'; defaults to the current date. */
  today?: string;
  nodeEnv?: string;
  instrumentDir?: string;
}

export interface SeedResult {
  skipped: boolean;
  users: number;
  citizens: number;
  rounds: number;
  offers: number;
  outcomes: number;
  /** Industry packages and enrolments (package-generator.ts). */
  packages?: number;
  enrolments?: number;
  /** Companies, their labour needs and the demo offers linked to them (company-generator.ts). */
  companies?: number;
  labourNeeds?: number;
  linkedOffers?: number;
}

const SHARE_607 = 220 / 300;

/**
 * Employment within 6 months of round 1: log-odds JOB_INTERCEPT + JOB_SLOPE · the citizen's belief
 * in a job (a standard-normal latent, DemoCitizen.jobBelief), about one in three employed, the
 * job starting 2–25 weeks after round 1. Decided for every citizen with a round 1 (whether the
 * date has come yet or not), so the stream does not depend on today.
 */
const JOB_INTERCEPT = -0.9;
const JOB_SLOPE = 1.6;

function jobDate(rng: Rng, p: DemoCitizen): string | null {
  const first = p.rounds[0];
  const employed = rng.chance(1 / (1 + Math.exp(-(JOB_INTERCEPT + JOB_SLOPE * p.jobBelief))));
  const after = rng.int(14, 175);
  return first && employed ? addDays(first.startedOn, after) : null;
}

export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedResult> {
  if ((options.nodeEnv ?? process.env.NODE_ENV) === 'production') {
    throw new Error('Refusing to create demo data with NODE_ENV=production (demo users have the password "demo").');
  }
  const existing = await withTenant(db, ANONYMOUS, (tx) =>
    tx.selectFrom('users').select('id').where('username', '=', DEMO_USERS[0]?.username ?? '').executeTakeFirst(),
  );
  if (existing) return { skipped: true, users: 0, citizens: 0, rounds: 0, offers: 0, outcomes: 0 };

  const rng = createRng(options.seed ?? 42);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const store = loadInstruments(options.instrumentDir);
  const citizenItems = [...store.itemIds('citizen')];
  const caseworkerItems = [...store.itemIds('caseworker')];
  const mirrors = new Map(store.instrument.items.filter((i) => i.respondent === 'caseworker' && i.mirror).map((i) => [i.id, i.mirror as string]));
  const vault = createCprVault(options.cprKey);

  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  await withTenant(db, ANONYMOUS, async (tx) => {
    await tx
      .insertInto('users')
      .values(DEMO_USERS.map((u, i) => ({ username: u.username, display_name: u.displayName, role: u.role, municipality_code: u.municipalityCode, password_hash: hashes[i] ?? '' })))
      .execute();
  });

  const total = options.citizens ?? 300;
  const in607 = Math.round(total * SHARE_607);
  const usedCprs = new Set<string>();
  // Offers draw from their own stream, so the citizens and rounds stay as they were per seed.
  const offerRng = createRng((options.seed ?? 42) + 1_000_003);
  const jobRng = createRng((options.seed ?? 42) + 4_000_003);
  let rounds = 0;
  let offers = 0;
  let outcomes = 0;
  for (const [code, count] of [['607', in607], ['727', total - in607]] as const) {
    const people = Array.from({ length: count }, () => generateCitizen(rng, today, citizenItems, caseworkerItems, mirrors, usedCprs));
    // Employment within 6 months of round 1 depends on the citizen's belief in a job (the latent
    // behind c02, which shares the general latent with every answer): from its own stream, so the
    // citizens, rounds and the offers' draws stay as they were per seed.
    const cases = people.map((p) => {
      const drawn = generateOffers(offerRng, p.takeoverDate, today, code);
      const jobOn = jobDate(jobRng, p);
      return jobOn === null ? drawn : withJob(drawn, jobOn, today, jobRng, code);
    });
    const inserted = await withTenant(db, { municipalityCode: code, userId: null, role: 'seed' }, (tx) =>
      insertCitizens(tx, code, people, cases, vault, store.version),
    );
    rounds += inserted.rounds;
    offers += inserted.offers;
    outcomes += inserted.outcomes;
  }
  // Packages after the citizens and outcomes, from their own stream (citizens and offers stay as they were).
  const demoPackages = await seedPackages(db, createRng((options.seed ?? 42) + 2_000_003), today);
  // The company consultant works with the citizens in an industry package.
  await withTenant(db, { municipalityCode: '607', userId: null, role: 'seed' }, async (tx) => {
    const consultant = await tx.selectFrom('users').select('id').where('username', '=', 'company@607').executeTakeFirst();
    if (!consultant) return;
    await tx
      .updateTable('citizens')
      .set({ consultant_id: consultant.id })
      .where((eb) => eb.exists(eb.selectFrom('package_enrolments as e').select('e.id').whereRef('e.citizen_id', '=', 'citizens.id').where('e.status', '=', 'active')))
      .execute();
  });
  // Companies last, from their own stream (everything above stays as it was per seed).
  const demoCompanies = await seedCompanies(db, createRng((options.seed ?? 42) + 3_000_003), today);
  return { skipped: false, users: DEMO_USERS.length, citizens: total, rounds, offers, outcomes, ...demoPackages, ...demoCompanies };
}

async function insertCitizens(
  tx: Tx,
  code: string,
  people: DemoCitizen[],
  cases: { offers: DemoOffer[]; outcomes: DemoOutcome[] }[],
  vault: ReturnType<typeof createCprVault>,
  version: string,
): Promise<{ rounds: number; offers: number; outcomes: number }> {
  if (people.length === 0) return { rounds: 0, offers: 0, outcomes: 0 };
  const ids = people.map(() => randomUUID());
  // The municipality's demo caseworker is responsible for four in five; every fifth waits to be assigned (decision 026).
  const caseworker = await tx.selectFrom('users').select('id').where('username', '=', `caseworker@${code}`).executeTakeFirst();
  await tx
    .insertInto('citizens')
    .values(
      people.map((p, i) => ({
        id: ids[i],
        municipality_code: code,
        name: p.name,
        cpr_encrypted: vault.encrypt(p.cpr),
        cpr_hash: vault.hash(p.cpr),
        cpr_tail_hash: vault.tailHash(p.cpr.slice(-4)),
        caseworker_id: i % 5 === 4 ? null : (caseworker?.id ?? null),
        gender: p.gender,
        birth_date: p.birthDate,
        origin_country: p.originCountry,
        arrival_date: p.arrivalDate,
        takeover_date: p.takeoverDate,
        language: p.language,
        target_group: p.targetGroup,
      })),
    )
    .execute();
  const counts = await insertOffers(tx, code, ids, cases);
  const roundValues = people.flatMap((p, i) =>
    p.rounds.map((r) => ({
      id: randomUUID(),
      citizen_id: ids[i] ?? '',
      municipality_code: code,
      round_no: r.roundNo,
      started_on: r.startedOn,
      citizen_completed_at: r.citizenComplete ? `${r.startedOn}T10:00:00Z` : null,
      caseworker_completed_at: r.caseworkerComplete ? `${r.startedOn}T11:00:00Z` : null,
      instrument_version: version,
    })),
  );
  if (roundValues.length === 0) return { rounds: 0, ...counts };
  await tx.insertInto('fip_rounds').values(roundValues).execute();
  const demoRounds = people.flatMap((p) => p.rounds);
  const answers = demoRounds.flatMap((r, i) => {
    const roundId = roundValues[i]?.id ?? '';
    return [
      ...Object.entries(r.citizen).map(([itemId, value]) => ({ round_id: roundId, municipality_code: code, respondent: 'citizen' as const, item_id: itemId, value })),
      ...Object.entries(r.caseworker).map(([itemId, value]) => ({ round_id: roundId, municipality_code: code, respondent: 'caseworker' as const, item_id: itemId, value })),
    ];
  });
  for (let start = 0; start < answers.length; start += 2000) {
    await tx.insertInto('fip_answers').values(answers.slice(start, start + 2000)).execute();
  }
  return { rounds: roundValues.length, ...counts };
}

async function insertOffers(
  tx: Tx,
  code: string,
  ids: string[],
  cases: { offers: DemoOffer[]; outcomes: DemoOutcome[] }[],
): Promise<{ offers: number; outcomes: number }> {
  const offers = cases.flatMap((c, i) =>
    c.offers.map((o) => ({
      citizen_id: ids[i] ?? '',
      municipality_code: code,
      kind: o.kind,
      company_id: null,
      company_name: o.companyName,
      start_date: o.startDate,
      planned_end: o.plannedEnd,
      actual_end: o.actualEnd,
      hours_per_week: o.hoursPerWeek,
      status: o.status,
      school_periods: JSON.stringify(o.schoolPeriods ?? []),
      created_by: null,
    })),
  );
  const outcomes = cases.flatMap((c, i) =>
    c.outcomes.map((o) => ({
      citizen_id: ids[i] ?? '',
      municipality_code: code,
      kind: o.kind,
      date: o.date,
      sector: o.sector,
      db07: o.db07,
      hours: o.hours,
      company_name: o.companyName,
      source: o.source,
      created_by: null,
    })),
  );
  for (let start = 0; start < offers.length; start += 1000) await tx.insertInto('offers').values(offers.slice(start, start + 1000)).execute();
  for (let start = 0; start < outcomes.length; start += 1000) await tx.insertInto('outcomes').values(outcomes.slice(start, start + 1000)).execute();
  return { offers: offers.length, outcomes: outcomes.length };
}
