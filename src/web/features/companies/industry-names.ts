// DB07 names for the UI: the reference data names each section and reference industry in the six
// UI languages (content/reference/db07.json, drafts flagged unreviewed); shown through
// contentName (the UI language's text, else Danish / English for English), with its language.
import { db07Name, nameOf, type Db07Reference } from '../../../domain/companies/index.ts';
import type { Lang } from '../../../domain/fip/index.ts';
import { contentName, type LocalName } from '../../components/ui/content-name.ts';
import type { IndustriesView } from '../../lib/types.ts';

export function referenceOf(view: IndustriesView): Db07Reference {
  return {
    sections: view.sections.map((s) => ({ code: s.code, ...nameOf(s.name) })),
    industries: view.industries.map((i) => ({ code: i.code, section: i.section, ...nameOf(i.name) })),
  };
}

/** A name in the UI language with the language it is in, or null. */
export function localName(name: LocalName | null, lang: Lang): { text: string; lang: Lang } | null {
  return name ? contentName(name, lang) : null;
}

/** The name of a code (its own entry or the reference entry covering it) in the UI language, or null. */
export function industryName(code: string, view: IndustriesView | undefined, lang: Lang): { text: string; lang: Lang } | null {
  const name = view ? db07Name(referenceOf(view), code) : null;
  return name ? contentName(name, lang) : null;
}

/** `47 · Detailhandel …` in the UI language, or the bare code when the reference does not cover it. */
export function industryLabel(code: string, view: IndustriesView | undefined, lang: Lang): string {
  const name = industryName(code, view, lang);
  return name ? `${code} · ${name.text}` : code;
}
