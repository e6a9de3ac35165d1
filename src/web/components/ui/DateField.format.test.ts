import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../domain/fip/index.ts';
import { DATE_PATTERNS, formatDateInput, parseDateInput } from './DateField.format.ts';

describe('formatDateInput: each language its own order, never month first', () => {
  it.each([
    ['da', '15-03-1992'],
    ['en', '15/03/1992'],
    ['ar', '15/03/1992'],
    ['so', '15/03/1992'],
    ['ti', '15/03/1992'],
    ['fa', '1992/03/15'],
  ] as const)('%s: 1992-03-15 → %s', (lang, text) => {
    expect(formatDateInput('1992-03-15', lang)).toBe(text);
  });

  it('writes nothing for an empty or broken value', () => {
    expect(formatDateInput('', 'da')).toBe('');
    expect(formatDateInput('15-03-1992', 'da')).toBe('');
  });
});

describe('parseDateInput', () => {
  it('reads the typed Danish date: "15-03-1992" → 1992-03-15', () => {
    expect(parseDateInput('15-03-1992', 'da')).toEqual({ ok: true, iso: '1992-03-15' });
  });

  it.each(LANGS)('%s: reads back what it writes, for dates across the range', (lang) => {
    for (const iso of ['1900-01-01', '1992-03-15', '2000-02-29', '2026-12-07', '2100-12-31']) {
      expect(parseDateInput(formatDateInput(iso, lang), lang)).toEqual({ ok: true, iso });
    }
  });

  it.each([
    ['da', '1.3.1992', '1992-03-01'],
    ['da', '01/03/1992', '1992-03-01'],
    ['da', ' 15 03 1992 ', '1992-03-15'],
    ['da', '15031992', '1992-03-15'],
    ['da', '1992-03-15', '1992-03-15'], // an ISO date pasted
    ['en', '15/3/1992', '1992-03-15'],
    ['ar', '١٥/٠٣/١٩٩٢', '1992-03-15'], // Arabic-Indic digits
    ['ar', '\u200F15/03/1992', '1992-03-15'], // a right-to-left mark from the keyboard
    ['fa', '۱۹۹۲/۰۳/۱۵', '1992-03-15'], // Persian digits, year first
    ['fa', '19920315', '1992-03-15'],
    ['fa', '15/03/1992', '1992-03-15'], // a four-digit last part is the year in every language
    ['ti', '29/02/2000', '2000-02-29'],
  ] as const)('%s: %j → %s', (lang, text, iso) => {
    expect(parseDateInput(text, lang)).toEqual({ ok: true, iso });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['15-03-92', 'twoDigitYear'],
    ['31-02-1992', 'noSuchDate'],
    ['29-02-1900', 'noSuchDate'],
    ['00-01-1992', 'noSuchDate'],
    ['15-13-1992', 'noSuchDate'],
    ['31-12-1899', 'range'],
    ['01-01-2101', 'range'],
    ['15-03-19922', 'format'],
    ['15. marts 1992', 'format'],
    ['1992-03', 'format'],
    ['abc', 'format'],
    ['1500-03-1992', 'format'],
  ] as const)('refuses %j (%s)', (text, reason) => {
    expect(parseDateInput(text, 'da')).toEqual({ ok: false, reason });
  });

  it('has a pattern for every UI language', () => {
    expect(Object.keys(DATE_PATTERNS).sort()).toEqual([...LANGS].sort());
  });
});

describe('every refusal has a message in all six languages', () => {
  const reasons = ['format', 'twoDigitYear', 'noSuchDate', 'range'] as const;
  it.each(LANGS)('%s', async (lang) => {
    const bundle = (await import(`../../i18n/locales/date-field/${lang}.json`)).default as { dateField: { errors: Record<string, string>; placeholder: string } };
    for (const reason of reasons) {
      const message = bundle.dateField.errors[reason];
      expect(message, reason).toBeTruthy();
      expect(message?.trim().length, reason).toBeGreaterThan(5);
    }
    // What parseDateInput refuses maps onto these keys, and nothing else.
    for (const text of ['abc', '15-03-92', '31-02-1992', '01-01-2101']) {
      const r = parseDateInput(text, lang);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(reasons).toContain(r.reason);
    }
    expect(bundle.dateField.placeholder).toBeTruthy();
  });
});
