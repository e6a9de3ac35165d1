import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databases, type TestDatabase } from '../platform/db/testing.ts';
import { withTenant } from '../platform/db/tenant.ts';
import { seedDemo } from './seed.ts';
import { readEnrolmentViews } from '../packages/enrolment-views.ts';
import { createRng } from './prng.ts';
import { STAGE_ORDER, fitPlan, planEnrolment, planSpan } from './package-generator.ts';
import type { EnrolmentView } from '../../contract/types.ts';

const TODAY = '2026-11-25';

async function views(t: TestDatabase, code: string): Promise<EnrolmentView[]> {
  return withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, async (tx) =>
    readEnrolmentViews(tx, await tx.selectFrom('package_enrolments').selectAll().orderBy('started_on').execute(), TODAY));
}

describe.each(databases)('demo packages on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t.db, { cprKey: randomBytes(32), seed: 7, citizens: 120, today: TODAY, nodeEnv: 'test' });
  }, 120_000);
  afterAll(async () => {
    await t.drop();
  });

  it('607 has citizens at every stage: introduction, placement, waiting at a gate, blocked, override, completed', async () => {
    const all = await views(t, '607');
    const packages = new Set(all.map((e) => e.packageId));
    expect(packages.size).toBe(4);
    const active = all.filter((e) => e.status === 'active');
    expect(active.some((e) => e.currentModule?.index === 0 && e.unmetGoalIds.length > 0)).toBe(true);
    expect(active.some((e) => (e.currentModule?.index ?? 0) >= 2 && e.unmetGoalIds.length > 0 && !e.moduleHistory.some((h) => h.viaOverride))).toBe(true);
    const waiting = active.filter((e) => e.daysWaitedAtGate !== null);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting.every((e) => e.unmetGoalIds.length === 0 && (e.daysWaitedAtGate ?? 0) >= 1)).toBe(true);
    expect(active.some((e) => (e.daysInModule ?? 0) > 70 && e.unmetGoalIds.length > 0)).toBe(true);
    const overridden = all.filter((e) => e.moduleHistory.some((h) => h.viaOverride));
    expect(overridden.length).toBeGreaterThanOrEqual(1);
    expect(overridden.every((e) => e.moduleHistory.some((h) => h.viaOverride && (h.overrideReason ?? '').length > 0))).toBe(true);
    const completed = all.filter((e) => e.status === 'completed');
    expect(completed.length).toBeGreaterThanOrEqual(1);
    for (const e of completed) {
      expect(e.moduleHistory.map((h) => h.index)).toEqual([0, 1, 2, 3, 4]);
      expect(e.moduleHistory.every((h) => h.endedOn !== null && h.endedOn <= TODAY)).toBe(true);
      expect(e.completedOn).toBe(e.moduleHistory[4]?.endedOn);
    }
    // Histories are contiguous: each module starts the day the previous one ended.
    for (const e of all) {
      e.moduleHistory.slice(1).forEach((h, i) => expect(h.startedOn).toBe(e.moduleHistory[i]?.endedOn));
      expect(e.moduleHistory[0]?.startedOn).toBe(e.startedOn);
    }
    // Completed ones are preferably citizens with an employment outcome.
    const employed = await withTenant(t.db, { municipalityCode: '607', userId: null, role: 'test' }, async (tx) =>
      new Set((await tx.selectFrom('outcomes').select('citizen_id').where('kind', '=', 'employment').execute()).map((o) => o.citizen_id)));
    expect(completed.filter((e) => employed.has(e.citizenId)).length).toBeGreaterThanOrEqual(1);
  });

  it('727 has a few enrolments of its own, and every step is audited', async () => {
    const odder = await views(t, '727');
    expect(odder.length).toBeGreaterThanOrEqual(2);
    expect(odder.length).toBeLessThanOrEqual(5);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'enrolment.%').execute();
    const n = (a: string) => audit.filter((r) => r.action === a).length;
    const all = [...(await views(t, '607')), ...odder];
    expect(n('enrolment.create')).toBe(all.length);
    expect(n('enrolment.advance')).toBe(all.reduce((s, e) => s + e.moduleHistory.filter((h) => h.endedOn !== null).length, 0));
    expect(n('enrolment.override')).toBe(all.reduce((s, e) => s + e.moduleHistory.filter((h) => h.viaOverride).length, 0));
  });
});

describe('demo package plans', () => {
  it('are deterministic with the seed and fit a citizen taken over recently', () => {
    const a = STAGE_ORDER.map((s) => planEnrolment(createRng(3), s));
    const b = STAGE_ORDER.map((s) => planEnrolment(createRng(3), s));
    expect(a).toEqual(b);
    const completed = planEnrolment(createRng(5), 'completed');
    expect(planSpan(completed)).toBeGreaterThan(150);
    const fitted = fitPlan(completed, 60);
    expect(planSpan(fitted)).toBeLessThanOrEqual(60);
    expect(fitted.modules).toHaveLength(5);
  });
});
