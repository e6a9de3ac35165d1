// The known-nasty values of the hardening issue, by kind. RawJson carries JSON text that no JS
// value serialises to (1e309 parses to Infinity, -0, a 40-digit integer).
export class RawJson {
  constructor(readonly text: string) {}
}

export const MEGABYTE = 'x'.repeat(1024 * 1024);

export const NASTY_STRINGS: readonly string[] = [
  '\u0000', 'a\u0000b', 'Amira\u0000Haddad', '\u0000\u0000\u0000',
  '\uD800', 'x\uDFFFy', 'name \uD83D', '\uDC00\uD800',
  '\u0007', '\u001b[31mred', 'tab\tinside', 'line\nbreak', 'cr\rhere', '\u007F', '\u0085', '\u2028',
  '', ' ', '   \t  ', '\uFEFF', '\u200B', '\u202Eevil', 'e\u0301', '👩‍🔧', 'أميرة', 'ሰላም',
  "'; DROP TABLE citizens; --", "' OR '1'='1", '1; SELECT pg_sleep(1)', '$1', '%', '%%', '\\', '\\x00', "O'Brien",
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}', '../../../../etc/passwd', 'C:\\Windows\\win.ini',
  '%00', '%u0000', '\\u0000', 'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '1e309', 'true', '[]', '{}',
  '__proto__', 'constructor',
  '0000-01-01', '9999-01-01', '9999-12-31', '0000-00-00', '2024-02-30', '2023-02-29', '1899-12-31', '2101-01-01',
  '+002025-01-01', '2025-1-1', '10000-01-01', '2025-01-01T00:00:00Z', '01-01-2025', '٢٠٢٥-٠١-٠١',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  'a'.repeat(201), 'a'.repeat(1001), 'a'.repeat(2001), 'ä'.repeat(5000), MEGABYTE,
];

/** Dates a date field must refuse (or, for the edges, accept). */
export const NASTY_DATES: readonly string[] = [
  '0000-01-01', '0000-12-31', '0001-01-01', '9999-01-01', '9999-12-31', '1899-12-31', '2101-01-01',
  '1900-01-01', '2100-12-31', '2100-02-29', '2024-02-30', '2023-02-29', '2025-13-01', '2025-00-10', '2025-01-32',
  '2025-1-1', '+002025-01-01', '-000001-01-01', '10000-01-01', '2025-01-01T00:00:00Z', '2025-01-01 ', '2025-01-01\u0000', '',
];

export const NASTY_UUIDS: readonly string[] = [
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '0B7E1C4E-4C55-4D5A-9A61-5B3C7C1E2F10',
  '0b7e1c4e-4c55-4d5a-9a61-5b3c7c1e2f1', '0b7e1c4e4c554d5a9a615b3c7c1e2f10', '{0b7e1c4e-4c55-4d5a-9a61-5b3c7c1e2f10}',
  '0b7e1c4e-4c55-4d5a-9a61-5b3c7c1e2f10\u0000', "0b7e1c4e-4c55-4d5a-9a61-5b3c7c1e2f10' OR '1'='1",
];

export const NASTY_NUMBERS: readonly unknown[] = [
  -1, 0, -0, 0.5, 1.5, 7.000001, 80.0001, 1000.5, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE,
  -Number.MAX_VALUE, Number.MIN_VALUE, 1e-320,
  new RawJson('1e309'), new RawJson('-1e309'), new RawJson('1234567890123456789012345678901234567890'), new RawJson('-0.0'),
  new RawJson('1E400'), '1', '1e309', 'NaN', 'Infinity',
];

/** Values of the wrong type for any field. */
export const WRONG_TYPES: readonly unknown[] = [
  null, true, false, 0, 1, -1, '', 'x', [], [null], [1, 2, 3], {}, { a: 1 },
  [[[[[[[[[[]]]]]]]]]], new RawJson('{"__proto__":{"polluted":1}}'), new RawJson('{"constructor":{"prototype":{"polluted":1}}}'),
];

/** Whole bodies (raw text with its content type, or none). */
export const NASTY_BODIES: readonly { payload?: string; contentType?: string; label: string }[] = [
  { label: 'no body, no content type' },
  { payload: '', contentType: 'application/json', label: 'empty JSON body' },
  { payload: 'null', contentType: 'application/json', label: 'null' },
  { payload: '[]', contentType: 'application/json', label: 'array' },
  { payload: '[{}]', contentType: 'application/json', label: 'array of an object' },
  { payload: '"text"', contentType: 'application/json', label: 'JSON string' },
  { payload: '42', contentType: 'application/json', label: 'JSON number' },
  { payload: '1e309', contentType: 'application/json', label: 'Infinity' },
  { payload: '{', contentType: 'application/json', label: 'broken JSON' },
  { payload: '{"a":1,}', contentType: 'application/json', label: 'trailing comma' },
  { payload: '\u0000', contentType: 'application/json', label: 'NUL byte' },
  { payload: '{"a":"\\u0000"}', contentType: 'application/json', label: 'escaped NUL' },
  { payload: '{"a":"\\ud800"}', contentType: 'application/json', label: 'escaped lone surrogate' },
  { payload: '["'.repeat(5000), contentType: 'application/json', label: 'deep unterminated nesting' },
  { payload: `${'['.repeat(3000)}${']'.repeat(3000)}`, contentType: 'application/json', label: 'deep nesting' },
  { payload: `{"a":"${MEGABYTE}"}`, contentType: 'application/json', label: '1 MB JSON' },
  { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', label: 'form body' },
  { payload: 'hello', contentType: 'text/plain', label: 'text body' },
  { payload: '{"a":1}', contentType: 'application/xml', label: 'unknown content type' },
  { payload: '{"a":1}', contentType: 'application/json; charset=latin1', label: 'JSON, odd charset' },
  { payload: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x', label: 'broken multipart' },
  { payload: '{"a":1}', contentType: 'multipart/form-data', label: 'multipart without boundary' },
];

/** Serialise a value that may hold RawJson parts. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Every string inside a value (the request's own strings, which a response may echo). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof RawJson) out.push(value.text);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); stringsIn(v, out); }
  return out;
}
