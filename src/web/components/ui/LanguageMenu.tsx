import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../../../domain/fip/index.ts';
import { LANGUAGE_NAMES } from '../../i18n/index.ts';
import { useUiLang } from '../../lib/use-ui-lang.ts';

export function LanguageMenu() {
  const { t } = useTranslation();
  const { lang, setLang } = useUiLang();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" aria-label={`${t('app.language')}: ${LANGUAGE_NAMES[lang]}`}>
          {LANGUAGE_NAMES[lang]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGS.map((l) => (
          <Menu.Item key={l} lang={l} onClick={() => setLang(l)} aria-current={l === lang ? 'true' : undefined}>
            {LANGUAGE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
