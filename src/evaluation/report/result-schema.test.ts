// The evaluate output JSON against its one schema (src/contract/evaluation-result.ts): a real
// run's file parses, and parsing keeps every key and value (nothing outside the schema, in the
// same order), so the schema is the whole of what jobvej writes.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationResult } from '../../contract/evaluation-result.ts';
import { runDetail } from '../../contract/evaluations.ts';
import { evaluateFiles } from '../evaluate.ts';
import { simulate } from '../simulation/generate.ts';
import { tmpFiles } from '../testing/tmp-files.ts';
import { toJson } from './json.ts';

async function run(options: Parameters<typeof evaluateFiles>[1]): Promise<string> {
  const f = tmpFiles({});
  const persons: string[] = [];
  const weeks: string[] = ['person_id,week,status\n'];
  simulate({ persons: 1500, weeks: 130, seed: 3 }, { personsLine: (l) => persons.push(l), weeksChunk: (c) => weeks.push(c) });
  writeFileSync(f.path('persons.csv'), `${persons.join('\n')}\n`);
  writeFileSync(f.path('weeks.csv'), weeks.join(''));
  return toJson(await evaluateFiles({ persons: f.path('persons.csv'), weeks: f.path('weeks.csv') }, options));
}

describe('evaluation result schema', () => {
  it('a real evaluate output (every method, subgroups, warnings) parses and round-trips unchanged', async () => {
    const text = await run({ version: 'test', by: ['gender'] });
    const raw: unknown = JSON.parse(text);
    const parsed = evaluationResult.parse(raw);
    expect(parsed.results.length).toBeGreaterThan(0);
    expect(parsed.by_period.length).toBeGreaterThan(0);
    expect(Object.keys(parsed.balance_by_subgroup ?? {})).toEqual(['gender=F', 'gender=M']);
    expect(parsed.warning_details).toHaveLength(parsed.warnings.length);
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(text);
  });

  it('a number that could not be computed is null in the file and in the schema', async () => {
    // Without matching, the balance table has no SMD after PSM: null.
    const text = await run({ version: 'test', methods: ['naive', 'ipw'], outcomes: ['employment'], by: [] });
    const parsed = evaluationResult.parse(JSON.parse(text));
    expect(parsed.balance.length).toBeGreaterThan(0);
    expect(parsed.balance.every((b) => b.smd_after === null && typeof b.smd_after_ipw === 'number')).toBe(true);
    expect(`${JSON.stringify(parsed, null, 2)}\n`).toBe(text);
  });

  it('refuses a result that breaks FORMATS.md (a key missing, a number as text), and the run detail checks its result', async () => {
    const good = JSON.parse(await run({ version: 'test', methods: ['naive'], outcomes: ['employment'], by: [] })) as Record<string, unknown>;
    const { balance: _balance, ...noBalance } = good;
    expect(evaluationResult.safeParse(noBalance).success).toBe(false);
    const rows = good.results as Record<string, unknown>[];
    expect(evaluationResult.safeParse({ ...good, results: [{ ...rows[0], att: '0.1' }] }).success).toBe(false);
    // An older jobvej's result, without the optional additions, still parses.
    const { warning_details: _w, balance_by_subgroup: _b, ...older } = good;
    expect(evaluationResult.safeParse({ ...older, design: { window_weeks: 52, cohort: 'quarter', covariates: [] } }).success).toBe(true);
    const run0 = {
      id: 'r1', status: 'done', stage: null, progress: 1, createdAt: '2026-12-04T00:00:00Z', finishedAt: null, municipalityCode: '607',
      parameters: { methods: ['naive'], by: [] }, inputs: { persons: { name: 'p', size: 1, sha256: 'x', lines: 1 }, weeks: { name: 'w', size: 1, sha256: 'x', lines: 1 } },
      jobvejVersion: 'test', error: null,
    };
    expect(runDetail.safeParse({ ...run0, result: good }).success).toBe(true);
    expect(runDetail.safeParse({ ...run0, result: null }).success).toBe(true);
    expect(runDetail.safeParse({ ...run0, result: noBalance }).success).toBe(false);
  });
});
