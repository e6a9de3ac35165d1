/** @jsxImportSource preact */
// The citizen chooses the language during the hand-over: a button with the current language's
// name opens the six names, each written in its own language. The Danish line under every
// question stays whatever is chosen.
import { useState } from 'preact/hooks';
import { LANGS, type Lang } from '../../domain/fip/index.ts';
import names from '../i18n/language-names.json';
import type { Strings } from './strings.ts';

export function LanguageSwitch({ lang, strings: s, onChoose }: { lang: Lang; strings: Strings; onChoose: (lang: Lang) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <nav class="jv-langs" aria-label={s.chooseLanguage}>
      <button
        type="button"
        class="jv-btn jv-lang-toggle"
        aria-expanded={open}
        aria-controls="jv-lang-list"
        aria-label={`${s.language}: ${names[lang]}`}
        data-testid="language-switch"
        onClick={() => setOpen(!open)}
      >
        <svg class="jv-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
        <span lang={lang}>{names[lang]}</span>
      </button>
      {open && (
        <ul id="jv-lang-list" class="jv-lang-list">
          {LANGS.map((l) => (
            <li key={l}>
              <button
                type="button"
                class={`jv-btn${l === lang ? ' jv-selected' : ''}`}
                lang={l}
                aria-pressed={l === lang}
                onClick={() => {
                  setOpen(false);
                  onChoose(l);
                }}
              >
                {names[l]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
