// The national-scale demo (`jobvej demo --scale national`, decision 034): every municipality of
// content/reference/municipalities.json (98) with N active citizens each (default 5 000), their
// FIP rounds and answers, offers, outcomes and industry-package enrolments, and per municipality a
// caseworker, a manager and a company consultant (password "demo", as the ordinary demo).
//
// Generated set-based: per municipality one transaction as jobvej_app with that municipality's
// setting (so the row-level security policies check every row), in which each table is one
// INSERT … SELECT over generate_series / the citizens just written, drawn from random() after
// setseed (deterministic with the seed and `today`; the ids are random UUIDs). Only what the
// database cannot compute comes from Node, in one array parameter per column: the CPR numbers,
// AES-256-GCM encrypted with the vault, with their lookup and last-four hashes (and the birth date
// and gender the CPR number encodes, so a registration stays consistent).
//
// The audit trail: the bulk load is not a series of requests, so instead of one event per row it
// writes one system event `demo.load` per municipality in that municipality's transaction, naming
// what was loaded (counts, seed, date), and one for the users (no municipality); the packages are
// created through the same command as the API (audited `package.create` as the manager). The chain
// is the database's (trigger), so `jobvej audit verify` holds after a load.
import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../platform/db/database.ts';
import { ANONYMOUS, withTenant, type Tx } from '../platform/db/tenant.ts';
import { createCprVault } from '../platform/crypto/cpr-vault.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { writeSystemAudit } from '../platform/audit/audit-writer.ts';
import { loadInstruments } from '../instruments/index.ts';
import { createPackage, loadPackageTemplates } from '../packages/index.ts';
import { addDays } from '../../domain/dates.ts';
import { audited } from './audited.ts';
import { DEMO_PASSWORD } from './demo-users.ts';
import { NAMES, ORIGINS, ORIGIN_LANGUAGE } from './names.ts';
import { createRng, type Rng } from './prng.ts';

export const DEFAULT_CITIZENS_PER_MUNICIPALITY = 5000;
/** The packages each municipality gets (template ids of content/packages). */
const PACKAGE_TEMPLATES = ['vejle-warehouse', 'vejle-care'] as const;

export interface NationalOptions {
  cprKey: Buffer;
  citizensPerMunicipality?: number;
  seed?: number;
  /** 'YYYY-MM-DD'; defaults to the current date. */
  today?: string;
  nodeEnv?: string;
  /** Only these municipality codes (default: every municipality of the reference list). */
  municipalities?: readonly string[];
  instrumentDir?: string;
  /** Called after each municipality (for the command's progress line). */
  onProgress?: (done: number, total: number, code: string) => void;
}

export interface NationalResult {
  skipped: boolean;
  municipalities: number;
  users: number;
  citizens: number;
  rounds: number;
  answers: number;
  offers: number;
  outcomes: number;
  packages: number;
  enrolments: number;
}

interface Municipality {
  code: string;
  name: string;
}

export function referenceMunicipalities(): Municipality[] {
  const file = fileURLToPath(new URL('../../../content/reference/municipalities.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as Municipality[]).map((m) => ({ code: m.code, name: m.name }));
}

/** The users of one municipality: username, role, display name. */
export function nationalUsers(m: Municipality): { username: string; role: 'caseworker' | 'manager' | 'company_consultant'; displayName: string }[] {
  return [
    { username: `caseworker@${m.code}`, role: 'caseworker', displayName: `Sagsbehandler (${m.name})` },
    { username: `manager@${m.code}`, role: 'manager', displayName: `Leder (${m.name})` },
    { username: `company@${m.code}`, role: 'company_consultant', displayName: `Virksomhedskonsulent (${m.name})` },
  ];
}

/** A CPR number for the birth date and gender (the 7th digit fits the century; the last digit's parity is the gender). */
function cprFor(rng: Rng, birthDate: string, gender: 'F' | 'M', used: Set<string>): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  for (;;) {
    const seventh = Number(y) >= 2000 ? 4 : rng.int(0, 3);
    let last = rng.int(0, 9);
    if ((last % 2 === 1) !== (gender === 'M')) last = (last + 1) % 10;
    const cpr = `${d}${m}${y.slice(2)}${seventh}${String(rng.int(0, 99)).padStart(2, '0')}${last}`;
    if (!used.has(cpr)) {
      used.add(cpr);
      return cpr;
    }
  }
}

interface CprColumns {
  encrypted: string[];
  hash: string[];
  tail: string[];
  birth: string[];
  gender: string[];
}

/** N citizens' CPR columns (encrypted, hashed) with the birth date and gender each encodes. */
function cprColumns(rng: Rng, vault: ReturnType<typeof createCprVault>, n: number, today: string, used: Set<string>): CprColumns {
  const out: CprColumns = { encrypted: [], hash: [], tail: [], birth: [], gender: [] };
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < n; i++) {
    const gender = rng.chance(0.5) ? 'F' : 'M';
    const birth = addDays(`${year - rng.int(18, 55)}-01-01`, -rng.int(0, 364));
    const cpr = cprFor(rng, birth, gender, used);
    out.encrypted.push(vault.encrypt(cpr));
    out.hash.push(vault.hash(cpr));
    out.tail.push(vault.tailHash(cpr.slice(-4)));
    out.birth.push(birth);
    out.gender.push(gender);
  }
  return out;
}

/** CASE expression text picking an origin by the weights of names.ts from a uniform `u`. */
function originCase(u: string): string {
  const total = ORIGINS.reduce((s, [, w]) => s + w, 0);
  let cum = 0;
  const arms = ORIGINS.map(([code, w]) => {
    cum += w;
    return `WHEN ${u} < ${(cum / total).toFixed(6)} THEN '${code}'`;
  });
  return `CASE ${arms.join(' ')} ELSE '${ORIGINS[ORIGINS.length - 1]?.[0] ?? 'SY'}' END`;
}

const LANGUAGE_CASE = `CASE origin ${Object.entries(ORIGIN_LANGUAGE).map(([o, l]) => `WHEN '${o}' THEN '${l}'`).join(' ')} END`;

const COMPANIES = ['Netto', 'Rema 1000', 'Danish Crown', 'Arla Foods', 'ISS Facility Services', 'DSV', 'Coop', 'Lidl', 'Plejecenter Solgården', 'Kommunens hjemmepleje'];

async function loadMunicipality(
  tx: Tx,
  m: Municipality,
  seedValue: number,
  cpr: CprColumns,
  today: string,
  items: { citizen: string[]; caseworker: string[]; version: string },
  packageIds: string[],
): Promise<{ rounds: number; answers: number; offers: number; outcomes: number; enrolments: number }> {
  const code = m.code;
  await sql`SELECT setseed(${seedValue})`.execute(tx);
  const users = (await tx.selectFrom('users').select(['id', 'username']).where('municipality_code', '=', code).execute()).reduce<Record<string, string>>(
    (acc, u) => ({ ...acc, [u.username.split('@')[0] ?? '']: u.id }),
    {},
  );
  const caseworker = users.caseworker ?? null;
  const consultant = users.company ?? null;
  const names = JSON.stringify(NAMES);

  // Citizens: the CPR columns from Node (one array each), everything else drawn here.
  await sql`
    INSERT INTO citizens (municipality_code, name, cpr_encrypted, cpr_hash, cpr_tail_hash, caseworker_id, gender, birth_date,
                          origin_country, arrival_date, takeover_date, language, target_group)
    SELECT ${code}, (${names}::jsonb -> origin -> gender ->> floor(random() * jsonb_array_length(${names}::jsonb -> origin -> gender))::int)
                    || ' ' || (${names}::jsonb -> origin -> 'last' ->> floor(random() * jsonb_array_length(${names}::jsonb -> origin -> 'last'))::int),
           enc, hash, tail, CASE WHEN n % 5 = 0 THEN NULL ELSE ${caseworker}::uuid END, gender, birth,
           origin, arrival, least(arrival + floor(random() * 46)::int, ${today}::date),
           CASE WHEN random() < 0.1 THEN 'da' ELSE ${sql.raw(LANGUAGE_CASE)} END,
           CASE WHEN random() < 0.8 THEN 'broad' ELSE 'selected' END
    FROM (
      SELECT u.*, ${sql.raw(originCase('u.pick'))} AS origin
      FROM (
        SELECT t.*, random() AS pick, ${today}::date - (20 + floor(random() * 381))::int AS arrival
        FROM unnest(${cpr.encrypted}::text[], ${cpr.hash}::text[], ${cpr.tail}::text[], ${cpr.birth}::date[], ${cpr.gender}::text[])
             WITH ORDINALITY AS t(enc, hash, tail, birth, gender, n)
      ) u
    ) drawn`.execute(tx);

  // Per citizen a standard-normal latent (Box–Muller) that every answer shares; about one in six
  // has not yet held their latest due round (overdue), as the ordinary demo.
  await sql`CREATE TEMP TABLE demo_latent ON COMMIT DROP AS
    SELECT id, takeover_date, sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z, random() < 0.17 AS overdue,
           floor(random() * 4)::int AS offer_count
    FROM citizens`.execute(tx);

  // Rounds: the first a month after takeover, then every three months, up to four so far.
  const rounds = await sql`
    INSERT INTO fip_rounds (citizen_id, municipality_code, round_no, started_on, citizen_completed_at, caseworker_completed_at, instrument_version)
    SELECT id, ${code}, k + 1, started_on, started_on + time '10:00',
           CASE WHEN k = last_k AND ${today}::date - started_on <= 30 AND random() < 0.6 THEN NULL ELSE started_on + time '11:00' END,
           ${items.version}
    FROM (
      SELECT d.id, d.k, max(d.k) OVER (PARTITION BY d.id) AS last_k, d.overdue,
             least(d.due + floor(random() * 13)::int, ${today}::date) AS started_on
      FROM (SELECT l.id, l.overdue, k, (l.takeover_date + make_interval(months => 1 + 3 * k))::date AS due
            FROM demo_latent l CROSS JOIN generate_series(0, 3) AS k) d
      WHERE d.due <= ${today}::date
    ) r
    WHERE NOT (overdue AND k = last_k AND k > 0)`.execute(tx);

  // Answers: the citizen's part of every round, the caseworker's of the rounds they completed;
  // 1..7 around 4 + 0.35 per round + the citizen's latent, 3 % "don't know" (null).
  const answers = await sql`
    INSERT INTO fip_answers (round_id, municipality_code, respondent, item_id, value, answered_at)
    SELECT r.id, ${code}, i.respondent, i.item_id,
           CASE WHEN random() < 0.03 THEN NULL
                ELSE greatest(1, least(7, round(4 + 0.35 * (r.round_no - 1) + 0.9 * l.z
                                                + 0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::smallint END,
           CASE WHEN i.respondent = 'citizen' THEN r.citizen_completed_at ELSE coalesce(r.caseworker_completed_at, r.citizen_completed_at) END
    FROM fip_rounds r
    JOIN demo_latent l ON l.id = r.citizen_id
    CROSS JOIN (SELECT 'citizen' AS respondent, unnest(${items.citizen}::text[]) AS item_id
                UNION ALL SELECT 'caseworker', unnest(${items.caseworker}::text[])) i
    WHERE i.respondent = 'citizen' OR r.caseworker_completed_at IS NOT NULL`.execute(tx);

  // Offers: 0–3 per citizen after takeover; a company placement's planned end 13 weeks on, an
  // IGU's two years; the status by today.
  const offers = await sql`
    INSERT INTO offers (citizen_id, municipality_code, kind, company_name, start_date, planned_end, actual_end, hours_per_week, status, school_periods)
    SELECT id, ${code}, kind, CASE WHEN kind IN ('introduction_course', 'guidance_upskilling', 'danish_education', 'mentor') THEN NULL ELSE company END,
           start_date, planned_end, NULL, hours,
           CASE WHEN start_date > ${today}::date THEN 'planned' WHEN planned_end IS NULL OR planned_end >= ${today}::date THEN 'active' ELSE 'completed' END,
           '[]'::jsonb
    FROM (
      SELECT o.*, CASE WHEN kind = 'igu' THEN (start_date + interval '2 years')::date - 1
                       WHEN kind IN ('praktik_private', 'praktik_public', 'wage_subsidy_private', 'wage_subsidy_public') THEN start_date + 13 * 7 - 1
                       WHEN kind = 'introduction_course' THEN start_date + 8 * 7 - 1
                       ELSE NULL END AS planned_end
      FROM (
        SELECT l.id, (ARRAY['introduction_course','guidance_upskilling','praktik_private','praktik_public','wage_subsidy_private','igu','danish_education','mentor'])[1 + floor(random() * 8)::int] AS kind,
               (${COMPANIES}::text[])[1 + floor(random() * ${COMPANIES.length})::int] AS company,
               l.takeover_date + floor(random() * greatest(1, ${today}::date - l.takeover_date + 30))::int AS start_date,
               (ARRAY[15, 20, 25, 30, 37])[1 + floor(random() * 5)::int] AS hours
        FROM demo_latent l CROSS JOIN LATERAL generate_series(1, l.offer_count) AS j
      ) o
    ) p`.execute(tx);

  // Outcomes: employment for about one in four (more likely with a higher latent), dated after
  // round 1 and not after today; a few start an education. Neither ends the programme
  // (src/domain/outcomes.ts), so every citizen stays active.
  const outcomes = await sql`
    INSERT INTO outcomes (citizen_id, municipality_code, kind, date, sector, db07, hours, company_name, source)
    SELECT l.id, ${code}, kind, on_date,
           CASE WHEN kind = 'employment' THEN CASE WHEN random() < 0.3 THEN 'public' ELSE 'private' END END,
           CASE WHEN kind = 'employment' THEN (ARRAY['G','C','Q','N','I','H'])[1 + floor(random() * 6)::int] END,
           CASE WHEN kind = 'employment' THEN (ARRAY[25, 30, 37])[1 + floor(random() * 3)::int] END,
           CASE WHEN kind = 'employment' THEN (${COMPANIES}::text[])[1 + floor(random() * ${COMPANIES.length})::int] END,
           CASE WHEN random() < 0.5 THEN 'caseworker' ELSE 'eindkomst' END
    FROM (
      SELECT l.id, r.started_on + 14 + floor(random() * 162)::int AS on_date,
             CASE WHEN random() < 1 / (1 + exp(-(-0.9 + 1.6 * l.z))) THEN 'employment' WHEN random() < 0.05 THEN 'education' END AS kind
      FROM demo_latent l JOIN fip_rounds r ON r.citizen_id = l.id AND r.round_no = 1
    ) l
    WHERE kind IS NOT NULL AND on_date <= ${today}::date`.execute(tx);

  // Package enrolments: about one in fifteen citizens in the first module of one of the packages,
  // the company consultant working with them.
  let enrolments = 0;
  if (packageIds.length > 0) {
    const enrolled = await sql`
      INSERT INTO package_enrolments (package_id, citizen_id, municipality_code, current_module_index, started_on, module_started_on, status)
      SELECT (${packageIds}::uuid[])[1 + floor(random() * ${packageIds.length})::int], id, ${code}, 0, on_date, on_date, 'active'
      FROM (SELECT id, ${today}::date - (3 + floor(random() * 18)::int) AS on_date FROM demo_latent WHERE random() < 1.0 / 15) e`.execute(tx);
    enrolments = Number(enrolled.numAffectedRows ?? 0);
    await sql`
      INSERT INTO enrolment_modules (enrolment_id, municipality_code, module_index, module_id, started_on)
      SELECT e.id, ${code}, 0, p.modules -> 0 ->> 'id', e.started_on
      FROM package_enrolments e JOIN packages p ON p.id = e.package_id`.execute(tx);
    if (consultant) {
      await sql`UPDATE citizens SET consultant_id = ${consultant}::uuid
                WHERE id IN (SELECT citizen_id FROM package_enrolments WHERE status = 'active')`.execute(tx);
    }
  }
  return {
    rounds: Number(rounds.numAffectedRows ?? 0),
    answers: Number(answers.numAffectedRows ?? 0),
    offers: Number(offers.numAffectedRows ?? 0),
    outcomes: Number(outcomes.numAffectedRows ?? 0),
    enrolments,
  };
}

export async function seedNationalDemo(db: Database, options: NationalOptions): Promise<NationalResult> {
  if ((options.nodeEnv ?? process.env.NODE_ENV) === 'production') {
    throw new Error('Refusing to create demo data with NODE_ENV=production (demo users have the password "demo").');
  }
  const perMunicipality = options.citizensPerMunicipality ?? DEFAULT_CITIZENS_PER_MUNICIPALITY;
  if (!Number.isInteger(perMunicipality) || perMunicipality < 1 || perMunicipality > 100_000) {
    throw new Error('citizens per municipality: expected a whole number 1..100000');
  }
  const all = referenceMunicipalities();
  const wanted = options.municipalities ? all.filter((m) => options.municipalities?.includes(m.code)) : all;
  if (options.municipalities && wanted.length !== options.municipalities.length) {
    throw new Error(`unknown municipality code among ${options.municipalities.join(',')}`);
  }
  const empty: NationalResult = { skipped: true, municipalities: 0, users: 0, citizens: 0, rounds: 0, answers: 0, offers: 0, outcomes: 0, packages: 0, enrolments: 0 };
  const usernames = wanted.flatMap((m) => nationalUsers(m).map((u) => u.username));
  const present = await withTenant(db, ANONYMOUS, (tx) => tx.selectFrom('users').select('id').where('username', 'in', usernames).executeTakeFirst());
  if (present) return empty;

  const seed = options.seed ?? 42;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const store = loadInstruments(options.instrumentDir);
  const items = { citizen: [...store.itemIds('citizen')], caseworker: [...store.itemIds('caseworker')], version: store.version };
  const vault = createCprVault(options.cprKey);
  const templates = loadPackageTemplates();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // Users: three per municipality and the national ones, in one statement (one hash serves all:
  // each verifies against "demo"); audited as one demo.load event without a municipality.
  const users = wanted.flatMap((m) => nationalUsers(m).map((u) => ({ ...u, code: m.code })));
  const created = await withTenant(db, ANONYMOUS, async (tx) => {
    const inserted = await sql`
      INSERT INTO users (username, display_name, role, municipality_code, password_hash)
      SELECT u, d, r, c, ${passwordHash}
      FROM unnest(${[...users.map((u) => u.username), 'national@siri', 'admin']}::text[],
                  ${[...users.map((u) => u.displayName), 'SIRI (national administrator)', 'Administrator']}::text[],
                  ${[...users.map((u) => u.role), 'national_admin', 'admin']}::text[],
                  ${[...users.map((u) => u.code), null, null]}::text[]) AS t(u, d, r, c)
      ON CONFLICT (username) DO NOTHING`.execute(tx);
    const n = Number(inserted.numAffectedRows ?? 0);
    await writeSystemAudit(tx, null, 'demo.load', 'municipality', null, { scale: 'national', users: n, municipalities: wanted.length, seed, today });
    return n;
  });

  const result: NationalResult = { ...empty, skipped: false, users: created };
  const cprRng = createRng(seed + 5_000_011);
  const usedCprs = new Set<string>();
  for (const [index, m] of wanted.entries()) {
    const cpr = cprColumns(cprRng, vault, perMunicipality, today, usedCprs);
    const counts = await withTenant(db, { municipalityCode: m.code, userId: null, role: 'seed' }, async (tx) => {
      const manager = await tx.selectFrom('users').select('id').where('username', '=', `manager@${m.code}`).executeTakeFirstOrThrow();
      const actor = { userId: manager.id, role: 'manager', municipalityCode: m.code };
      const packageIds: string[] = [];
      for (const id of PACKAGE_TEMPLATES) {
        const template = templates.byId(id);
        if (!template) continue;
        const row = await audited(tx, actor, (trail) => createPackage(tx, trail, actor, template, { templateId: id }));
        packageIds.push(row.id);
      }
      // setseed takes -1..1: a value per seed and municipality.
      const seedValue = (((seed * 7919 + index * 104_729) % 2_000_000) / 1_000_000 - 1) * 0.999;
      const loaded = await loadMunicipality(tx, m, seedValue, cpr, today, items, packageIds);
      const detail = { scale: 'national', seed, today, citizens: perMunicipality, ...loaded, packages: packageIds.length };
      await writeSystemAudit(tx, m.code, 'demo.load', 'municipality', m.code, detail);
      return { ...loaded, packages: packageIds.length };
    });
    result.municipalities += 1;
    result.citizens += perMunicipality;
    result.rounds += counts.rounds;
    result.answers += counts.answers;
    result.offers += counts.offers;
    result.outcomes += counts.outcomes;
    result.packages += counts.packages;
    result.enrolments += counts.enrolments;
    options.onProgress?.(index + 1, wanted.length, m.code);
  }
  // Fresh statistics for the planner after a bulk load (as the table owner; a no-op cost on small sets).
  await sql`ANALYZE`.execute(db.kysely);
  return result;
}
