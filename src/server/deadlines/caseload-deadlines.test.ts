// The caseload's next deadlines are read in a fixed number of queries, however many citizens
// (no query per citizen), and only from the caller's municipality (row-level security).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { databases } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { loadPolicies } from './policy-store.ts';
import { createFixture, createUser, login, registerCitizen, type Fixture, type Login } from '../../../tests/support/app-fixture.ts';
import { nextDeadlines } from './caseload-deadlines.ts';

const NOW = new Date('2026-11-25T09:00:00Z');
const TODAY = '2026-11-25';

class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe.each(databases)('caseload next deadlines on %s', (kind) => {
  let f: Fixture;
  let cw: Login;
  const policies = loadPolicies();
  const tenant = { municipalityCode: '607', userId: null, role: 'caseworker' };

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => NOW });
    await createUser(f, 'caseworker@607', 'caseworker', '607');
    await createUser(f, 'caseworker@727', 'caseworker', '727');
    cw = await login(f, 'caseworker@607');
  });
  afterAll(async () => {
    await f.close();
  });

  async function addCitizenWithOffer(as: Login, name: string): Promise<string> {
    const id = await registerCitizen(f, as, { name, takeoverDate: '2026-10-01' });
    const res = await f.app.inject({ method: 'POST', url: `/api/citizens/${id}/offers`, headers: as.headers, payload: { kind: 'praktik_private', startDate: '2026-10-05' } });
    expect(res.statusCode).toBe(201);
    return id;
  }

  async function measured(): Promise<{ queries: number; size: number; ids: string[] }> {
    const counter = new QueryCounter();
    const map = await withTenant(f.test.db, tenant, (tx) => nextDeadlines(tx.withPlugin(counter), policies, TODAY));
    return { queries: counter.count, size: map.size, ids: [...map.keys()] };
  }

  it('uses the same number of queries for 2 and for 8 citizens', async () => {
    await addCitizenWithOffer(cw, 'A');
    await addCitizenWithOffer(cw, 'B');
    const small = await measured();
    expect(small.size).toBe(2);
    for (let i = 0; i < 6; i++) await addCitizenWithOffer(cw, `C${i}`);
    const large = await measured();
    expect(large.size).toBe(8);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBe(4); // citizens, their offers, their FIP round dates, exit outcomes
  });

  it('sees only the municipality’s citizens and offers', async () => {
    const other = await login(f, 'caseworker@727');
    const foreign = await addCitizenWithOffer(other, 'Elsewhere');
    const { ids } = await measured();
    expect(ids).not.toContain(foreign);
    expect(ids).toHaveLength(8);
  });
});
