// The fuzz harness checks itself: the leak scan finds what it must and ignores echoes, the
// fingerprint comparison allows only the audited refusal, and values generated as valid from a
// zod schema (converted to JSON Schema) are ones the schema accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDate, text, wholeNumber } from '../../../src/contract/fields.ts';
import { leaksIn } from './leaks.ts';
import { compareFingerprints, type Fingerprint } from './fingerprint.ts';
import { encodeAny, nastyFor, validFor } from './arbitraries.ts';
import type { JsonSchema } from './catalogue.ts';
import { RawJson, toJsonText } from './nasty.ts';
import type { World } from './world.ts';

const world = {
  ids: {}, itemIds: { citizen: [], caseworker: [] }, templateIds: [], goalIds: [], db07Codes: ['47'], usernames: ['u'], password: 'p',
  inboxFiles: ['persons.csv'], personsColumns: ['person_id', 'gender'],
} as unknown as World;

describe('the fuzz harness', () => {
  it('finds stack traces, internal paths and SQL, but not the request’s own strings', () => {
    expect(leaksIn('{"detail":"TypeError: x is undefined\\n    at foo (/work/main/src/server/app.ts:10:5)"}', [], 500).length).toBeGreaterThan(0);
    expect(leaksIn('{"detail":"duplicate key value violates unique constraint \\"x\\""}', [], 409).length).toBeGreaterThan(0);
    expect(leaksIn('{"detail":"select id from citizens where x"}', [], 400).length).toBeGreaterThan(0);
    expect(leaksIn('{"detail":"No package template \'; DELETE FROM citizens; --"}', ["'; DELETE FROM citizens; --"], 400)).toEqual([]);
    expect(leaksIn('{"companies":[{"name":"SELECT * FROM users"}]}', [], 200)).toEqual([]);
    expect(leaksIn('{"type":"about:blank","title":"Bad Request","status":400,"code":"validation_failed"}', [], 400)).toEqual([]);
  });

  it('a refusal may add one access.denied audit row only on 403/404; anything else is a write', () => {
    const fp = (audit: number, denied: number, head: string, citizens = 1): Fingerprint => new Map([
      ['audit_log', { rows: audit, hash: `a${audit}` }], ['audit_log:access.denied', { rows: denied, hash: `d${denied}` }],
      ['audit_chain_head', { rows: 1, hash: head }], ['citizens', { rows: citizens, hash: `c${citizens}` }],
    ]);
    expect(compareFingerprints(fp(5, 0, 'h1'), fp(5, 0, 'h1'), 400)).toEqual([]);
    expect(compareFingerprints(fp(5, 0, 'h1'), fp(5, 1, 'h2'), 404)).toEqual([]);
    expect(compareFingerprints(fp(5, 0, 'h1'), fp(5, 1, 'h2'), 400)).not.toEqual([]);
    expect(compareFingerprints(fp(5, 0, 'h1'), fp(5, 2, 'h2'), 403)).not.toEqual([]);
    expect(compareFingerprints(fp(5, 0, 'h1'), fp(6, 0, 'h2'), 409)).not.toEqual([]);
    expect(compareFingerprints(fp(5, 0, 'h1'), fp(5, 0, 'h1', 2), 400)).toEqual(['citizens: 1 → 2 rows']);
  });

  it('values generated as valid pass the zod schema they came from; nasty ones mostly do not', () => {
    const schema = z.object({
      name: text({ min: 1, max: 50 }), date: isoDate, slots: wholeNumber(1, 10).optional(), note: text({ max: 20, multiline: true }).nullable().optional(),
      kind: z.enum(['a', 'b']), tags: z.array(text({ min: 1, max: 5 })).max(3),
    });
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    fc.assert(fc.property(validFor(json, null, world), (value) => {
      const parsed = schema.safeParse(JSON.parse(toJsonText(value)));
      // A generated name may be blank (trimmed to nothing): the only refusal allowed.
      return parsed.success || parsed.error.issues.every((i) => i.code === 'too_small' && i.path.length > 0);
    }), { numRuns: 60 });
    const nasty = fc.sample(nastyFor(json, null, world), { seed: 1, numRuns: 200 });
    const refused = nasty.filter((v) => !schema.safeParse(JSON.parse(toJsonText(v))).success).length;
    // Extra keys (stripped), edge dates and dropped optional keys are accepted, as they should be.
    expect(refused).toBeGreaterThan(100);
  });

  it('writes raw JSON tokens and percent-encodes lone surrogates', () => {
    expect(toJsonText({ a: new RawJson('1e309'), b: [1, undefined] })).toBe('{"a":1e309,"b":[1,null]}');
    expect(JSON.parse(toJsonText({ a: new RawJson('1e309') })).a).toBe(Number.POSITIVE_INFINITY);
    expect(encodeAny('a\uD800b')).toBe('a%ED%A0%80b');
    expect(encodeAny('\u0000/é')).toBe('%00%2F%C3%A9');
  });
});
