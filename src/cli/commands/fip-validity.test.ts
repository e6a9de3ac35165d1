import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../server/demo/seed.ts';
import { withTenant } from '../../server/platform/db/tenant.ts';
import { createTestDatabase, type TestDatabase } from '../../server/platform/db/testing.ts';
import { asInstrument } from '../../domain/fip/index.ts';
import { readValidityData } from '../../evaluation/fip-validity/parse-files.ts';
import { fipValidity, toValidityJson } from '../../evaluation/fip-validity/validity.ts';
import { tmpFiles } from '../../evaluation/testing/tmp-files.ts';
import { run } from './fip-validity.ts';

const FIXTURES = new URL('../../evaluation/fip-validity/fixtures/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const HEADER = 'person_id,gender,round,respondent,item_id,value,answered_on';
const GOOD_ANSWERS = `${HEADER}\nA,K,1,citizen,c02,5,2025-01-06\nA,K,1,caseworker,w01,4,2025-01-06\nB,M,1,citizen,c02,3,2025-01-07\n`;
const GOOD_OUTCOMES = 'person_id,employed_6m\nA,1\nB,0\n';

let stderr: string[] = [];
let spy: { mockRestore: () => void } | undefined;
beforeEach(() => {
  stderr = [];
  spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr.push(String(s));
    return true;
  });
});
afterEach(() => spy?.mockRestore());

/** Runs the command on the given file texts; returns the exit code, stderr and whether v.json exists. */
async function runOn(answers: string, outcomes: string): Promise<{ code: number; err: string; written: boolean; files: string[] }> {
  const f = tmpFiles({ 'answers.csv': answers, 'outcomes.csv': outcomes });
  const code = await run(['--answers', f.path('answers.csv'), '--outcomes', f.path('outcomes.csv'), '--out', f.path('v.json'), '--quiet']);
  return { code, err: stderr.join(''), written: existsSync(f.path('v.json')), files: readdirSync(f.dir).sort() };
}

describe('jobvej fip-validity', () => {
  it('writes exactly the core\'s FORMATS.md JSON for the fixture files', async () => {
    const f = tmpFiles({ 'answers.csv': fixture('answers.csv'), 'outcomes.csv': fixture('outcomes.csv') });
    const code = await run(['--answers', f.path('answers.csv'), '--outcomes', f.path('outcomes.csv'), '--out', f.path('v.json')]);
    expect(code).toBe(0);
    const text = readFileSync(f.path('v.json'), 'utf8');
    const instrument = asInstrument(JSON.parse(readFileSync(new URL('../../../content/instruments/fip-v1.json', import.meta.url), 'utf8')));
    const data = readValidityData({ file: 'a', text: fixture('answers.csv') }, { file: 'o', text: fixture('outcomes.csv') }, instrument);
    expect(text).toBe(toValidityJson(fipValidity(data, instrument)));
    const json = JSON.parse(text) as { items: { item_id: string; log_odds: number }[]; indices: unknown[]; warnings: string[] };
    expect(Object.keys(json)).toEqual(['items', 'indices', 'warnings', 'warning_details']);
    expect(json.items).toHaveLength(22);
    expect(json.indices).toHaveLength(7);
    expect(stderr.join('')).toContain(`warning: ${json.warnings[0]}`);
    expect(stderr.join('')).toContain('wrote ');
    expect(readdirSync(f.dir).sort()).toEqual(['answers.csv', 'outcomes.csv', 'v.json']);
  });

  it('runs as a process through bin/jobvej', () => {
    const f = tmpFiles({ 'answers.csv': GOOD_ANSWERS, 'outcomes.csv': GOOD_OUTCOMES });
    const bin = fileURLToPath(new URL('../../../bin/jobvej', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'fip-validity', '--answers', f.path('answers.csv'), '--outcomes', f.path('outcomes.csv'), '--out', f.path('v.json')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(f.path('v.json'), 'utf8')) as { items: { item_id: string; n: number }[] };
    expect(json.items.find((i) => i.item_id === 'c02')?.n).toBe(2);
    const bad = spawnSync(process.execPath, [bin, 'fip-validity', '--answers', f.path('answers.csv'), '--outcomes', f.path('answers.csv'), '--out', f.path('w.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/answers\.csv:1: missing column: employed_6m/);
    expect(existsSync(f.path('w.json'))).toBe(false);
  });

  const cases: [string, string, string, RegExp][] = [
    ['a missing column', GOOD_ANSWERS.replace(HEADER, 'person_id,gender,round,respondent,item_id,answered_on').replace(/,5,|,4,|,3,/g, ','), GOOD_OUTCOMES, /answers\.csv:1: missing column: value/],
    ['value 8', GOOD_ANSWERS.replace('c02,3,', 'c02,8,'), GOOD_OUTCOMES, /answers\.csv:4: value "8" is not a whole number from 1 to 7/],
    ['an unknown item', GOOD_ANSWERS.replace('w01', 'w12'), GOOD_OUTCOMES, /answers\.csv:3: unknown item_id "w12"/],
    ['gender not K/F/M', GOOD_ANSWERS.replace('B,M,', 'B,X,'), GOOD_OUTCOMES, /answers\.csv:4: gender "X" is not K, F or M/],
    ['round < 1', GOOD_ANSWERS.replace('B,M,1,', 'B,M,0,'), GOOD_OUTCOMES, /answers\.csv:4: round "0" is not an integer >= 1/],
    ['a duplicate answer', `${GOOD_ANSWERS}A,K,1,citizen,c02,6,2025-01-08\n`, GOOD_OUTCOMES, /answers\.csv:5: duplicate answer: person A, round 1, citizen, item c02 is also on line 2/],
    ['a person without outcome', `${GOOD_ANSWERS}C,F,2,citizen,c02,6,2025-04-08\n`, GOOD_OUTCOMES, /answers\.csv:5: person C has no row in .*outcomes\.csv/],
    ['employed_6m not 0/1', GOOD_ANSWERS, 'person_id,employed_6m\nA,1\nB,yes\n', /outcomes\.csv:3: employed_6m "yes" is not 0 or 1/],
    ['a missing outcome column', GOOD_ANSWERS, 'person_id,employed\nA,1\nB,0\n', /outcomes\.csv:1: missing column: employed_6m/],
  ];
  for (const [what, answers, outcomes, message] of cases) {
    it(`refuses ${what} with a line-numbered error, exit 1 and no output file`, async () => {
      const r = await runOn(answers, outcomes);
      expect(r.code).toBe(1);
      expect(r.err).toContain('input errors, nothing written');
      expect(r.err).toMatch(message);
      expect(r.written).toBe(false);
      expect(r.files).toEqual(['answers.csv', 'outcomes.csv']);
    });
  }

  it('the same files without the fault are accepted', async () => {
    const r = await runOn(GOOD_ANSWERS, GOOD_OUTCOMES);
    expect(r.code).toBe(0);
    expect(r.written).toBe(true);
  });

  it('reports a missing input file, and rejects bad usage with exit code 2', async () => {
    const f = tmpFiles({ 'outcomes.csv': GOOD_OUTCOMES });
    expect(await run(['--answers', f.path('nope.csv'), '--outcomes', f.path('outcomes.csv'), '--out', f.path('v.json')])).toBe(1);
    expect(stderr.join('')).toMatch(/nope\.csv: no such file/);
    expect(existsSync(f.path('v.json'))).toBe(false);
    expect(await run(['--answers', 'a.csv', '--outcomes', 'o.csv'])).toBe(2);
    expect(await run(['--answers', 'a.csv', '--outcomes', 'o.csv', '--out', 'v.json', '--bogus'])).toBe(2);
    expect(await run(['--answers', f.path('outcomes.csv'), '--outcomes', f.path('outcomes.csv'), '--out', f.path('v.json'), '--instrument', f.path('none.json')])).toBe(2);
    expect(stderr.join('')).toContain('--out is required');
    expect(stderr.join('')).toContain('cannot load the instrument');
  });
});

/**
 * The demo data as FORMATS.md's FIP analysis files, by query: the citizens whose round 1 is at
 * least 182 days before `today` (a complete outcome window), all their rounds' answers, and
 * employed_6m = an employment or IGU start registered within 182 days after the round-1 date
 * (issue 11's definition for live data).
 */
async function exportDemo(t: TestDatabase, today: string): Promise<{ answers: string; outcomes: string; numeric: Map<string, number>; employed: number }> {
  const answers = ['person_id,gender,round,respondent,item_id,value,answered_on'];
  const outcomes = ['person_id,employed_6m'];
  const numeric = new Map<string, number>();
  let employed = 0;
  for (const code of ['607', '727']) {
    await withTenant(t.db, { municipalityCode: code, userId: null, role: 'test' }, async (tx) => {
      const cohort = sql`SELECT citizen_id, started_on FROM fip_rounds WHERE round_no = 1 AND started_on + 182 <= ${today}::date`;
      const rows = (await sql<{ citizen_id: string; gender: string; round_no: number; started_on: string; respondent: string; item_id: string; value: number | null }>`
        SELECT r.citizen_id, c.gender, r.round_no, r.started_on::text AS started_on, a.respondent, a.item_id, a.value
        FROM fip_answers a JOIN fip_rounds r ON r.id = a.round_id JOIN citizens c ON c.id = r.citizen_id
        WHERE r.citizen_id IN (SELECT citizen_id FROM (${cohort}) k)
        ORDER BY r.citizen_id, r.round_no, a.respondent, a.item_id`.execute(tx)).rows;
      for (const r of rows) answers.push([r.citizen_id, r.gender, r.round_no, r.respondent, r.item_id, r.value ?? '', r.started_on].join(','));
      const outs = (await sql<{ citizen_id: string; employed: number }>`
        SELECT k.citizen_id, (EXISTS (SELECT 1 FROM outcomes o WHERE o.citizen_id = k.citizen_id AND o.kind IN ('employment', 'igu_start')
          AND o.date >= k.started_on AND o.date <= k.started_on + 182))::int AS employed
        FROM (${cohort}) k`.execute(tx)).rows;
      for (const r of outs) {
        outcomes.push(`${r.citizen_id},${r.employed}`);
        employed += r.employed;
      }
      // Independent count of the complete cases per item: numeric round-1 answers of the cohort.
      const counts = (await sql<{ item_id: string; n: number }>`
        SELECT a.item_id, count(a.value)::int AS n FROM fip_answers a JOIN fip_rounds r ON r.id = a.round_id
        WHERE r.round_no = 1 AND r.citizen_id IN (SELECT citizen_id FROM (${cohort}) k) GROUP BY a.item_id`.execute(tx)).rows;
      for (const c of counts) numeric.set(c.item_id, (numeric.get(c.item_id) ?? 0) + c.n);
    });
  }
  return { answers: `${answers.join('\n')}\n`, outcomes: `${outcomes.join('\n')}\n`, numeric, employed };
}

describe('jobvej fip-validity on the demo data (PGlite)', () => {
  const TODAY = '2026-11-25';
  let t: TestDatabase;
  let demo: Awaited<ReturnType<typeof exportDemo>>;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    await seedDemo(t.db, { cprKey: randomBytes(32), seed: 42, today: TODAY, nodeEnv: 'test' });
    demo = await exportDemo(t, TODAY);
  }, 120_000);
  afterAll(async () => {
    await t.drop();
  });

  it('runs on the exported demo files, with the complete cases the database counts', async () => {
    const f = tmpFiles({ 'answers.csv': demo.answers, 'outcomes.csv': demo.outcomes });
    expect(await run(['--answers', f.path('answers.csv'), '--outcomes', f.path('outcomes.csv'), '--out', f.path('v.json'), '--quiet'])).toBe(0);
    const v = JSON.parse(readFileSync(f.path('v.json'), 'utf8')) as { items: { item_id: string; n: number; log_odds: number | null; auc: number | null }[]; warnings: string[] };
    const persons = demo.outcomes.trim().split('\n').length - 1;
    expect(persons).toBeGreaterThan(100);
    expect(demo.employed).toBeGreaterThan(0);
    expect(demo.employed).toBeLessThan(persons);
    expect(v.items.map((i) => i.item_id)).toEqual([...demo.numeric.keys()].sort());
    for (const item of v.items) {
      expect(item.n, item.item_id).toBe(demo.numeric.get(item.item_id));
      expect(item.log_odds, item.item_id).not.toBeNull();
      expect(item.auc, item.item_id).not.toBeNull();
    }
    // The same export again gives byte-identical output (the seed is deterministic).
    writeFileSync(f.path('answers2.csv'), (await exportDemo(t, TODAY)).answers);
    expect(await run(['--answers', f.path('answers2.csv'), '--outcomes', f.path('outcomes.csv'), '--out', f.path('v2.json'), '--quiet'])).toBe(0);
    expect(readFileSync(f.path('v2.json'), 'utf8')).toBe(readFileSync(f.path('v.json'), 'utf8'));
  });
});
