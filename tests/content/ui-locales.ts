// Reads the web app's UI strings the way src/web/i18n/index.ts merges them: the core file
// locales/<lang>.json plus every feature bundle locales/<feature>/<lang>.json, flattened to
// dotted keys. A feature bundle that redefines a key of the core file or of another bundle is an error.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flattenStrings } from './script-check.ts';

export const LOCALES_DIR = fileURLToPath(new URL('../../src/web/i18n/locales/', import.meta.url));

/** The feature folders under locales/. */
export function featureBundles(): string[] {
  return readdirSync(LOCALES_DIR).filter((f) => statSync(`${LOCALES_DIR}${f}`).isDirectory()).sort();
}

/** Languages with a core file. */
export function coreLangs(): string[] {
  return readdirSync(LOCALES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** All UI strings of a language as dotted keys; {} when the language has no core file. */
export function readUiLocale(lang: string): Record<string, string> {
  const core = `${LOCALES_DIR}${lang}.json`;
  if (!existsSync(core)) return {};
  const out: Record<string, string> = {};
  const topLevel = new Map<string, string>();
  const add = (file: string) => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const key of Object.keys(json)) {
      const earlier = topLevel.get(key);
      if (earlier) throw new Error(`${file} redefines "${key}" (already in ${earlier})`);
      topLevel.set(key, file);
    }
    Object.assign(out, flattenStrings(json));
  };
  add(core);
  for (const feature of featureBundles()) {
    const file = `${LOCALES_DIR}${feature}/${lang}.json`;
    if (existsSync(file)) add(file);
  }
  return out;
}
