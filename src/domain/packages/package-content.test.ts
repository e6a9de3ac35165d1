// Every package template in content/packages validates against its schema and is consistent.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { packageFromJson, packageProblems, type PackageJson } from './from-json.ts';
import { MODULE_KINDS } from './types.ts';

const root = fileURLToPath(new URL('../../../content/', import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(root + path, 'utf8'));
const files = readdirSync(`${root}packages`).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const validate = new Ajv({ allErrors: true }).compile(read('packages/package.schema.json') as object);
const db07 = read('reference/db07.json') as { sections: Array<{ code: string }>; industries: Array<{ code: string }> };
const db07Codes = new Set([...db07.sections, ...db07.industries].map((x) => x.code));

describe('content/packages', () => {
  it("holds Vejle's six packages", () => {
    expect(files.filter((f) => f.startsWith('vejle-')).sort()).toEqual([
      'vejle-care.json', 'vejle-cleaning.json', 'vejle-food-industry.json', 'vejle-kitchen-service.json',
      'vejle-retail-assistant.json', 'vejle-warehouse.json',
    ]);
  });
  it.each(files)('%s validates, is consistent and follows the five-module structure', (file) => {
    const json = read(`packages/${file}`);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    const pkg = packageFromJson(json as PackageJson);
    expect(packageProblems(pkg)).toEqual([]);
    expect(`${pkg.id}.json`).toBe(file);
    expect(db07Codes.has(pkg.industry.db07)).toBe(true);
    if (pkg.municipalityCode === '630') {
      expect(pkg.modules.map((m) => m.kind)).toEqual([...MODULE_KINDS]);
      expect(pkg.modules[0]?.durationWeeks).toEqual({ min: 3, max: 8 });
    }
  });
  it('packageProblems finds duplicate ids and min > max', () => {
    const pkg = packageFromJson(read('packages/vejle-care.json') as PackageJson);
    const [m0, m1] = pkg.modules as [(typeof pkg.modules)[number], (typeof pkg.modules)[number]];
    const broken = { ...pkg, modules: [m0, { ...m1, id: m0.id, goals: m0.goals, durationWeeks: { min: 5, max: 2 } }] };
    expect(packageProblems(broken)).toEqual([
      `duplicate module id ${m0.id}`, ...m0.goals.map((g) => `duplicate goal id ${g.id}`), `module ${m0.id}: duration min > max`,
    ]);
  });
});
