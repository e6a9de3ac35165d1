// The deadline rule kinds are one registry (src/domain/deadlines/rule-kinds.ts); what lists them
// outside TypeScript follows it: the policy JSON schema is written from it, docs/deadline-rules.md
// §4 has a section per kind, and every kind has its label in the casework strings. After adding
// a kind, `JOBVEJ_WRITE_DOCS=1 npx vitest run tests/content/deadline-rule-kinds.test.ts` rewrites
// content/policies/policy.schema.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deadlineReportSchema } from '../../src/contract/offers.ts';
import { nextDeadlineSchema } from '../../src/contract/citizens.ts';
import { parsePolicy } from '../../src/domain/deadlines/policy.ts';
import { policyJsonSchemaText } from '../../src/domain/deadlines/policy-schema.ts';
import { RULE_KIND_NAMES, RULE_KINDS, ruleKindLabelKey } from '../../src/domain/deadlines/rule-kinds.ts';
import { readUiLocale } from './ui-locales.ts';

const SCHEMA = fileURLToPath(new URL('../../content/policies/policy.schema.json', import.meta.url));
const RULES_DOC = fileURLToPath(new URL('../../docs/deadline-rules.md', import.meta.url));

describe('deadline rule kinds', () => {
  it('content/policies/policy.schema.json is written from the registry (JOBVEJ_WRITE_DOCS=1 rewrites it)', () => {
    if (process.env.JOBVEJ_WRITE_DOCS === '1' && readFileSync(SCHEMA, 'utf8') !== policyJsonSchemaText()) {
      writeFileSync(SCHEMA, policyJsonSchemaText());
    }
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { definitions: { rule: { properties: { kind: { enum: string[] } }; oneOf: Array<{ properties: { kind: { const: string } } }> } } };
    expect(schema.definitions.rule.properties.kind.enum).toEqual([...RULE_KIND_NAMES]);
    expect(schema.definitions.rule.oneOf.map((b) => b.properties.kind.const)).toEqual([...RULE_KIND_NAMES]);
    expect(readFileSync(SCHEMA, 'utf8')).toBe(policyJsonSchemaText());
  });

  it('are the API’s kind enums', () => {
    expect(deadlineReportSchema.shape.rules.element.shape.kind.options).toEqual([...RULE_KIND_NAMES]);
    expect(nextDeadlineSchema.shape.kind.options).toEqual([...RULE_KIND_NAMES]);
  });

  it('each have a section in docs/deadline-rules.md §4, in registry order', () => {
    const doc = readFileSync(RULES_DOC, 'utf8');
    const section = doc.slice(doc.indexOf('\n## 4.'), doc.indexOf('\n## 5.'));
    expect([...section.matchAll(/^### (\w+)/gm)].map((m) => m[1])).toEqual([...RULE_KIND_NAMES]);
  });

  it('each have a label by the key pattern casework.ruleKind.<kind> (Danish; ui-strings checks the other languages)', () => {
    const da = readUiLocale('da');
    for (const kind of RULE_KIND_NAMES) {
      expect(RULE_KINDS[kind].labelKey).toBe(`casework.ruleKind.${kind}`);
      expect(ruleKindLabelKey(kind)).toBe(RULE_KINDS[kind].labelKey);
      expect(da[RULE_KINDS[kind].labelKey], kind).toEqual(expect.any(String));
    }
  });

  it('the parser names every kind when the kind is unknown', () => {
    const r = parsePolicy({
      id: 'x', effective_from: '2020-01-01', source: 's', due_soon_days: 7, company_directed_kinds: ['igu'],
      rules: [{ id: 'a', kind: 'sometimes', severity: 'target' }],
    });
    expect(r.ok ? [] : r.errors).toEqual([`rules[0].kind: expected ${RULE_KIND_NAMES.slice(0, -1).join(', ')} or ${RULE_KIND_NAMES.at(-1)}`]);
  });
});
