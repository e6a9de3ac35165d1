// UI strings (src/web/i18n/locales/<lang>.json): all six languages present, every Danish key
// translated, each value in its language's script. Nested or flat JSON objects of strings.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCRIPT_OF_LANG, checkScript, flattenStrings, type CheckedLang } from './script-check.ts';

const LOCALES_DIR = fileURLToPath(new URL('../../src/web/i18n/locales/', import.meta.url));
const LANGS = Object.keys(SCRIPT_OF_LANG) as CheckedLang[];

function readLocales(): Partial<Record<string, Record<string, string>>> {
  const out: Partial<Record<string, Record<string, string>>> = {};
  if (!existsSync(LOCALES_DIR)) return out;
  for (const file of readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.json'))) {
    out[file.replace(/\.json$/, '')] = flattenStrings(JSON.parse(readFileSync(`${LOCALES_DIR}${file}`, 'utf8')));
  }
  return out;
}

/** i18next plural suffixes: each language needs the forms of its own plural rules (Arabic six, Danish two). */
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('UI strings', () => {
  const locales = readLocales();

  it('exist for all six languages', () => {
    expect(Object.keys(locales).filter((l) => (LANGS as string[]).includes(l)).sort()).toEqual([...LANGS].sort());
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
