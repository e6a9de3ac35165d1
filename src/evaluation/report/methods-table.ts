// docs/formats.md's method table and its `--methods` default, written from the estimator
// registry (estimators/registry.ts), so the docs list exactly the methods the engine has.
// methods-table.test.ts checks the docs against it; with JOBVEJ_WRITE_DOCS=1 it rewrites them.
import { METHODS, REGISTRY } from '../estimators/registry.ts';

const TABLE_HEAD = '| method | sample and weights | standard error |';
const OPTION_ROW = /^\| `--methods LIST` \| .* \|$/m;

/** The "Methods" section's table: one row per method, in registry order. */
export function methodsTable(): string {
  const rows = METHODS.map((m) => `| \`${m}\` | ${REGISTRY[m].doc.sample} | ${REGISTRY[m].doc.se} |`);
  return [TABLE_HEAD, '|---|---|---|', ...rows].join('\n');
}

/** The options table's `--methods` row. */
export function methodsOptionRow(): string {
  return `| \`--methods LIST\` | \`${METHODS.join(',')}\` (default all) |`;
}

/** The method table and the `--methods` row as they stand in a docs text (undefined where missing). */
export function docMethods(doc: string): { table?: string; option?: string } {
  const start = doc.indexOf(`\n${TABLE_HEAD}\n`);
  const end = start < 0 ? -1 : doc.indexOf('\n\n', start + 1);
  return {
    ...(start >= 0 ? { table: doc.slice(start + 1, end < 0 ? undefined : end) } : {}),
    ...(OPTION_ROW.test(doc) ? { option: OPTION_ROW.exec(doc)?.[0] } : {}),
  };
}

/** The docs text with its method table and `--methods` row written from the registry. */
export function withRegistryMethods(doc: string): string {
  const { table } = docMethods(doc);
  const out = table === undefined ? doc : doc.replace(table, () => methodsTable());
  return out.replace(OPTION_ROW, () => methodsOptionRow());
}
