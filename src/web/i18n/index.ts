// i18next with the six UI languages; the choice is remembered in localStorage and mirrored
// on <html lang dir>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, isRtl, type Lang } from '../../domain/fip/index.ts';
import da from './locales/da.json';
import languageNames from './language-names.json';

/**
 * Feature bundles: src/web/i18n/locales/<feature>/<lang>.json, each holding one top-level
 * namespace object (e.g. {"packages": {...}}), merged over the core file of the language.
 * Separate files let features be translated and reviewed on their own.
 *
 * Danish (the default and every language's fallback) is in the first load; each other language's
 * strings are a chunk of their own, loaded when it is first shown — a page in Danish carries none
 * of the other five languages' strings.
 */
const DANISH_FEATURES = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/da.json', { eager: true });
const CORES = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/*.json', '!./locales/da.json']);
const FEATURES = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/*/*.json', '!./locales/*/da.json']);

function merged(lang: Lang, core: Record<string, unknown>, features: [string, Record<string, unknown>][]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...core };
  for (const [path, bundle] of features) {
    if (!path.endsWith(`/${lang}.json`)) continue;
    for (const [key, value] of Object.entries(bundle)) {
      if (key in out) throw new Error(`UI strings: ${path} redefines "${key}"`);
      out[key] = value;
    }
  }
  return out;
}

const loading = new Map<Lang, Promise<void>>();

/** Makes a language's strings available (Danish always is); resolves when they are. */
export function loadLanguage(lang: Lang): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    const core = CORES[`./locales/${lang}.json`];
    const parts = Object.entries(FEATURES).filter(([path]) => path.endsWith(`/${lang}.json`));
    pending = Promise.all([core ? core() : Promise.resolve({ default: {} }), ...parts.map(([path, load]) => load().then((m) => [path, m.default] as [string, Record<string, unknown>]))]).then(
      ([coreModule, ...features]) => {
        i18n.addResourceBundle(lang, 'translation', merged(lang, (coreModule as { default: Record<string, unknown> }).default, features as [string, Record<string, unknown>][]));
      },
    );
    // A failed load (offline) may be tried again later.
    pending.catch(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}

const STORAGE_KEY = 'jobvej.lang';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : 'da';
  } catch {
    return 'da';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts this page only */
  }
}

export function applyDocumentLang(lang: Lang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
}

/** Starts i18next in the remembered language; resolves once its strings are loaded (at once for Danish). */
export async function initI18n(): Promise<void> {
  const lang = storedLang();
  const danish = merged('da', da, Object.entries(DANISH_FEATURES).map(([path, m]) => [path, m.default]));
  await i18n.use(initReactI18next).init({
    resources: { da: { translation: danish } },
    lng: 'da',
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lang !== 'da') {
    try {
      await loadLanguage(lang);
      await i18n.changeLanguage(lang);
    } catch {
      // Offline before the language's strings were ever loaded: Danish, the fallback, until they can be.
      applyDocumentLang('da');
      return;
    }
  }
  applyDocumentLang(lang);
}

/** Each language's own name (src/web/i18n/language-names.json, shared with the citizen's mode). */
export const LANGUAGE_NAMES: Record<Lang, string> = languageNames;

export { i18n };
