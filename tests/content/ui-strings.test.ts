// UI strings (src/web/i18n/locales/<lang>.json plus feature bundles <feature>/<lang>.json): all
// six languages present, every Danish key translated, each value in its language's script.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCRIPT_OF_LANG, checkScript, type CheckedLang } from './script-check.ts';
import { LOCALES_DIR, coreLangs, featureBundles, readUiLocale } from './ui-locales.ts';

const LANGS = Object.keys(SCRIPT_OF_LANG) as CheckedLang[];

function readLocales(): Partial<Record<string, Record<string, string>>> {
  const out: Partial<Record<string, Record<string, string>>> = {};
  for (const lang of coreLangs()) out[lang] = readUiLocale(lang);
  return out;
}

/** i18next plural suffixes: each language needs the forms of its own plural rules (Arabic six, Danish two). */
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('UI strings', () => {
  const locales = readLocales();

  it('exist for all six languages', () => {
    expect(Object.keys(locales).filter((l) => (LANGS as string[]).includes(l)).sort()).toEqual([...LANGS].sort());
  });

  it.each(featureBundles())('feature bundle %s has a file for every language', (feature) => {
    expect(LANGS.filter((l) => !existsSync(`${LOCALES_DIR}${feature}/${l}.json`))).toEqual([]);
  });

  it.each(LANGS.filter((l) => l !== 'da'))('%s has every Danish key (plural keys in the forms the language needs)', (lang) => {
    const da = locales.da ?? {};
    const other = locales[lang] ?? {};
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const required = new Set<string>();
    for (const key of Object.keys(da)) {
      if (PLURAL.test(key)) for (const c of categories) required.add(`${key.replace(PLURAL, '')}_${c}`);
      else required.add(key);
    }
    expect([...required].filter((k) => !(k in other))).toEqual([]);
  });

  it.each(LANGS)('%s values are written in the language\'s script', (lang) => {
    const failures = Object.entries(locales[lang] ?? {})
      .map(([key, text]) => ({ key, text, report: checkScript(text, lang) }))
      .filter((f) => !f.report.ok)
      .map((f) => `${f.key}: ${f.report.reason} — ${f.text}`);
    expect(failures).toEqual([]);
  });
});
