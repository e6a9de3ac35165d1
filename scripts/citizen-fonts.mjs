// The citizen's mode's web fonts: Noto Sans Arabic and Noto Sans Ethiopic (src/web/public/fonts,
// OFL) subset, with subset-font (HarfBuzz's hb-subset compiled to WebAssembly, from npm), to the
// characters that language's screens can show — every instrument version's texts in it
// (content/instruments/fip-v*.json), the citizen's mode's UI strings in it
// (src/web/i18n/locales/{citizen-mode,handover-lock}/<lang>.json) and the names in the language
// switcher — and written as WOFF2. HarfBuzz keeps what shaping needs (Arabic joining forms,
// ligatures, marks), so a subset renders the same words as the full font.
//
// Used by vite.config.ts at build time (a virtual module lists the faces, each file is emitted
// under a name with its content hash); `node scripts/citizen-fonts.mjs` prints what it makes.
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const ROOT = new URL('..', import.meta.url).pathname;
const FONTS = join(ROOT, 'src', 'web', 'public', 'fonts');

/** The scripts a phone may lack, with the blocks of the source fonts' unicode-range (public/fonts/fonts.css). */
export const SCRIPTS = {
  arabic: {
    family: 'Jobvej Arabic',
    files: { 400: 'NotoSansArabic-Regular.ttf', 700: 'NotoSansArabic-Bold.ttf' },
    local: { 400: ['Noto Sans Arabic', 'NotoSansArabic-Regular'], 700: ['Noto Sans Arabic Bold', 'NotoSansArabic-Bold'] },
    ranges: [[0x0600, 0x06ff], [0x0750, 0x077f], [0x0870, 0x08ff], [0x200c, 0x200e], [0x2010, 0x2011], [0x204f, 0x204f], [0x2e41, 0x2e41], [0xfb50, 0xfdff], [0xfe70, 0xfeff]],
  },
  ethiopic: {
    family: 'Jobvej Ethiopic',
    files: { 400: 'NotoSansEthiopic-Regular.ttf', 700: 'NotoSansEthiopic-Bold.ttf' },
    local: { 400: ['Noto Sans Ethiopic', 'NotoSansEthiopic-Regular'], 700: ['Noto Sans Ethiopic Bold', 'NotoSansEthiopic-Bold'] },
    ranges: [[0x1200, 0x139f], [0x2d80, 0x2ddf], [0xab00, 0xab2f], [0x1e7e0, 0x1e7ff]],
  },
};

/** The languages written in a script the citizen's mode ships a font for. */
export const LANG_SCRIPT = { ar: 'arabic', fa: 'arabic', ti: 'ethiopic' };

const inScript = (script, cp) => SCRIPTS[script].ranges.some(([a, b]) => cp >= a && cp <= b);

function collectTexts(value, lang, out) {
  if (Array.isArray(value)) for (const v of value) collectTexts(v, lang, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === lang && v && typeof v === 'object' && typeof v.text === 'string') out.push(v.text);
      else collectTexts(v, lang, out);
    }
  }
}

function flatStrings(value, out) {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) flatStrings(v, out);
}

/** Every text the citizen's mode can show in `lang`: instrument texts of every version and its UI strings. */
export function textsOf(lang) {
  const out = [];
  const instruments = join(ROOT, 'content', 'instruments');
  for (const f of readdirSync(instruments).filter((n) => /^fip-v\d+\.json$/.test(n)).sort()) {
    collectTexts(JSON.parse(readFileSync(join(instruments, f), 'utf8')), lang, out);
  }
  for (const bundle of ['citizen-mode', 'handover-lock']) {
    flatStrings(JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'i18n', 'locales', bundle, `${lang}.json`), 'utf8')), out);
  }
  return out;
}

const languageNames = () => JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'i18n', 'language-names.json'), 'utf8'));

/** The code points of the script in the texts, sorted. */
function codePoints(texts, script) {
  const set = new Set();
  for (const t of texts) for (const ch of t) {
    const cp = ch.codePointAt(0);
    if (inScript(script, cp)) set.add(cp);
  }
  return [...set].sort((a, b) => a - b);
}

/** A CSS unicode-range for a sorted list of code points (runs collapsed). */
export function unicodeRange(cps) {
  const parts = [];
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    const hex = (n) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(cps[i])}` : `U+${hex(cps[i])}-${hex(cps[j])}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * The faces: for ar, fa and ti one per weight (400, 700) holding the language's characters and
 * its script's language names; plus one "names" face per script (weight 400) with only the
 * language names written in it, which a page in another language needs for its language
 * switcher. `format`: 'woff2' (the build) or 'truetype' (tests read the cmap).
 */
export async function citizenFontFaces({ format = 'woff2' } = {}) {
  const names = languageNames();
  const faces = [];
  const subset = async (script, weight, cps, kind, lang) => {
    const def = SCRIPTS[script];
    const source = readFileSync(join(FONTS, def.files[weight]));
    const data = Buffer.from(await subsetFont(source, String.fromCodePoint(...cps), { targetFormat: format }));
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
    const base = kind === 'names' ? `jv-names-${script}` : `jv-${lang}-${weight}`;
    faces.push({
      kind, lang, script, weight,
      family: kind === 'names' ? `${def.family} Names` : def.family,
      local: def.local[weight],
      unicodeRange: unicodeRange(cps),
      fileName: `assets/${base}-${hash}.${format === 'woff2' ? 'woff2' : 'ttf'}`,
      data,
    });
  };
  for (const [lang, script] of Object.entries(LANG_SCRIPT)) {
    const scriptNames = Object.values(names).filter((n) => codePoints([n], script).length > 0);
    const cps = codePoints([...textsOf(lang), ...scriptNames], script);
    for (const weight of [400, 700]) await subset(script, weight, cps, 'lang', lang);
  }
  for (const script of Object.keys(SCRIPTS)) {
    await subset(script, 400, codePoints(Object.values(names), script), 'names', undefined);
  }
  return faces;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await citizenFontFaces()) {
    console.log(`${f.fileName}  ${(f.data.length / 1024).toFixed(1)} KB  ${f.family} ${f.weight}${f.lang ? ` (${f.lang})` : ''}  ${f.unicodeRange.split(', ').length} ranges`);
  }
}
