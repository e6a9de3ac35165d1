import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databases, type TestDatabase } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { isValidCvr } from '../../domain/companies/index.ts';
import { seedDemo, type SeedResult } from './seed.ts';
import { createRng } from './prng.ts';
import { demoCvr } from './company-generator.ts';

const TODAY = '2026-11-25';

describe('demoCvr', () => {
  it('gives distinct numbers that pass the modulus-11 check, the same ones for the same seed', () => {
    const draw = () => {
      const rng = createRng(3);
      const used = new Set<string>();
      return Array.from({ length: 200 }, () => demoCvr(rng, used));
    };
    const cvrs = draw();
    expect(cvrs.every((c) => isValidCvr(c) && !c.startsWith('0'))).toBe(true);
    expect(new Set(cvrs).size).toBe(200);
    expect(draw()).toEqual(cvrs);
  });
});

describe.each(databases)('demo companies on %s', (kind) => {
  let t: TestDatabase;
  let result: SeedResult;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    result = await seedDemo(t.db, { cprKey: randomBytes(32), seed: 42, citizens: 80, today: TODAY, nodeEnv: 'test' });
  });
  afterAll(async () => {
    await t.drop();
  });

  const inTenant = <T>(code: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, fn);

  it('registers 20 companies in 607 and 9 in 727 with valid CVRs, a DB07 code, a contact and audit rows', async () => {
    expect(result).toMatchObject({ companies: 29 });
    for (const [code, n] of [['607', 20], ['727', 9]] as const) {
      const rows = await inTenant(code, (tx) => tx.selectFrom('companies').selectAll().execute());
      expect(rows).toHaveLength(n);
      for (const c of rows) {
        expect(isValidCvr(c.cvr), c.cvr).toBe(true);
        expect(c.db07).toMatch(/^\d{2}\.\d{2}$/);
        expect(c.contacts).toHaveLength(1);
      }
    }
    const audits = await t.db.kysely.selectFrom('audit_log').select('action').where('action', 'in', ['company.create', 'need.create']).execute();
    expect(audits.filter((a) => a.action === 'company.create')).toHaveLength(29);
    expect(audits.filter((a) => a.action === 'need.create')).toHaveLength(result.labourNeeds ?? -1);
  });

  it('has open needs of every kind today, some closed, and links offers to companies of their own municipality by name', async () => {
    const needs = await inTenant('607', (tx) => tx.selectFrom('labour_needs').selectAll().execute());
    const open = needs.filter((n) => n.period_from <= TODAY && n.period_to >= TODAY && (n.closed_on === null || n.closed_on > TODAY));
    expect(new Set(open.map((n) => n.kind))).toEqual(new Set(['placement', 'job', 'igu']));
    expect(needs.some((n) => n.closed_on !== null)).toBe(true);
    expect(needs.some((n) => n.period_from > TODAY)).toBe(true);
    expect(result.linkedOffers).toBeGreaterThan(10);
    for (const code of ['607', '727']) {
      const linked = await inTenant(code, (tx) =>
        tx.selectFrom('offers').innerJoin('companies', 'companies.id', 'offers.company_id')
          .select(['offers.company_name', 'companies.name', 'offers.municipality_code', 'companies.municipality_code as company_municipality', 'offers.kind']).execute(),
      );
      expect(linked.length).toBeGreaterThan(0);
      for (const o of linked) {
        expect(o.company_name).toBe(o.name);
        expect(o.company_municipality).toBe(o.municipality_code);
        expect(['praktik_private', 'praktik_public', 'wage_subsidy_private', 'wage_subsidy_public', 'igu']).toContain(o.kind);
      }
    }
  });
});
