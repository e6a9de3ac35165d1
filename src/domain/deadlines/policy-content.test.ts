// Every policy in content/policies validates against its JSON schema and parses in the domain.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './policy.ts';
import { selectPolicy } from './select-policy.ts';

const dir = fileURLToPath(new URL('../../../content/policies/', import.meta.url));
const read = (name: string): unknown => JSON.parse(readFileSync(dir + name, 'utf8'));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const validate = new Ajv({ allErrors: true }).compile(read('policy.schema.json') as object);

describe('content/policies', () => {
  it('holds at least the 2016 agreement', () => {
    expect(files).toContain('2016-agreement.json');
  });
  it.each(files)('%s validates against policy.schema.json and parsePolicy', (file) => {
    const json = read(file);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    const parsed = parsePolicy(json);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
  it('the schema rejects what parsePolicy rejects (unknown kind, bad duration unit)', () => {
    const base = read('2016-agreement.json') as Record<string, unknown>;
    expect(validate({ ...base, company_directed_kinds: ['job'] })).toBe(false);
    expect(validate({ ...base, rules: [{ id: 'g', kind: 'max_gap', severity: 'deadline', max_gap: { amount: 6, unit: 'fortnights' } }] })).toBe(false);
  });
  it('effective-from dates are unique, so selection is unambiguous', () => {
    const policies = files.map((f) => parsePolicy(read(f))).flatMap((r) => (r.ok ? [r.policy] : []));
    expect(() => selectPolicy(policies, '2030-01-01')).not.toThrow();
  });
});
