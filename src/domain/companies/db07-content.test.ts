// content/reference/db07.json validates against its schema: sections A–U once each, industries in a listed section.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../../content/reference/', import.meta.url));
const read = (name: string): unknown => JSON.parse(readFileSync(dir + name, 'utf8'));

describe('content/reference/db07.json', () => {
  const data = read('db07.json') as { sections: Array<{ code: string }>; industries: Array<{ code: string; section: string }> };
  it('validates against db07.schema.json', () => {
    const validate = new Ajv({ allErrors: true }).compile(read('db07.schema.json') as object);
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });
  it('has sections A to U in order and every industry in a known section', () => {
    expect(data.sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    const codes = data.industries.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of data.industries) expect(data.sections.some((s) => s.code === i.section)).toBe(true);
  });
});
