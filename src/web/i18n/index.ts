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
      da: { translation: da },
      en: { translation: en },
      ar: { translation: ar },
      fa: { translation: fa },
      so: { translation: so },
      ti: { translation: ti },
    },
    lng: lang,
    fallbackLng: 'da',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLang(lang);
}

export const LANGUAGE_NAMES: Record<Lang, string> = {
  da: 'Dansk',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  so: 'Soomaali',
  ti: 'ትግርኛ',
};

export { i18n };
