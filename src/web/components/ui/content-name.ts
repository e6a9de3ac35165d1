// The one way the web app shows a name from the content (package template, module, industry,
// policy): the UI language's text where the content has it, else Danish (English in an English
// UI), with the language it is in for `lang` (nameIn, src/domain/content-names.ts). Ids and
// codes are never shown in a name's place.
import { nameIn, type LocalName } from '../../../domain/content-names.ts';
import type { Lang } from '../../../domain/fip/index.ts';

export type { LocalName };

/** The text of a content name in a UI language, and its language (for `lang` when it differs). */
export function contentName(name: LocalName, lang: Lang): { text: string; lang: Lang } {
  return nameIn(name, lang);
}

/** `lang` for an element holding `text`: only when it differs from the UI language. */
export function langAttr(text: { lang: Lang }, uiLang: Lang): Lang | undefined {
  return text.lang === uiLang ? undefined : text.lang;
}

/**
 * A package's name: its template's title in the UI language while the package keeps the default
 * name (the template's Danish title, or its English one); a name someone gave it is shown as given.
 */
export function packageName(pkg: { name: string; title?: LocalName | null }, lang: Lang): { text: string; lang: Lang } {
  const title = pkg.title;
  if (title && (pkg.name === title.da || pkg.name === title.en)) return nameIn(title, lang);
  return { text: pkg.name, lang }; // a given name: its language is not known, so none is claimed
}
