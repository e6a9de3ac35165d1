// Names in the content (package templates, their modules and industries, DB07 sections and
// reference industries, policies): Danish and English, and the four other UI languages as
// translations flagged unreviewed until a translator has read them (issue 15; the way the
// instrument's texts carry a reviewed flag). One rule for which text a UI language shows.
import { LANGS, type Lang } from './fip/index.ts';

export interface LocalName {
  readonly da: string;
  readonly en: string;
  readonly ar?: string;
  readonly fa?: string;
  readonly so?: string;
  readonly ti?: string;
  /** Languages whose text is a draft not yet reviewed. */
  readonly unreviewed?: Lang[];
}

/**
 * The text of a name for a UI language, and the language it is in: the language's own text when
 * the content has it, else English for English and Danish for every other language (the
 * caseworkers' working language; names stored before the translations existed have only these).
 * @example nameIn({ da: 'Rengøring', en: 'Cleaning', ti: 'ጽሬት' }, 'ti') // { text: 'ጽሬት', lang: 'ti' }
 */
export function nameIn(name: LocalName, lang: Lang): { text: string; lang: Lang } {
  const own = name[lang];
  if (typeof own === 'string' && own.trim() !== '') return { text: own, lang };
  return lang === 'en' ? { text: name.en, lang: 'en' } : { text: name.da, lang: 'da' };
}

/** Problems of a name in content JSON (every language present and non-empty, `unreviewed` known languages); [] when fine. */
export function localNameProblems(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object with a text per language`];
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const lang of LANGS) {
    if (typeof v[lang] !== 'string' || (v[lang] as string).trim() === '') problems.push(`${path}.${lang}: expected a non-empty text`);
  }
  if (v.unreviewed !== undefined && !(Array.isArray(v.unreviewed) && v.unreviewed.every((l) => (LANGS as readonly unknown[]).includes(l)))) {
    problems.push(`${path}.unreviewed: expected a list of languages`);
  }
  return problems;
}
