// Web fonts of the citizen's mode (decision 019): a language written in Arabic (ar, fa) or
// Ethiopic (ti) script registers its own subset faces (Regular and Bold, made by
// scripts/citizen-fonts.mjs at build time); every page also registers the tiny faces holding only
// the language names in those scripts, for the language switcher. A registered face is downloaded
// only when text in its unicode-range is drawn, and an installed Noto font is used first (local()).
import faces from 'virtual:citizen-fonts';
import type { Lang } from '../../domain/fip/index.ts';

const added = new Set<string>();

function add(face: (typeof faces)[number]): void {
  if (added.has(face.url) || typeof FontFace === 'undefined') return;
  added.add(face.url);
  const src = [...face.local.map((name) => `local('${name}')`), `url('${face.url}') format('woff2')`].join(', ');
  const font = new FontFace(face.family, src, { weight: String(face.weight), style: 'normal', display: 'swap', unicodeRange: face.unicodeRange });
  document.fonts.add(font);
}

/**
 * Register the faces a page in `lang` needs (its own script's subset, if any, and the names
 * faces). They load when their text is first drawn: loading them at once, before the first
 * question, was measured to delay the question (3.3 s instead of 2.7 s at 400 kbit/s: the fonts
 * share the line with the strings and the round) without bringing the fonts in sooner.
 */
export function addFontsFor(lang: Lang): void {
  for (const face of faces) if (face.kind === 'names' || face.lang === lang) add(face);
}
