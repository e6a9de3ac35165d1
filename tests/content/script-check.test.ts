import { describe, expect, it } from 'vitest';
import { checkScript, flattenStrings, isWrittenInScript, scriptOf, stripNonLanguage } from './script-check.ts';

describe('script check', () => {
  it('knows the three scripts', () => {
    expect(scriptOf('ø')).toBe('latin');
    expect(scriptOf('ع')).toBe('arabic');
    expect(scriptOf('پ')).toBe('arabic');
    expect(scriptOf('ﻻ')).toBe('arabic');
    expect(scriptOf('ሰ')).toBe('ethiopic');
    expect(scriptOf('ⶀ')).toBe('ethiopic');
    expect(scriptOf('Ж')).toBeNull();
  });

  it('accepts text in the right script', () => {
    expect(isWrittenInScript('Hvor godt taler du dansk?', 'da')).toBe(true);
    expect(isWrittenInScript("Intee in le'eg ayaad ku fiican tahay?", 'so')).toBe(true);
    expect(isWrittenInScript('ما مدى أهمية العمل؟', 'ar')).toBe(true);
    expect(isWrittenInScript('چقدر خوب دانمارکی صحبت می‌کنید؟', 'fa')).toBe(true);
    expect(isWrittenInScript('ቋንቋ ዴንማርክ ክንደይ ትዛረቡ?', 'ti')).toBe(true);
  });

  it('rejects text in another script, or with a single letter from one', () => {
    expect(isWrittenInScript('Hvor godt taler du dansk?', 'ar')).toBe(false);
    expect(isWrittenInScript('ما مدى أهمية العمل؟', 'ti')).toBe(false);
    const mixed = checkScript('ቋንቋ ዴንማርክ ክንደይ ትዛረቡ x', 'ti');
    expect(mixed.ok).toBe(false);
    expect(mixed.foreign).toEqual(['x']);
  });

  it('requires 80 % of letters in the script (others like Cyrillic count against it)', () => {
    expect(checkScript('abcd Ж', 'en').ok).toBe(true); // 4 of 5 = 80 %
    expect(checkScript('abc ЖД', 'en').ok).toBe(false); // 3 of 5 = 60 %
  });

  it('ignores placeholders, tags and brand names', () => {
    expect(stripNonLanguage('{{count}} borgere i jobvej')).toBe('  borgere i  ');
    expect(isWrittenInScript('{{count}} ዜጋታት ኣብ jobvej (FIP, CPR, CVR)', 'ti')).toBe(true);
    expect(isWrittenInScript('<0>{{name}}</0> رقم CPR', 'ar')).toBe(true);
    expect(isWrittenInScript('FIPx ዜጋ', 'ti')).toBe(false);
  });

  it('passes a string with no letters', () => {
    expect(isWrittenInScript('{{count}} / 7', 'fa')).toBe(true);
  });

  it('flattens nested objects of strings', () => {
    expect(flattenStrings({ a: 'x', b: { c: 'y', d: { e: 'z' } } })).toEqual({ a: 'x', 'b.c': 'y', 'b.d.e': 'z' });
    expect(() => flattenStrings({ a: 1 })).toThrow(TypeError);
  });
});
