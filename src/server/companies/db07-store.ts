// The DB07 reference data (content/reference/db07.json: sections A–U and the industries the
// booklet and Vejle's packages name), read and schema-checked once. Used to name industries in
// the demand report and served to the web app's industry picker (GET /api/industries).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { nameOf, type Db07Reference } from '../../domain/companies/index.ts';

export const DEFAULT_DB07_FILE = fileURLToPath(new URL('../../../content/reference/db07.json', import.meta.url));

let cached: Db07Reference | null = null;

export function loadDb07(file: string = DEFAULT_DB07_FILE): Db07Reference {
  if (file === DEFAULT_DB07_FILE && cached) return cached;
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const schema: unknown = JSON.parse(readFileSync(file.replace(/\.json$/, '.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema as object);
  if (!validate(json)) throw new Error(`${file}: ${JSON.stringify(validate.errors)}`);
  const data = json as Db07Reference;
  const reference: Db07Reference = {
    sections: data.sections.map((s) => ({ code: s.code, ...nameOf(s) })),
    industries: data.industries.map((i) => ({ code: i.code, section: i.section, ...nameOf(i) })),
  };
  if (file === DEFAULT_DB07_FILE) cached = reference;
  return reference;
}
