// The citizen's mode's UI strings: src/web/i18n/locales/citizen-mode/<lang>.json and
// handover-lock/<lang>.json (decision 010). Danish is in the page's own script (every screen shows
// a Danish line); another language's two files are fetched when that language is chosen, so a
// page carries only the strings of the languages it shows.
import type { Lang } from '../../domain/fip/index.ts';
import daMode from '../i18n/locales/citizen-mode/da.json';
import daLock from '../i18n/locales/handover-lock/da.json';

export type Strings = typeof daMode.citizenMode & { lock: typeof daLock.handoverLock };
export type StringKey = keyof typeof daMode.citizenMode;

const modes = import.meta.glob<typeof daMode>(['../i18n/locales/citizen-mode/*.json', '!../i18n/locales/citizen-mode/da.json'], { import: 'default' });
const locks = import.meta.glob<typeof daLock>(['../i18n/locales/handover-lock/*.json', '!../i18n/locales/handover-lock/da.json'], { import: 'default' });

const loaded = new Map<Lang, Strings>([['da', { ...daMode.citizenMode, lock: daLock.handoverLock }]]);

export function stringsLoaded(lang: Lang): Strings | undefined {
  return loaded.get(lang);
}

/** The strings of a language (Danish at once; another fetched once). */
export async function loadStrings(lang: Lang): Promise<Strings> {
  const have = loaded.get(lang);
  if (have) return have;
  const mode = modes[`../i18n/locales/citizen-mode/${lang}.json`];
  const lock = locks[`../i18n/locales/handover-lock/${lang}.json`];
  if (!mode || !lock) throw new Error(`No UI strings for ${lang}`);
  const [m, l] = await Promise.all([mode(), lock()]);
  const strings = { ...m.citizenMode, lock: l.handoverLock };
  loaded.set(lang, strings);
  return strings;
}

export const DANISH: Strings = loaded.get('da') as Strings;

/** `{{name}}` replaced by the value (i18next's interpolation syntax, which the files use). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
