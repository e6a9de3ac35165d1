// i18next with the six UI languages; the choice is remembered in localStorage and mirrored
// on <html lang dir>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, isRtl, type Lang } from '../../domain/fip/index.ts';
import da from './locales/da.json';
import en from './locales/en.json';
import ar from './locales/ar.json';
import fa from './locales/fa.json';
import so from './locales/so.json';
import ti from './locales/ti.json';
import languageNames from './language-names.json';

/**
 * Feature bundles: src/web/i18n/locales/<feature>/<lang>.json, each holding one top-level
 * namespace object (e.g. {"packages": {...}}), merged over the core file of the language.
 * Separate files let features be translated and reviewed on their own.
 */
const FEATURE_BUNDLES = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

function withFeatures(lang: Lang, core: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...core };
  for (const [path, mod] of Object.entries(FEATURE_BUNDLES)) {
    if (!path.endsWith(`/${lang}.json`)) continue;
    for (const [key, value] of Object.entries(mod.default)) {
      if (key in merged) throw new Error(`UI strings: ${path} redefines "${key}"`);
      merged[key] = value;
    }
  }
  return merged;
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

export function initI18n(): void {
  const lang = storedLang();
  void i18n.use(initReactI18next).init({
    resources: {
      da: { translation: withFeatures('da', da) },
      en: { translation: withFeatures('en', en) },
      ar: { translation: withFeatures('ar', ar) },
      fa: { translation: withFeatures('fa', fa) },
      so: { translation: withFeatures('so', so) },
      ti: { translation: withFeatures('ti', ti) },
    },
    lng: lang,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLang(lang);
}

/** Each language's own name (src/web/i18n/language-names.json, shared with the citizen's mode). */
export const LANGUAGE_NAMES: Record<Lang, string> = languageNames;

export { i18n };
