// Content names (issue 15): every package-template, module, package-industry, DB07 section and
// reference-industry name and every policy name in all six UI languages, each in its language's
// script, and the drafts (ar, fa, so, ti) flagged unreviewed until a translator has read them.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/fip/index.ts';
import { localNameProblems, nameIn, type LocalName } from '../../src/domain/content-names.ts';
import { checkScript, type CheckedLang } from './script-check.ts';

const root = new URL('../../content/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>;
// Abbreviations written the same way in every language.
const TERMS = ['AMU', 'KL'];

function names(): Array<[string, LocalName]> {
  const out: Array<[string, LocalName]> = [];
  for (const file of readdirSync(new URL('packages/', root)).filter((f) => f.startsWith('vejle-'))) {
    const pkg = read(`packages/${file}`) as { title: LocalName; industry: { name: LocalName }; modules: Array<{ id: string; title: LocalName }> };
    out.push([`${file} title`, pkg.title], [`${file} industry`, pkg.industry.name]);
    for (const m of pkg.modules) out.push([`${file} module ${m.id}`, m.title]);
  }
  const db07 = read('reference/db07.json') as { sections: Array<LocalName & { code: string }>; industries: Array<LocalName & { code: string }> };
  for (const s of [...db07.sections, ...db07.industries]) out.push([`db07 ${s.code}`, s]);
  for (const file of readdirSync(new URL('policies/', root)).filter((f) => f.endsWith('.json') && !f.includes('schema'))) {
    out.push([`policy ${file}`, (read(`policies/${file}`) as { name: LocalName }).name]);
  }
  return out;
}

describe('content names in six languages', () => {
  const all = names();
  it('finds the names (6 packages × 7, 21 sections, the reference industries, the policy)', () => {
    expect(all.length).toBeGreaterThanOrEqual(6 * 7 + 21 + 11 + 1);
  });

  it.each(all)('%s: every language, each in its script, drafts flagged unreviewed', (_label, name) => {
    expect(localNameProblems(name, 'name')).toEqual([]);
    for (const lang of LANGS) {
      const report = checkScript(name[lang] as string, lang as CheckedLang, TERMS);
      expect(report.reason, `${lang}: ${name[lang]}`).toBe('');
      expect(nameIn(name, lang)).toEqual({ text: name[lang], lang });
    }
    expect([...(name.unreviewed ?? [])].sort()).toEqual(['ar', 'fa', 'so', 'ti']);
    // A translation is not a copy of the Danish or English.
    for (const lang of ['ar', 'fa', 'so', 'ti'] as const) expect(name[lang]).not.toBe(name.da);
  });
});

describe('nameIn', () => {
  it('falls back to English for English and to Danish otherwise when a language is missing', () => {
    const old: LocalName = { da: 'Rengøring', en: 'Cleaning' };
    expect(nameIn(old, 'ti')).toEqual({ text: 'Rengøring', lang: 'da' });
    expect(nameIn(old, 'en')).toEqual({ text: 'Cleaning', lang: 'en' });
    expect(nameIn({ ...old, ar: '  ' }, 'ar')).toEqual({ text: 'Rengøring', lang: 'da' });
  });
});
