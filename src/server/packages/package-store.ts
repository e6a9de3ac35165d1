// The industry-package templates are content (content/packages/*.json), read once, checked
// against package.schema.json and for consistency (packageProblems); a municipality creates its
// package from one by template id (the file name without .json).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { packageFromJson, packageProblems, type IndustryPackage, type PackageJson } from '../../domain/packages/index.ts';

export const DEFAULT_PACKAGE_DIR = fileURLToPath(new URL('../../../content/packages/', import.meta.url));

export interface PackageTemplateStore {
  templates: readonly IndustryPackage[];
  /** The template with this id, or null. */
  byId(id: string): IndustryPackage | null;
}

export function loadPackageTemplates(dir: string = DEFAULT_PACKAGE_DIR): PackageTemplateStore {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(dir, 'package.schema.json'), 'utf8')) as object);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  const templates = files.map((file) => {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (!validate(json)) throw new Error(`${file}: ${JSON.stringify(validate.errors)}`);
    const pkg = packageFromJson(json as PackageJson);
    const problems = packageProblems(pkg);
    if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
    if (`${pkg.id}.json` !== file) throw new Error(`${file}: id ${pkg.id} does not match the file name`);
    return pkg;
  });
  const byId = new Map(templates.map((t) => [t.id, t]));
  return { templates, byId: (id) => byId.get(id) ?? null };
}
