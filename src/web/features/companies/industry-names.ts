// DB07 names for the UI: the reference data ships Danish and English names only, so Danish is
// shown in Danish and English in every other UI language (marked with lang="en" where rendered).
import { db07Name, type Db07Reference } from '../../../domain/companies/index.ts';
import type { Lang } from '../../../domain/fip/index.ts';
import type { IndustriesView, LocalTextView } from '../../lib/types.ts';

export function referenceOf(view: IndustriesView): Db07Reference {
  return {
    sections: view.sections.map((s) => ({ code: s.code, da: s.name.da, en: s.name.en })),
    industries: view.industries.map((i) => ({ code: i.code, section: i.section, da: i.name.da, en: i.name.en })),
  };
}

/** The language the names are shown in for a UI language. */
export function nameLang(lang: Lang): 'da' | 'en' {
  return lang === 'da' ? 'da' : 'en';
}

export function localName(name: LocalTextView | null, lang: Lang): string | null {
  return name ? name[nameLang(lang)] : null;
}

/** `47 · Retail trade …`, or the bare code when the reference does not cover it. */
export function industryLabel(code: string, view: IndustriesView | undefined, lang: Lang): string {
  const name = view ? db07Name(referenceOf(view), code) : null;
  return name ? `${code} · ${name[nameLang(lang)]}` : code;
}
