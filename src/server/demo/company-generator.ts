// Demo companies and labour needs: ~20 companies in 607 (Fredericia) and 9 in 727 (Odder) in the
// industries of Vejle's six packages (retail, cleaning, kitchen & service, food industry, care,
// warehouse) with a contact each, CVR numbers generated with a valid modulus-11 check digit (not
// real companies' numbers), and open, future and closed labour needs. Companies named like the
// demo offers' company names (offer-generator.ts) are linked to those offers of the same
// municipality by company_id; kinds and dates of offers do not change, so the deadline and
// timeliness figures stay as they were. Written through the same commands as the API
// (company-registrar, labour-need-recorder), so every row is validated and audited.
// Deterministic with the seed and `today`.
import { sql } from 'kysely';
import { audited } from './audited.ts';
import type { Database } from '../platform/db/database.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { addDays, addMonths } from '../../domain/dates.ts';
import { cvrChecksum, type LabourNeedKind } from '../../domain/companies/index.ts';
import { createCompany } from '../companies/index.ts';
import { createNeed, updateNeed } from '../companies/index.ts';
import type { Rng } from './prng.ts';

interface DemoCompany {
  name: string;
  db07: string;
  address: string;
  role: string;
}

const COMPANIES: Record<string, readonly DemoCompany[]> = {
  '607': [
    // Named as in the demo offers (linked).
    { name: 'Netto Fredericia', db07: '47.11', address: 'Vejlevej 12, 7000 Fredericia', role: 'Butikschef' },
    { name: 'Lidl Danmark', db07: '47.11', address: 'Prangervej 80, 7000 Fredericia', role: 'Butikschef' },
    { name: 'Danish Crown Horsens', db07: '10.11', address: 'Industrivej 2, 7000 Fredericia', role: 'HR-partner' },
    { name: 'ISS Facility Services', db07: '81.21', address: 'Strevelinsvej 34, 7000 Fredericia', role: 'Driftsleder' },
    { name: 'Hotel Kronprinds Frederik', db07: '55.10', address: 'Vestre Ringvej 96, 7000 Fredericia', role: 'Køkkenchef' },
    { name: 'DSV Solutions', db07: '52.10', address: 'Taulov Kirkevej 28, 7000 Fredericia', role: 'Lagerchef' },
    { name: 'Kokkenes Køkken', db07: '56.29', address: 'Jyllandsgade 5, 7000 Fredericia', role: 'Køkkenleder' },
    { name: 'Fredericia Kommune, Plejecenter Ullerup', db07: '87.10', address: 'Ullerupvej 10, 7000 Fredericia', role: 'Centerleder' },
    { name: 'Fredericia Kommune, Rengøring', db07: '81.21', address: 'Gothersgade 20, 7000 Fredericia', role: 'Rengøringsleder' },
    { name: 'Sygehus Lillebælt, Køkken', db07: '86.10', address: 'Kolding Landevej 10, 7000 Fredericia', role: 'Økonomaleder' },
    // Further companies with labour needs (fictitious).
    { name: 'Bageriet Kongensgade ApS', db07: '10.71', address: 'Kongensgade 41, 7000 Fredericia', role: 'Bagermester' },
    { name: 'Lillebælt Lager A/S', db07: '52.10', address: 'Egeskovvej 7, 7000 Fredericia', role: 'Lagerchef' },
    { name: 'Vestergade Rengøring ApS', db07: '81.21', address: 'Vestergade 8, 7000 Fredericia', role: 'Indehaver' },
    { name: 'Madhuset ved Havnen', db07: '56.10', address: 'Havnegade 3, 7000 Fredericia', role: 'Restaurantchef' },
    { name: 'Kantinen Taulov', db07: '56.29', address: 'Taulov Erhvervspark 1, 7000 Fredericia', role: 'Kantineleder' },
    { name: 'Skovparkens Plejehjem', db07: '87.10', address: 'Skovparken 2, 7000 Fredericia', role: 'Afdelingsleder' },
    { name: 'Rent & Pænt ApS', db07: '81.21', address: 'Norgesgade 15, 7000 Fredericia', role: 'Driftsleder' },
    { name: 'Fredericia Frugt & Grønt A/S', db07: '10.39', address: 'Fælledvej 22, 7000 Fredericia', role: 'Produktionschef' },
    { name: 'Butikken på Torvet', db07: '47.19', address: 'Axeltorv 4, 7000 Fredericia', role: 'Indehaver' },
    { name: 'Hjemmeplejen Nord', db07: '88.10', address: 'Nørre Allé 30, 7000 Fredericia', role: 'Gruppeleder' },
  ],
  '727': [
    { name: 'Rema 1000 Odder', db07: '47.11', address: 'Rosensgade 50, 8300 Odder', role: 'Butikschef' },
    { name: 'Odder Kommune, Hjemmeplejen', db07: '88.10', address: 'Rådhusgade 3, 8300 Odder', role: 'Leder' },
    { name: 'Kokkenes Køkken', db07: '56.29', address: 'Banegårdsgade 2, 8300 Odder', role: 'Køkkenleder' },
    { name: 'ISS Facility Services', db07: '81.21', address: 'Tunøvej 9, 8300 Odder', role: 'Driftsleder' },
    { name: 'Lidl Danmark', db07: '47.11', address: 'Hou Landevej 4, 8300 Odder', role: 'Butikschef' },
    { name: 'Odder Bistro', db07: '56.10', address: 'Torvet 6, 8300 Odder', role: 'Køkkenchef' },
    { name: 'Hotel Odder Strand', db07: '55.10', address: 'Strandvejen 2, 8300 Odder', role: 'Hotelchef' },
    { name: 'Odder Mejeri ApS', db07: '10.51', address: 'Mejerivej 1, 8300 Odder', role: 'Produktionsleder' },
    { name: 'Lager Odder Nord', db07: '52.10', address: 'Industrivej 14, 8300 Odder', role: 'Lagerchef' },
  ],
};

const FIRST = ['Anne', 'Mette', 'Lars', 'Jens', 'Susanne', 'Peter', 'Hanne', 'Morten', 'Louise', 'Rasmus', 'Camilla', 'Henrik'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Holm'];

// 727 has no demo company consultant: its caseworker stands in (the commands do not check roles; the routes do).
const DEMO_ACTORS: Record<string, string> = { '607': 'company@607', '727': 'caseworker@727' };

/** A deterministic 8-digit CVR with a valid modulus-11 check digit (first digit 1–9). */
export function demoCvr(rng: Rng, used: Set<string>): string {
  for (;;) {
    const prefix = `${rng.int(1, 9)}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    const rest = cvrChecksum(`${prefix}0`);
    const check = (11 - rest) % 11;
    if (check === 10) continue;
    const cvr = `${prefix}${check}`;
    if (cvrChecksum(cvr) !== 0 || used.has(cvr)) continue;
    used.add(cvr);
    return cvr;
  }
}

interface PlannedNeed {
  kind: LabourNeedKind;
  slots: number;
  periodFrom: string;
  periodTo: string;
  note: string | null;
  /** Closed a few days ago (filled). */
  closed: boolean;
}

function planNeeds(rng: Rng, company: DemoCompany, today: string): PlannedNeed[] {
  const count = rng.weighted<number>([[1, 5], [2, 4], [0, 1]]);
  const needs: PlannedNeed[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = rng.weighted<LabourNeedKind>([['placement', 6], ['job', 3], ['igu', company.db07.startsWith('4') || company.db07.startsWith('56') ? 2 : 1]]);
    const periodFrom = addDays(today, rng.int(-45, 60));
    const periodTo = addDays(addMonths(periodFrom, rng.int(2, 6)), -1);
    const note = kind === 'placement' && rng.chance(0.4) ? rng.pick(['Dansk på A2-niveau er nok', 'Morgenhold', 'Mulighed for løntilskud bagefter', 'Gerne med mentor']) : null;
    const closed = rng.chance(0.2) && periodFrom < addDays(today, -10);
    needs.push({ kind, slots: kind === 'placement' ? rng.int(1, 4) : rng.int(1, 2), periodFrom, periodTo, note, closed });
  }
  return needs;
}

export interface DemoCompaniesResult {
  companies: number;
  labourNeeds: number;
  linkedOffers: number;
}

/** Create the demo companies and needs of 607 and 727 and link the demo offers named after them. */
export async function seedCompanies(db: Database, rng: Rng, today: string): Promise<DemoCompaniesResult> {
  const used = new Set<string>();
  const result: DemoCompaniesResult = { companies: 0, labourNeeds: 0, linkedOffers: 0 };
  for (const [code, companies] of Object.entries(COMPANIES)) {
    const username = DEMO_ACTORS[code] ?? '';
    const user = await db.kysely.selectFrom('users').select(['id', 'role']).where('username', '=', username).executeTakeFirst();
    if (!user) continue;
    const actor = { userId: user.id, role: user.role, municipalityCode: code };
    const made = await withTenant(db, actor, async (tx) => {
      let needCount = 0;
      for (const company of companies) {
        const first = rng.pick(FIRST);
        const last = rng.pick(LAST);
        const row = await audited(tx, actor, (trail) => createCompany(tx, trail, actor, {
          cvr: demoCvr(rng, used),
          name: company.name,
          db07: company.db07,
          address: company.address,
          contacts: [{ name: `${first} ${last}`, role: company.role, phone: `${rng.int(20, 99)}${String(rng.int(0, 999_999)).padStart(6, '0')}`, email: `${first.toLowerCase()}@example.dk` }],
        }));
        for (const need of planNeeds(rng, company, today)) {
          const created = await audited(tx, actor, (trail) => createNeed(tx, trail, actor, row.id, { kind: need.kind, slots: need.slots, periodFrom: need.periodFrom, periodTo: need.periodTo, note: need.note }));
          if (need.closed) await audited(tx, actor, (trail) => updateNeed(tx, trail, actor, created.id, { closedOn: addDays(today, -rng.int(1, 10)) }));
          needCount += 1;
        }
      }
      const linked = await sql`UPDATE offers SET company_id = c.id FROM companies c
        WHERE offers.company_id IS NULL AND c.name = offers.company_name AND c.municipality_code = offers.municipality_code`.execute(tx);
      return { companies: companies.length, labourNeeds: needCount, linkedOffers: Number(linked.numAffectedRows ?? 0n) };
    });
    result.companies += made.companies;
    result.labourNeeds += made.labourNeeds;
    result.linkedOffers += made.linkedOffers;
  }
  return result;
}
