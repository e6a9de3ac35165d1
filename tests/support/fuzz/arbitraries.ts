// Requests derived from a route's schemas (JSON Schema, converted from zod): mostly values the
// schema describes — drawn, where a field's name says what it holds, from the real values of the
// world (ids of this municipality and sometimes another's, instrument items, templates, DB07
// codes, valid CPR and CVR numbers) so requests reach the handlers and commands — and otherwise
// the same values with one part made nasty (nasty.ts), or a nasty body, query or path outright.
import { parseCpr } from '../../../src/domain/cpr.ts';
import fc from 'fast-check';
import type { FuzzRoute, JsonSchema } from './catalogue.ts';
import { CONTENT_PATH_VALUES, ID_FIELDS, ID_SOURCES, type IdPool, type World } from './world.ts';
import { MEGABYTE, NASTY_BODIES, NASTY_DATES, NASTY_NUMBERS, NASTY_STRINGS, NASTY_UUIDS, RawJson, WRONG_TYPES, stringsIn, toJsonText } from './nasty.ts';

export interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  /** Which session sends it. */
  as: 'role' | 'handover' | 'fresh' | 'none' | 'bad-csrf';
  /** The strings the request carries (a response may echo them; they are not leaks). */
  sent: string[];
}

const NAMES = ['Amira Haddad', 'Søren Ærø', 'أميرة حداد', 'ሰላም ተስፋይ', 'Zainab Mohammadi', 'Ola Nordmann', "O'Brien", 'Анна', '李雷'];

const cprArb = fc
  .record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 0, max: 99 }), s: fc.integer({ min: 0, max: 9999 }), dash: fc.boolean() })
  .map(({ d, m, y, s, dash }) => `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}${dash ? '-' : ''}${String(s).padStart(4, '0')}`);

/** Eight digits with the modulus-11 check (weights 2 7 6 5 4 3 2 1). */
const cvrArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }).chain((digits) => {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  const sum = digits.reduce((acc, d, i) => acc + d * (weights[i] ?? 0), 0);
  const last = (11 - (sum % 11)) % 11;
  if (digits[0] === 0 || last === 10) return fc.constant('29403473'); // a real, valid CVR
  return fc.constantFrom(`${digits.join('')}${last}`, `DK${digits.join('')}${last}`, `${digits.slice(0, 4).join('')} ${digits.slice(4).join('')}${last}`);
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const validDate = fc.oneof(
  { weight: 8, arbitrary: fc.date({ min: new Date('1950-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map(iso) },
  { weight: 1, arbitrary: fc.constantFrom('1900-01-01', '2100-12-31', '2024-02-29', '2026-03-02') },
);

function pick<T>(values: readonly T[]): fc.Arbitrary<T> | null {
  return values.length > 0 ? fc.constantFrom(...values) : null;
}

function idFrom(pool: IdPool | undefined): fc.Arbitrary<string> {
  const parts: fc.WeightedArbitrary<string>[] = [{ weight: 1, arbitrary: fc.uuid() }];
  if (pool && pool.home.length > 0) parts.push({ weight: 6, arbitrary: fc.constantFrom(...pool.home) });
  if (pool && pool.other.length > 0) parts.push({ weight: 1, arbitrary: fc.constantFrom(...pool.other) });
  return fc.oneof(...parts);
}

const hintNames = new Set(['cpr', 'cvr', 'itemId', 'templateId', 'goalId', 'db07', 'username', 'password', 'personsPath', 'weeksPath', 'by', 'email', 'phone', 'name', 'companyName', 'displayName', 'municipalityCode']);

/** The string schema a value must fit (a nullable field's non-null branch). */
function stringSchema(schema: JsonSchema): JsonSchema {
  return (schema.anyOf ?? schema.oneOf)?.find((b) => b.type === 'string') ?? schema;
}

/** The values of a pool that fit the field's own pattern and length (a name means different codes in different schemas). */
function fitting(values: readonly string[], schema: JsonSchema): string[] {
  const s = stringSchema(schema);
  const pattern = s.pattern ? new RegExp(s.pattern) : null;
  return values.filter((v) => (!pattern || pattern.test(v)) && v.length <= (s.maxLength ?? Infinity) && v.length >= (s.minLength ?? 0));
}

/** Values a field's name says it holds (real ids and codes); null when the name says nothing (or no value fits its schema). */
function hint(name: string | null, world: World, schema: JsonSchema): fc.Arbitrary<unknown> | null {
  if (name === null) return null;
  const table = ID_FIELDS[name];
  if (table) return idFrom(world.ids[table]);
  switch (name) {
    case 'cpr': return cprArb;
    case 'cvr': return cvrArb;
    case 'itemId': return pick(fitting([...world.itemIds.citizen, ...world.itemIds.caseworker], schema));
    case 'templateId': return pick(fitting(world.templateIds, schema));
    case 'goalId': return pick(fitting(world.goalIds, schema));
    case 'db07': return pick(fitting([...new Set([...world.db07Codes, ...world.db07Codes.map((c) => c.replaceAll('.', ''))])], schema));
    case 'username': return pick(world.usernames);
    // The home and the other municipality (a user account's; other codes are tried by the invalid requests).
    case 'municipalityCode': return pick(fitting(['607', '727'], schema));
    case 'password': return fc.oneof({ weight: 3, arbitrary: fc.constant(world.password) }, { weight: 1, arbitrary: fc.constant('wrong-password') });
    case 'personsPath': case 'weeksPath': return pick(world.inboxFiles);
    case 'by': return fc.subarray(world.personsColumns.filter((c) => c !== 'person_id'), { maxLength: 3 });
    case 'email': return fc.emailAddress().filter((e) => e.length <= 200);
    case 'phone': return fc.stringMatching(/^\+45 [0-9]{8}$/);
    case 'name': case 'companyName': case 'displayName': return fc.constantFrom(...NAMES);
    default: return null;
  }
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type) return [schema.type].flat();
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  if (schema.enum) return ['enum'];
  return [];
}

const anyJson = fc.jsonValue({ maxDepth: 2 });

function isDateSchema(schema: JsonSchema): boolean {
  return schema.format === 'date' || (schema.anyOf ?? []).some((s) => s.format === 'date');
}

/** Values the schema describes (refinements aside: zod refinements do not reach JSON Schema). */
export function validFor(schema: JsonSchema, name: string | null, world: World, depth = 0): fc.Arbitrary<unknown> {
  const hinted = hint(name, world, schema);
  if (hinted) return hinted;
  if (schema.anyOf ?? schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => validFor(s, name, world, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return validFor(Object.assign({}, ...schema.allOf) as JsonSchema, name, world, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const [type] = typesOf(schema);
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date') return validDate;
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
      return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.constantFrom(...NAMES).filter((n) => n.length >= min && n.length <= (schema.maxLength ?? 1e9)));
    }
    case 'integer': return fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1000, 2 ** 31) });
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': {
      const items = schema.items ?? {};
      const min = schema.minItems ?? 0;
      return fc.array(validFor(items, null, world, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(schema.maxItems ?? 4, 4)) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) record[key] = validFor(sub, key, world, depth + 1);
      // Dates of one object run in the order the schema lists them (birth, arrival, takeover;
      // start, planned end; from, to): refinements that order them hold for valid values.
      const dateKeys = Object.entries(props).filter(([, sub]) => isDateSchema(sub)).map(([key]) => key);
      const ordered = (value: Record<string, unknown>) => {
        const present = dateKeys.filter((k) => typeof value[k] === 'string');
        const sorted = present.map((k) => value[k] as string).sort();
        return present.length < 2 ? value : { ...value, ...Object.fromEntries(present.map((k, i) => [k, sorted[i]])) };
      };
      // A registration's birth date is the CPR's (registrationIssues): a valid request carries both alike.
      const consistent = (value: Record<string, unknown>) => {
        if (!('birthDate' in props) || typeof value.cpr !== 'string' || typeof value.birthDate !== 'string') return value;
        const parsed = parseCpr(value.cpr);
        return parsed.ok ? { ...value, birthDate: parsed.birthDate } : value;
      };
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }).map((v) => consistent(ordered(v)));
    }
    default: return depth > 3 ? fc.constant(null) : anyJson;
  }
}

function nastyString(schema: JsonSchema, name: string | null, world: World): fc.Arbitrary<unknown> {
  const specific: fc.WeightedArbitrary<unknown>[] = [];
  if (schema.format === 'date') specific.push({ weight: 6, arbitrary: fc.constantFrom(...NASTY_DATES) });
  if (schema.format === 'uuid') specific.push({ weight: 3, arbitrary: fc.constantFrom(...NASTY_UUIDS) });
  const inserted = fc
    .tuple(validFor(schema, name, world), fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u0007', '\u001b', '\n'), fc.nat())
    .map(([v, bad, at]) => {
      const s = typeof v === 'string' ? v : String(v);
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      return s.slice(0, i) + bad + s.slice(i);
    });
  return fc.oneof(
    ...specific,
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 4, arbitrary: inserted },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES, ...NASTY_NUMBERS) },
  );
}

/** Values the schema refuses (or should): the known-nasty ones, and valid values with one part spoiled. */
export function nastyFor(schema: JsonSchema, name: string | null, world: World, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.constantFrom(...WRONG_TYPES, ...NASTY_STRINGS.slice(0, 12));
  if (depth > 4) return wrong;
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((s) => nastyFor(s, name, world, depth + 1)));
  if (schema.enum) return fc.oneof(fc.constantFrom('X', '', 'ADMIN', '\u0000', ...schema.enum.map((e) => `${String(e).toUpperCase()} `)), wrong);
  const [type] = typesOf(schema);
  switch (type) {
    case 'string': return nastyString(schema, name, world);
    case 'integer': case 'number': {
      const edges = [schema.minimum, schema.maximum].filter((v): v is number => v !== undefined).flatMap((v) => [v - 1, v + 1, v - 1e-9, v + 1e-9]);
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NASTY_NUMBERS, ...edges) }, { weight: 1, arbitrary: wrong });
    }
    case 'boolean': return fc.constantFrom('true', 0, 1, null, [], 'yes');
    case 'array': {
      const items = schema.items ?? {};
      const tooMany = (schema.maxItems ?? 1000) + 1;
      return fc.oneof(
        fc.array(nastyFor(items, null, world, depth + 1), { minLength: 1, maxLength: 3 }),
        fc.tuple(fc.array(validFor(items, null, world, depth + 1), { maxLength: 2 }), nastyFor(items, null, world, depth + 1)).map(([ok, bad]) => [...ok, bad]),
        validFor(items, null, world, depth + 1).map((one) => Array.from({ length: Math.min(tooMany, 5000) }, () => one)),
        fc.constantFrom({}, 'a,b', null, [[]], [null]),
      );
    }
    case 'object': {
      const props = schema.properties ?? {};
      const keys = Object.keys(props);
      const valid = validFor(schema, name, world, depth) as fc.Arbitrary<Record<string, unknown>>;
      const spoiled: fc.Arbitrary<unknown>[] = [
        fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'municipalityCode', 'municipality_code', 'role', '\u0000', ''), fc.constantFrom(...WRONG_TYPES, ...NASTY_STRINGS.slice(0, 10)))
          .map(([v, k, x]) => (k === '__proto__' ? new RawJson(`${toJsonText(v).slice(0, -1)}${Object.keys(v).length ? ',' : ''}"__proto__":{"polluted":true}}`) : { ...v, [k]: x })),
        fc.constantFrom([], [{}], 'object', 0, null, true),
      ];
      if (keys.length > 0) {
        spoiled.push(fc.constantFrom(...keys).chain((key) => fc.tuple(valid, nastyFor(props[key] ?? {}, key, world, depth + 1)).map(([v, bad]) => ({ ...v, [key]: bad }))));
        spoiled.push(fc.constantFrom(...keys).chain((key) => valid.map((v) => { const { [key]: _gone, ...rest } = v; return rest; })));
      }
      return fc.oneof(...spoiled);
    }
    default: return wrong;
  }
}

const FREE_TEXT_HINTS = new Set(['name', 'companyName', 'displayName', 'email', 'phone', 'username', 'password']);

function spoilable(schema: JsonSchema, name: string): boolean {
  if ((name in ID_FIELDS || hintNames.has(name)) && !FREE_TEXT_HINTS.has(name)) return false;
  const branches = (schema.anyOf ?? schema.oneOf)?.filter((b) => b.type !== 'null');
  if (branches && branches.length > 0) return branches.some((b) => spoilable(b, name));
  if (schema.enum || schema.const !== undefined) return false;
  const [type] = typesOf(schema);
  if (type === 'string') return schema.format === 'date' || (schema.format === undefined && schema.pattern === undefined);
  return type === 'integer' || type === 'number' || type === 'array' || type === 'object';
}

const SUBTLE_DATES = ['0000-01-01', '0000-12-31', '9999-01-01', '9999-12-31', '0001-01-01', '1899-12-31', '2101-01-01', '1900-01-01', '2100-12-31'];

/** A bad character inside an otherwise valid string: NUL and lone surrogates most often (the cases). */
function spoilString(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const bad = fc.oneof(
    { weight: 8, arbitrary: fc.constant('\u0000') },
    { weight: 6, arbitrary: fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF') },
    { weight: 3, arbitrary: fc.constantFrom('\u0001', '\u0007', '\u001b', '\u007F', '\t', '\n', '\r') },
    { weight: 3, arbitrary: fc.constantFrom("'", '"', '\\', '%', "'; DROP TABLE citizens; --", '<script>', '\u202E', '\uFEFF', '👩‍🔧') },
  );
  return fc.tuple(valid, bad, fc.nat()).map(([v, b, at]) => {
    const text = typeof v === 'string' ? v : String(v);
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, i) + b + text.slice(i);
  });
}

/**
 * Values of the right shape and type with parts that are wrong in a way a lax schema lets
 * through: a NUL or a lone surrogate in a string, a date in year 0000 or 9999, a number at or
 * past its bounds. Each field of an object is spoiled this way independently (one in three), so
 * several may be at once; the rest stay valid.
 */
export function subtleFor(schema: JsonSchema, name: string | null, world: World, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return validFor(schema, name, world, depth);
  const branches = (schema.anyOf ?? schema.oneOf)?.filter((b) => b.type !== 'null');
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => subtleFor(b, name, world, depth + 1)));
  const valid = validFor(schema, name, world, depth);
  if (schema.enum) return spoilString(valid);
  const [type] = typesOf(schema);
  switch (type) {
    case 'string':
      if (schema.format === 'date') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SUBTLE_DATES) }, { weight: 1, arbitrary: spoilString(valid) });
      if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...NASTY_UUIDS.slice(0, 3)), spoilString(valid));
      return spoilString(valid);
    case 'integer': case 'number': {
      const lo = schema.minimum ?? -(2 ** 31);
      const hi = schema.maximum ?? 2 ** 31;
      return fc.constantFrom(lo, hi, lo - 1, hi + 1, lo - 0.5, hi + 0.5, 0, -0, 2 ** 53 + 2, -(2 ** 53 + 2), Number.MAX_VALUE, Number.MIN_VALUE, new RawJson('1e309'));
    }
    case 'array':
      return fc.array(subtleFor(schema.items ?? {}, null, world, depth + 1), { minLength: 1, maxLength: Math.max(1, Math.min(schema.maxItems ?? 3, 3)) });
    case 'object': {
      const props = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) {
        const fieldValid = validFor(sub, key, world, depth + 1);
        // Codes, ids and formats stay valid (a spoiled one is refused before anything else could go
        // wrong); free text, dates, numbers and nested objects are spoiled.
        record[key] = spoilable(sub, key)
          ? fc.oneof({ weight: 2, arbitrary: fieldValid }, { weight: 1, arbitrary: subtleFor(sub, key, world, depth + 1) })
          : fieldValid;
      }
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default: return valid;
  }
}

/** Valid values (deep paths) two times in seven, subtly spoiled ones three, grossly wrong ones two. */
export function valueFor(schema: JsonSchema, world: World): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: validFor(schema, null, world) },
    { weight: 3, arbitrary: subtleFor(schema, null, world) },
    { weight: 2, arbitrary: nastyFor(schema, null, world) },
  );
}

/** encodeURIComponent, with a lone surrogate written as its three WTF-8 bytes (what a sloppy client sends). */
export function encodeAny(value: string): string {
  return value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}

function pathValue(segment: string, world: World): fc.Arbitrary<{ raw: string }> {
  const content = CONTENT_PATH_VALUES[segment];
  if (content) {
    return fc.oneof(
      { weight: 7, arbitrary: fc.constantFrom(...content).map((v) => ({ raw: encodeAny(v) })) },
      { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 300), 'fip-v0').map((v) => ({ raw: encodeAny(v) })) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%ED%A0%80', '..%2F..%2Fetc', 'a%2Fb').map((raw) => ({ raw })) },
    );
  }
  const table = ID_SOURCES[segment];
  if (!table) throw new Error(`No source of real ids for a path after /${segment}/: name its table in ID_SOURCES (tests/support/fuzz/world.ts)`);
  const encode = (v: string) => ({ raw: encodeAny(v) });
  return fc.oneof(
    { weight: 7, arbitrary: idFrom(world.ids[table]).map(encode) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_UUIDS, ...NASTY_STRINGS.filter((s) => s.length < 300)).map(encode) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%ED%A0%80', '%C0%80', '..%2F..%2Fetc', '%2e%2e', 'a%2Fb', encodeURIComponent(MEGABYTE.slice(0, 5000))).map((raw) => ({ raw })) },
  );
}

function queryText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `q=${encodeAny(String(value))}`;
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeAny(k)}=${encodeAny(typeof x === 'object' && x !== null ? toJsonText(x) : String(x))}`))
    .join('&');
}

const RAW_QUERIES = ['from=%', 'from=%ED%A0%80', 'from[]=2025-01-01', 'from=2025-01-01&from=2025-02-01', 'to=', 'from=0000-01-01&to=9999-12-31',
  `from=${'9'.repeat(5000)}`, 'a=%00', '__proto__[x]=1', 'constructor=1', '&&&', '=', 'from=2025-01-01%00'];

export interface RequestOptions {
  /** Body schema for routes that parse their body in the handler (they declare none). */
  handlerBody?: JsonSchema;
  /** Only what the schemas describe, with ids of the municipality and the route's own session (the first requests to each route). */
  validOnly?: boolean;
}

/** Requests to one route. */
export function requestsFor(route: FuzzRoute, world: World, options: RequestOptions = {}): fc.Arbitrary<FuzzRequest> {
  const segments = route.url.split('/');
  const valid = options.validOnly === true;
  const params = route.pathParams.map((param) => {
    const at = segments.indexOf(`:${param}`);
    const segment = segments[at - 1] ?? '';
    const home = world.ids[ID_SOURCES[segment] ?? '']?.home ?? [];
    return valid && home.length > 0 ? fc.constantFrom(...home).map((raw) => ({ raw })) : pathValue(segment, world);
  });
  const path = fc.tuple(...params).map((values) => {
    let i = 0;
    return route.url.replace(/:([A-Za-z0-9_]+)/g, () => values[i++]?.raw ?? '');
  });
  const query: fc.Arbitrary<string> = valid
    ? (route.query ? validFor(route.query, null, world).map(queryText) : fc.constant(''))
    : route.query
    ? fc.oneof({ weight: 8, arbitrary: valueFor(route.query, world).map(queryText) }, { weight: 2, arbitrary: fc.constantFrom(...RAW_QUERIES) }, { weight: 1, arbitrary: fc.constant('') })
    : fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) });
  const bodySchema = route.body ?? options.handlerBody ?? null;
  const writes = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  type Body = { payload?: string; contentType?: string; value?: unknown };
  const rawBody: fc.Arbitrary<Body> = fc.constantFrom(...NASTY_BODIES).map((b) => ({ ...(b.payload !== undefined ? { payload: b.payload } : {}), ...(b.contentType ? { contentType: b.contentType } : {}) }));
  const jsonBody = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Body> => arb.map((value) => ({ payload: toJsonText(value), contentType: 'application/json', value }));
  const body: fc.Arbitrary<Body> = valid
    ? (bodySchema ? jsonBody(validFor(bodySchema, null, world)) : fc.constant({}))
    : bodySchema
    ? fc.oneof({ weight: 8, arbitrary: jsonBody(valueFor(bodySchema, world)) }, { weight: 2, arbitrary: rawBody })
    : writes
      ? fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 3, arbitrary: rawBody }, { weight: 2, arbitrary: jsonBody(anyJson) })
      : fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: rawBody });
  const as: fc.Arbitrary<FuzzRequest['as']> = valid
    ? fc.constant(route.public ? 'none' : route.key === 'POST /api/auth/logout' ? 'fresh' : 'role')
    : route.public
    ? fc.constantFrom('none', 'none', 'role')
    : route.key === 'POST /api/auth/logout'
      ? fc.oneof({ weight: 9, arbitrary: fc.constant('fresh' as const) }, { weight: 1, arbitrary: fc.constantFrom('none' as const, 'bad-csrf' as const) })
      : fc.oneof(
        { weight: 14, arbitrary: fc.constant('role' as const) },
        ...(route.duringHandover ? [{ weight: 6, arbitrary: fc.constant('handover' as const) }] : []),
        { weight: 1, arbitrary: fc.constantFrom('none' as const, 'bad-csrf' as const) },
      );
  return fc.record({ path, query, body, as }).map(({ path: p, query: q, body: b, as: who }) => ({
    method: route.method,
    url: q ? `${p}?${q}` : p,
    ...(b.payload !== undefined ? { payload: b.payload } : {}),
    ...(b.contentType ? { contentType: b.contentType } : {}),
    as: who,
    sent: [...stringsIn(b.value), ...(b.payload !== undefined && b.value === undefined ? [b.payload] : []), ...decodedParts(p), ...decodedParts(q)],
  }));
}

function decodedParts(text: string): string[] {
  return text.split(/[/?&=]/).flatMap((part) => {
    try {
      return [part, decodeURIComponent(part)];
    } catch {
      return [part];
    }
  });
}
