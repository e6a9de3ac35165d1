// The managers' timeliness page (GET /api/deadlines/timeliness) on both databases, on the demo data:
// the same counts as `jobvej timeliness` for the manager's municipality (one definition), "overdue
// now" within "breached", audited, 400 naming the field for a bad date or an unknown parameter,
// and for managers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../../src/server/platform/db/testing.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { timelinessReport } from '../../src/cli/commands/timeliness.ts';
import { createFixture, expectFieldError, login, type Fixture, type Login } from '../support/app-fixture.ts';

const TODAY = '2026-11-25';

describe.each(databases)('timeliness for managers on %s', (kind) => {
  let f: Fixture;
  let manager: Login;
  const cookie = (l: Login) => ({ cookie: l.headers.cookie ?? '' });
  const get = (l: Login, qs = '') => f.app.inject({ method: 'GET', url: `/api/deadlines/timeliness${qs}`, headers: cookie(l) });

  beforeAll(async () => {
    f = await createFixture(kind, { now: () => new Date(`${TODAY}T10:00:00Z`) });
    await seedDemo(f.test.db, { cprKey: f.cprKey, seed: 42, today: TODAY, nodeEnv: 'test' });
    manager = await login(f, 'manager@607', 'demo');
  }, 120_000);
  afterAll(async () => {
    await f.close();
  });

  it('gives the manager their municipality\'s counts, the same as jobvej timeliness', async () => {
    const res = await get(manager);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ asOf: TODAY, municipality: { code: '607', name: 'Fredericia' } });
    expect(body.policy.name?.da).toBeTruthy();
    const cli = await timelinessReport(f.test.db, TODAY, '607');
    const m = cli.summary[0]!;
    expect(body.citizens).toBe(m.citizens);
    expect(body.shareAllOnTime).toBeCloseTo(m.share_all_on_time ?? Number.NaN, 12);
    expect(body.rules.map((r: { ruleId: string; ok: number; due: number; breached: number; overdueNow: number }) => [r.ruleId, r.ok, r.due, r.breached, r.overdueNow])).toEqual(
      m.rules.map((r) => [r.rule_id, r.ok, r.due, r.breached, r.overdue_now]),
    );
    for (const r of body.rules) {
      expect(r.overdueNow).toBeLessThanOrEqual(r.breached);
      expect(r.ok + r.due + r.breached).toBe(body.citizens);
      expect(r.kind).not.toBe('unknown');
    }
  });

  it('an earlier date counts fewer citizens (those taken over by then), and the read is audited', async () => {
    const earlier = await get(manager, '?asOf=2026-03-01');
    expect(earlier.statusCode, earlier.body).toBe(200);
    expect(earlier.json().citizens).toBeLessThan((await get(manager)).json().citizens);
    const audit = await f.test.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'timeliness.read').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity: 'municipality', entity_id: '607', municipality_code: '607' });
  });

  it('a bad date or an unknown parameter is a 400 naming it', async () => {
    expectFieldError(await get(manager, '?asOf=2026-02-30'), 'asOf', 'not a calendar date');
    expectFieldError(await get(manager, '?asOf=9999-01-01'), 'asOf', 'outside the date range');
    const unknown = await get(manager, '?municipality=727');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('municipality');
  });

  it('is for managers: a caseworker, an evaluator and the national administrator get 403', async () => {
    for (const user of ['caseworker@607', 'evaluator@607', 'national@siri']) {
      expect((await get(await login(f, user, 'demo'))).statusCode, user).toBe(403);
    }
  });
});
