/**
 * The policy JSON schema (content/policies/policy.schema.json) as built from the rule-kind
 * registry: the rule's `kind` enum and one `oneOf` branch per kind with its own fields. The file
 * is this function's output; tests/content/deadline-rule-kinds.test.ts checks it (JOBVEJ_WRITE_DOCS=1 rewrites it).
 */
import { LANGS } from '../fip/index.ts';
import { OFFER_KINDS } from '../offers/offer-kinds.ts';
import { DURATION_UNITS, RULE_SEVERITIES } from './rule-fields.ts';
import { RULE_KIND_NAMES, RULE_KINDS } from './rule-kinds.ts';

export function policyJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://jobvej.dk/schemas/policy.schema.json',
    $comment: 'Generated from src/domain/deadlines/rule-kinds.ts by policy-schema.ts; do not edit (JOBVEJ_WRITE_DOCS=1 npx vitest run tests/content/deadline-rule-kinds.test.ts rewrites it).',
    title: 'jobvej deadline policy',
    description: 'A dated rule set for company-directed offers and FIP rounds; evaluated by src/domain/deadlines. Semantics: docs/deadline-rules.md.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'effective_from', 'source', 'company_directed_kinds', 'due_soon_days', 'rules'],
    properties: {
      $schema: { type: 'string' },
      id: { type: 'string', minLength: 1 },
      name: {
        type: 'object',
        description: 'The policy\'s name in the six UI languages (shown instead of the id); `unreviewed` lists the languages whose text is a draft.',
        additionalProperties: false,
        required: [...LANGS],
        properties: { ...Object.fromEntries(LANGS.map((l) => [l, { type: 'string', minLength: 1 }])), unreviewed: { type: 'array', uniqueItems: true, items: { enum: [...LANGS] } } },
      },
      effective_from: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' },
      source: { type: 'string', minLength: 1 },
      company_directed_kinds: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/definitions/offerKind' } },
      due_soon_days: { type: 'integer', minimum: 0 },
      rules: { type: 'array', minItems: 1, items: { $ref: '#/definitions/rule' } },
    },
    definitions: {
      offerKind: { enum: [...OFFER_KINDS] },
      duration: {
        type: 'object',
        additionalProperties: false,
        required: ['amount', 'unit'],
        properties: { amount: { type: 'integer', minimum: 1 }, unit: { enum: [...DURATION_UNITS] } },
      },
      rule: {
        type: 'object',
        required: ['id', 'kind', 'severity'],
        properties: {
          id: { type: 'string', minLength: 1 },
          severity: { enum: [...RULE_SEVERITIES] },
          kind: { enum: [...RULE_KIND_NAMES] },
        },
        oneOf: RULE_KIND_NAMES.map((kind) => ({
          properties: { id: true, severity: true, kind: { const: kind }, ...RULE_KINDS[kind].schema.properties },
          required: [...RULE_KINDS[kind].schema.required],
          additionalProperties: false,
        })),
      },
    },
  };
}

/** The schema file's text: the schema as 2-space JSON with a final newline. */
export const policyJsonSchemaText = (): string => `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
