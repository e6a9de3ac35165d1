// The citizen's page's subset fonts (scripts/citizen-fonts.mjs, decision 019): each language's
// face has every Arabic-script or Ethiopic character of that language's instrument texts and
// citizen-mode strings, the names faces have every language name of their script, the
// unicode-range is exactly what the face holds, and the subsets are small and reproducible.
import { describe, expect, it } from 'vitest';
import { LANG_SCRIPT, SCRIPTS, citizenFontFaces, textsOf } from '../../scripts/citizen-fonts.mjs';
import names from '../../src/web/i18n/language-names.json';
import { codePointsOf } from './font-cmap.ts';

const inScript = (script: 'arabic' | 'ethiopic', cp: number) => SCRIPTS[script].ranges.some(([a, b]) => cp >= a && cp <= b);
const charsOf = (texts: string[], script: 'arabic' | 'ethiopic') =>
  [...new Set(texts.flatMap((t) => [...t]).map((c) => c.codePointAt(0) ?? 0))].filter((cp) => inScript(script, cp));

/** The code points a CSS unicode-range lists. */
function rangeCodePoints(range: string): Set<number> {
  const out = new Set<number>();
  for (const part of range.split(', ')) {
    const [a, b] = part.replace('U+', '').split('-').map((h) => parseInt(h, 16));
    for (let cp = a ?? 0; cp <= (b ?? a ?? 0); cp++) out.add(cp);
  }
  return out;
}

describe('citizen-mode subset fonts', async () => {
  const ttf = await citizenFontFaces({ format: 'truetype' });

  it('are one face per weight for ar, fa and ti, plus one names face per script', () => {
    expect(ttf.map((f) => `${f.kind}:${f.lang ?? f.script}:${f.weight}`).sort()).toEqual(
      ['lang:ar:400', 'lang:ar:700', 'lang:fa:400', 'lang:fa:700', 'lang:ti:400', 'lang:ti:700', 'names:arabic:400', 'names:ethiopic:400'].sort(),
    );
  });

  it.each(Object.entries(LANG_SCRIPT))('the %s faces hold every %s character the language shows, and its script’s language names', (lang, script) => {
    const needed = charsOf([...textsOf(lang), ...Object.values(names)], script);
    expect(needed.length).toBeGreaterThan(20);
    for (const face of ttf.filter((f) => f.lang === lang)) {
      const cps = codePointsOf(new Uint8Array(face.data));
      const missing = needed.filter((cp) => !cps.has(cp) && cp !== 0x200c && cp !== 0x200d);
      expect(missing.map((cp) => `U+${cp.toString(16)}`), `${face.fileName}`).toEqual([]);
      // The unicode-range lists the face's own characters, nothing of another script.
      const range = rangeCodePoints(face.unicodeRange);
      expect(needed.filter((cp) => !range.has(cp))).toEqual([]);
      expect([...range].every((cp) => inScript(script as 'arabic' | 'ethiopic', cp))).toBe(true);
    }
  });

  it('the names faces hold each language name of their script', () => {
    for (const face of ttf.filter((f) => f.kind === 'names')) {
      const cps = codePointsOf(new Uint8Array(face.data));
      const needed = charsOf(Object.values(names), face.script);
      expect(needed.filter((cp) => !cps.has(cp))).toEqual([]);
    }
  });

  it('are small WOFF2 files, the same bytes on every build', async () => {
    const a = await citizenFontFaces();
    const b = await citizenFontFaces();
    for (const [i, face] of a.entries()) {
      expect(face.fileName).toMatch(/^assets\/jv-[a-z]+(-\d+)?(-[a-z]+)?-[0-9a-f]{10}\.woff2$/);
      expect(face.data.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(face.data.length).toBeLessThan(40 * 1024);
      expect(b[i]?.fileName).toBe(face.fileName);
    }
    // The Tigrinya page's fonts stay a fraction of the 343 KB TTF each.
    const ti = a.filter((f) => f.lang === 'ti').reduce((n, f) => n + f.data.length, 0);
    expect(ti).toBeLessThan(60 * 1024);
  });
});
