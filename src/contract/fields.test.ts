import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CONTROL_MESSAGE, DATE_MESSAGE, MULTILINE_CONTROL_MESSAGE, NUL_MESSAGE, SURROGATE_MESSAGE, boundedNumber, isoDate, resourceId, safeString, text,
  textProblem, wholeNumber,
} from './fields.ts';

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('text fields', () => {
  it('refuse NUL, unpaired surrogates and control characters, naming the rule', () => {
    const name = text({ min: 1, max: 200 });
    expect(messages(name, 'Amira\u0000')).toEqual([NUL_MESSAGE]);
    expect(messages(name, '\u0000')).toEqual([NUL_MESSAGE]);
    expect(messages(name, 'a\uD800b')).toEqual([SURROGATE_MESSAGE]);
    expect(messages(name, 'a\uDFFF')).toEqual([SURROGATE_MESSAGE]);
    expect(messages(name, '\uDC00\uD800')).toEqual([SURROGATE_MESSAGE]);
    expect(messages(name, 'bell\u0007')).toEqual([CONTROL_MESSAGE]);
    expect(messages(name, 'esc\u001b[31m')).toEqual([CONTROL_MESSAGE]);
    expect(messages(name, 'tab\there')).toEqual([CONTROL_MESSAGE]);
    expect(messages(name, 'del\u007F')).toEqual([CONTROL_MESSAGE]);
    expect(messages(safeString, 'line\nbreak')).toEqual([CONTROL_MESSAGE]);
  });

  it('multi-line text keeps tab and newlines (CRLF too), nothing else', () => {
    const note = text({ max: 2000, multiline: true });
    expect(note.parse('first line\r\nsecond\tline\nthird')).toBe('first line\r\nsecond\tline\nthird');
    expect(messages(note, 'a\u0000b')).toEqual([NUL_MESSAGE]);
    expect(messages(note, 'a\u000Bb')).toEqual([MULTILINE_CONTROL_MESSAGE]);
    expect(messages(note, 'a\uD83Db')).toEqual([SURROGATE_MESSAGE]);
  });

  it('accept any well-formed text: other scripts, emoji (paired surrogates), combining marks, RTL', () => {
    const name = text({ min: 1, max: 200 });
    for (const ok of ['Amira Haddad', 'أميرة حداد', 'ሰላም', '👩‍🔧 Søren', 'e\u0301', '\u202Eabc', "O'Brien; DROP TABLE citizens; --", '<script>']) {
      expect(name.parse(ok)).toBe(ok);
    }
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), (s) => {
      const expected = /[\u0000-\u001F\u007F]/.test(s) ? false : s.trim().length >= 1;
      return name.safeParse(s).success === expected;
    }));
  });

  it('every string with a NUL or a lone surrogate is refused, whatever else it holds', () => {
    const notes = text({ max: 10_000, multiline: true });
    const bad = fc.tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'), fc.string({ unit: 'binary', maxLength: 20 }))
      .filter(([a, c, b]) => !(c >= '\uD800' && c <= '\uDBFF' && b.charCodeAt(0) >= 0xdc00 && b.charCodeAt(0) <= 0xdfff) && !(c >= '\uDC00' && a.length > 0 && a.charCodeAt(a.length - 1) >= 0xd800 && a.charCodeAt(a.length - 1) <= 0xdbff))
      .map(([a, c, b]) => a + c + b);
    fc.assert(fc.property(bad, (s) => !notes.safeParse(s).success && textProblem(s, true) !== null));
  });

  it('trim by default, keep lengths, and leave passwords untrimmed when asked', () => {
    expect(text({ min: 1, max: 5 }).parse('  abc  ')).toBe('abc');
    expect(text({ min: 1, max: 5 }).safeParse('   ').success).toBe(false);
    expect(text({ min: 1, max: 5 }).safeParse('abcdef').success).toBe(false);
    expect(text({ min: 1, max: 1000, trim: false }).parse(' pass ')).toBe(' pass ');
  });
});

describe('isoDate', () => {
  it('is a real calendar date between 1900-01-01 and 2100-12-31, with one message naming the range', () => {
    expect(DATE_MESSAGE).toBe('Expected a date YYYY-MM-DD between 1900-01-01 and 2100-12-31');
    for (const ok of ['1900-01-01', '2024-02-29', '2100-12-31']) expect(isoDate.parse(ok)).toBe(ok);
    for (const bad of ['0000-01-01', '9999-01-01', '1899-12-31', '2101-01-01', '2023-02-29', '2024-02-30', '2024-1-1', 'abc', '', '2024-01-01\u0000']) {
      expect(messages(isoDate, bad), bad).toEqual([DATE_MESSAGE]);
    }
    expect(isoDate.safeParse(20240101).success).toBe(false);
  });

  it('works inside objects: the issue names the field', () => {
    const body = z.object({ takeoverDate: isoDate });
    const issues = body.safeParse({ takeoverDate: '9999-01-01' }).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([['takeoverDate', DATE_MESSAGE]]);
  });
});

describe('numbers and ids', () => {
  it('refuse NaN, infinities, fractions where whole numbers are asked, and values out of range', () => {
    const slots = wholeNumber(1, 1000);
    const hours = boundedNumber(0, 80);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 1001, 1.5, -1, 2 ** 53, '5', null]) {
      expect(slots.safeParse(bad).success, String(bad)).toBe(false);
    }
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -0.0001, 80.0001, Number.MAX_VALUE, '8']) expect(hours.safeParse(bad).success, String(bad)).toBe(false);
    expect(slots.parse(1000)).toBe(1000);
    expect(hours.parse(37.5)).toBe(37.5);
    expect(messages(slots, 0)).toEqual(['Expected a whole number 1..1000']);
  });

  it('ids are UUIDs, the message naming what they identify', () => {
    const id = resourceId('a citizen');
    expect(id.parse('0b7e1c4e-4c55-4d5a-9a61-5b3c7c1e2f10')).toBe('0b7e1c4e-4c55-4d5a-9a61-5b3c7c1e2f10');
    expect(messages(id, '0b7e1c4e-4c55-4d5a-9a61-5b3c7c1e2f10\u0000')).toEqual(['Expected a citizen id']);
  });
});
