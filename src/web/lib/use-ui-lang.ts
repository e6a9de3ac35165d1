// Switch the UI language: i18next, <html lang dir>, Mantine's direction, localStorage.
import { useCallback } from 'react';
import { useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRtl, type Lang } from '../../domain/fip/index.ts';
import { applyDocumentLang, isLang, loadLanguage, rememberLang } from '../i18n/index.ts';

export function useUiLang(): { lang: Lang; setLang: (lang: Lang, remember?: boolean) => void } {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'da';
  const setLang = useCallback(
    (next: Lang, remember = true) => {
      if (remember) rememberLang(next);
      // The language's strings first (loaded once, on first use), then the switch: never a page of raw keys.
      void loadLanguage(next)
        .then(() => i18n.changeLanguage(next))
        .then(() => {
          applyDocumentLang(next);
          setDirection(isRtl(next) ? 'rtl' : 'ltr');
        })
        .catch(() => undefined);
    },
    [i18n, setDirection],
  );
  return { lang, setLang };
}
