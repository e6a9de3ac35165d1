import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../server/platform/db/testing.ts';
import { seedDemo } from '../../server/demo/seed.ts';
import { formatTable, run, timelinessReport, UsageError, type TimelinessReport } from './timeliness.ts';

const TODAY = '2026-11-25';

describe('jobvej timeliness on the demo data (PGlite)', () => {
  let t: TestDatabase;
  let report: TimelinessReport;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    await seedDemo(t.db, { cprKey: randomBytes(32), seed: 42, today: TODAY, nodeEnv: 'test' });
    report = await timelinessReport(t.db, TODAY);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('has the documented JSON shape, ids only', () => {
    expect(report.as_of).toBe(TODAY);
    expect(report.policy).toEqual({ id: '2016-agreement', effective_from: '2016-07-01' });
    expect(Object.keys(report)).toEqual(['as_of', 'policy', 'citizens', 'summary']);
    const first = report.citizens[0];
    expect(first && Object.keys(first)).toEqual(['citizen_id', 'municipality_code', 'policy_id', 'rules']);
    expect(first?.rules.map((r) => r.rule_id)).toEqual(['first_offer_target', 'first_offer_deadline', 'max_gap', 'fip_round']);
    expect(Object.keys(first?.rules[0] ?? {})).toEqual(['rule_id', 'state', 'due_date', 'days_left', 'days_over']);
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/"name"|cpr/i);
    // No CPR-like strings outside the ids and the shares' decimals.
    const text = JSON.stringify(report, (key, value: unknown) => (key.startsWith('share') ? null : value));
    expect(text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')).not.toMatch(/\d{6}-?\d{4}/);
  });

  it('covers 607 and 727, and the counts add up', () => {
    expect(report.summary.map((s) => s.municipality_code)).toEqual(['607', '727']);
    for (const m of report.summary) {
      const citizens = report.citizens.filter((c) => c.municipality_code === m.municipality_code);
      expect(m.citizens).toBe(citizens.length);
      expect(m.citizens).toBeGreaterThan(50);
      for (const r of m.rules) {
        expect(r.ok + r.due + r.breached, r.rule_id).toBe(m.citizens);
        expect(r.share_on_time).toBeCloseTo((r.ok + r.due) / m.citizens, 12);
        expect(r.ok).toBe(citizens.filter((c) => c.rules.find((x) => x.rule_id === r.rule_id)?.state === 'ok').length);
      }
      const allOnTime = citizens.filter((c) => c.rules.every((r) => r.state !== 'breached')).length;
      expect(m.share_all_on_time).toBeCloseTo(allOnTime / m.citizens, 12);
    }
  });

  it('on the demo data most first-offer deadlines are met, some breached, some due within 7 days', () => {
    const states = report.citizens.map((c) => c.rules.find((r) => r.rule_id === 'first_offer_deadline'));
    const breached = states.filter((s) => s?.state === 'breached').length;
    const due = states.filter((s) => s?.state === 'due');
    const ok = states.filter((s) => s?.state === 'ok').length;
    expect(breached).toBeGreaterThan(0);
    expect(due.length).toBeGreaterThan(0);
    for (const d of due) expect(d?.days_left).toBeLessThanOrEqual(7);
    expect(ok / states.length).toBeGreaterThan(0.6);
  });

  it('--municipality 727 returns only 727 citizens, the same as in the full report', async () => {
    const only = await timelinessReport(t.db, TODAY, '727');
    expect(new Set(only.citizens.map((c) => c.municipality_code))).toEqual(new Set(['727']));
    expect(only.summary.map((s) => s.municipality_code)).toEqual(['727']);
    expect(only.citizens).toEqual(report.citizens.filter((c) => c.municipality_code === '727'));
  });

  it('writes one timeliness.read audit row per municipality read, as the system role', async () => {
    const rows = await t.db.kysely.selectFrom('audit_log').select(['actor_role', 'actor_user_id', 'municipality_code', 'entity_id']).where('action', '=', 'timeliness.read').orderBy('id').execute();
    // The full report (607, 727), then --municipality 727.
    expect(rows).toEqual([
      { actor_role: 'system', actor_user_id: null, municipality_code: '607', entity_id: '607' },
      { actor_role: 'system', actor_user_id: null, municipality_code: '727', entity_id: '727' },
      { actor_role: 'system', actor_user_id: null, municipality_code: '727', entity_id: '727' },
    ]);
  });

  it('an earlier as-of leaves out citizens taken over later', async () => {
    const earlier = await timelinessReport(t.db, '2026-01-01');
    expect(earlier.citizens.length).toBeGreaterThan(0);
    expect(earlier.citizens.length).toBeLessThan(report.citizens.length);
  });

  it('refuses a bad date or an unknown municipality', async () => {
    await expect(timelinessReport(t.db, '2026-02-30')).rejects.toThrow(UsageError);
    await expect(timelinessReport(t.db, TODAY, '999')).rejects.toThrow(/no municipality with code "999"/);
  });

  it('prints a table per municipality in Danish by default: municipality and rule names, never their ids', () => {
    const text = formatTable(report);
    expect(text).toContain('Fredericia (607)');
    expect(text).toContain('Første virksomhedsrettede tilbud (frist)');
    expect(text).toContain('FIP-måling hver 3. måned');
    expect(text).toMatch(/Rettidighed pr\. \d+\. \p{L}+ \d{4}/u);
    expect(text).not.toMatch(/first_offer_deadline|fip_round|max_gap/);
    expect(text).toContain('Heraf nu');
    // Shares with the Danish decimal comma.
    expect(text).toMatch(/\d+,\d\s%/);
  });

  it('prints in another language with --lang, the rule names as the app shows them', () => {
    expect(formatTable(report, 'en')).toContain('First company-directed offer (deadline)');
    expect(formatTable(report, 'ar')).toContain('قياس FIP كل 3 أشهر');
    expect(formatTable(report, 'ti')).toContain('ብግዜኡ');
  });

  it('"overdue now" is part of "breached at any time" and is what the caseload calls overdue', () => {
    for (const m of report.summary) {
      for (const r of m.rules) {
        expect(r.overdue_now, `${m.municipality_code} ${r.rule_id}`).toBeLessThanOrEqual(r.breached);
      }
    }
    // On the demo data some FIP rounds came late and were held since: breached, but not overdue now.
    const fip = report.summary.flatMap((m) => m.rules).filter((r) => r.rule_id === 'fip_round');
    expect(fip.reduce((a, r) => a + r.breached, 0)).toBeGreaterThan(fip.reduce((a, r) => a + r.overdue_now, 0));
    expect(fip.reduce((a, r) => a + r.overdue_now, 0)).toBeGreaterThan(0);
  });
});

describe('jobvej timeliness arguments', () => {
  it('exits 2 with a clear message on a bad --as-of, before opening any database', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: unknown) => errors.push(String(message));
    try {
      expect(await run(['--as-of', '25-11-2026'])).toBe(2);
      expect(await run([])).toBe(2);
    } finally {
      console.error = original;
    }
    expect(errors[0]).toMatch(/--as-of must be a calendar date YYYY-MM-DD, got "25-11-2026"/);
  });
});
