// docs/formats.md lists the registry's methods: its method table and its `--methods` row are
// exactly what report/methods-table.ts writes from estimators/registry.ts. After adding or
// changing a method, `JOBVEJ_WRITE_DOCS=1 npx vitest run src/evaluation/report/methods-table.test.ts`
// rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../estimators/registry.ts';
import { docMethods, methodsOptionRow, methodsTable, withRegistryMethods } from './methods-table.ts';

const FORMATS = join(import.meta.dirname, '..', '..', '..', 'docs', 'formats.md');

describe('docs/formats.md method table', () => {
  it('is the registry’s (JOBVEJ_WRITE_DOCS=1 rewrites it)', () => {
    const doc = readFileSync(FORMATS, 'utf8');
    if (process.env.JOBVEJ_WRITE_DOCS === '1') {
      const next = withRegistryMethods(doc);
      if (next !== doc) writeFileSync(FORMATS, next);
    }
    const now = docMethods(readFileSync(FORMATS, 'utf8'));
    expect(now.table).toBe(methodsTable());
    expect(now.option).toBe(methodsOptionRow());
  });

  it('has one row per method, in the registry’s order', () => {
    const rows = methodsTable().split('\n').slice(2);
    expect(rows.map((r) => /^\| `(\w+)` \|/.exec(r)?.[1])).toEqual([...METHODS]);
  });

  it('rewrites only the table and the option row', () => {
    const doc = `# x\n\n| \`--methods LIST\` | \`a,b\` (default all) |\n\ntext\n\n| method | sample and weights | standard error |\n|---|---|---|\n| \`a\` | old | old |\n\nafter\n`;
    const next = withRegistryMethods(doc);
    expect(next.startsWith('# x\n\n')).toBe(true);
    expect(next.endsWith('\n\nafter\n')).toBe(true);
    expect(docMethods(next)).toEqual({ table: methodsTable(), option: methodsOptionRow() });
  });
});
