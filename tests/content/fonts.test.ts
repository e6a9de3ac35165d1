// The shipped fonts (src/web/public/fonts) cover every Arabic-script and Ethiopic character jobvej shows.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fip from '../../content/instruments/fip-v1.json';
import { codePointsOf } from './font-cmap.ts';
import { scriptOf } from './script-check.ts';
import { readUiLocale } from './ui-locales.ts';

const FONTS = fileURLToPath(new URL('../../src/web/public/fonts/', import.meta.url));
const font = (file: string) => codePointsOf(new Uint8Array(readFileSync(`${FONTS}${file}`)));

/** All strings in a language: instrument texts plus UI strings. */
function stringsIn(lang: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === lang && x && typeof x === 'object' && 'text' in x && typeof x.text === 'string') out.push(x.text);
        else walk(x);
      }
    }
  };
  walk(fip);
  out.push(...Object.values(readUiLocale(lang)));
  return out;
}

function missing(cps: Set<number>, texts: string[], script: 'arabic' | 'ethiopic'): string[] {
  const chars = new Set(texts.flatMap((t) => [...t]).filter((ch) => scriptOf(ch) === script));
  return [...chars].filter((ch) => !cps.has(ch.codePointAt(0) ?? 0)).map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()} ${ch}`);
}

describe('shipped fonts', () => {
  it('are the four Noto TTFs with the OFL and a stylesheet pointing at them', () => {
    const files = readdirSync(FONTS).sort();
    expect(files).toEqual(['NotoSansArabic-Bold.ttf', 'NotoSansArabic-Regular.ttf', 'NotoSansEthiopic-Bold.ttf', 'NotoSansEthiopic-Regular.ttf', 'OFL.txt', 'fonts.css']);
    expect(readFileSync(`${FONTS}OFL.txt`, 'utf8')).toMatch(/SIL OPEN FONT LICENSE Version 1\.1/);
    const css = readFileSync(`${FONTS}fonts.css`, 'utf8');
    const urls = [...css.matchAll(/url\('\.\/([^']+)'\)/g)].map((m) => m[1]);
    expect(urls.sort()).toEqual(files.filter((f) => f.endsWith('.ttf')));
    expect(css.match(/font-display: swap/g)).toHaveLength(4);
    expect(css.match(/unicode-range:/g)).toHaveLength(4);
  });

  it.each(['NotoSansEthiopic-Regular.ttf', 'NotoSansEthiopic-Bold.ttf'])('%s has every Tigrinya character', (file) => {
    const cps = font(file);
    expect(cps.has(0x1200)).toBe(true);
    const ti = stringsIn('ti');
    expect(ti.length).toBeGreaterThan(30);
    expect(missing(cps, ti, 'ethiopic')).toEqual([]);
  });

  it.each(['NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf'])('%s has every Arabic and Farsi character', (file) => {
    const cps = font(file);
    expect(cps.has(0x0627)).toBe(true);
    expect(cps.has(0x06cc)).toBe(true); // Farsi yeh
    expect(missing(cps, [...stringsIn('ar'), ...stringsIn('fa')], 'arabic')).toEqual([]);
  });

  it('the cmap reader finds nothing Ethiopic in the Arabic font', () => {
    expect(font('NotoSansArabic-Regular.ttf').has(0x1200)).toBe(false);
  });
});
