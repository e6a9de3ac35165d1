// The one date field (decision 027): typed in the UI language's way (da 15-03-1992, fa
// 1992/03/15, …) or picked in a calendar, both with the keyboard; its value is an ISO date
// YYYY-MM-DD ('' while empty or unreadable), so forms and the API are unchanged.
//
// The typing half is plain Mantine TextInput with our parser (DateField.format.ts, no dayjs).
// The calendar button opens a popover whose content — Mantine's DatePicker, dayjs and the
// locales — is a lazy chunk loaded on the first open, so pages that only show dates, and the
// citizen's own page, carry none of it.
import { lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Loader, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../domain/fip/index.ts';
import { DATE_RANGE, DATE_PATTERNS, formatDateInput, parseDateInput, type DateParse } from './DateField.format.ts';
import { isLang } from '../../i18n/index.ts';

const DateFieldPicker = lazy(() => import('./DateField.picker.tsx'));

type Refusal = Exclude<DateParse, { ok: true }>['reason'];

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> {
  name: string;
  /** ISO YYYY-MM-DD, or '' for none. */
  value: string;
  /** ISO YYYY-MM-DD of what is typed or picked; '' while empty or not a date (the field says why). */
  onChange: (iso: string) => void;
  error?: ReactNode;
}

/** The pattern a language writes dates in, in its own letters (da dd-mm-åååå). */
function usePatternText(lang: Lang): { pattern: string; example: string } {
  const { t } = useTranslation();
  const example = formatDateInput('1992-03-15', lang);
  return { pattern: t('dateField.placeholder', { example }), example };
}

function CalendarIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}

/** Description, error and typed text with enough contrast (WCAG AA; Mantine's defaults are lighter). */
export const READABLE_FIELD = {
  description: { color: 'var(--mantine-color-gray-8)' },
  error: { color: 'var(--mantine-color-red-9)' },
  input: { color: 'var(--mantine-color-black)' },
} as const;

export function DateField({ name, value, onChange, error, disabled, readOnly, size, styles, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'da';
  const { pattern, example } = usePatternText(lang);
  const [text, setText] = useState(() => formatDateInput(value, lang));
  const [touched, setTouched] = useState(false);
  const [opened, setOpened] = useState(false);
  const dropdownId = useId();

  // The value changed from outside (a computed default, a reset) or the language changed: show
  // it. Our own onChange('') for unreadable text leaves that text in place, with its message.
  const shownLang = useRef(lang);
  useEffect(() => {
    const current = parseDateInput(text, lang);
    const langChanged = shownLang.current !== lang;
    shownLang.current = lang;
    if (langChanged && (current.ok || text.trim() === '')) {
      setText(formatDateInput(value, lang));
      return;
    }
    const shown = current.ok ? current.iso : '';
    const keepUnreadable = value === '' && !current.ok && text.trim() !== '';
    if (shown !== value && !keepUnreadable) setText(formatDateInput(value, lang));
  }, [value, lang]); // text is read, not watched: typing must not re-write itself

  const parsed = parseDateInput(text, lang);
  const refusal: Refusal | null = parsed.ok || parsed.reason === 'empty' ? null : parsed.reason;
  const ownError = refusal && touched
    ? t(`dateField.errors.${refusal}`, { pattern, example, min: formatDateInput(DATE_RANGE.min, lang), max: formatDateInput(DATE_RANGE.max, lang) })
    : null;

  const onType = (next: string) => {
    setText(next);
    const p = parseDateInput(next, lang);
    const iso = p.ok ? p.iso : '';
    if (iso !== value) onChange(iso);
  };

  const onPick = (iso: string) => {
    setText(formatDateInput(iso, lang));
    setTouched(false);
    if (iso !== value) onChange(iso);
    setOpened(false); // the popover returns the focus to the calendar button (the dialog pattern)
  };

  const button = (
    <ActionIcon
      variant="subtle"
      color="gray.8"
      aria-label={t('dateField.openPicker')}
      aria-haspopup="dialog"
      aria-expanded={opened}
      aria-controls={opened ? dropdownId : undefined}
      onClick={() => setOpened((o) => !o)}
      disabled={disabled || readOnly}
      data-date-picker-button={name}
    >
      <CalendarIcon />
    </ActionIcon>
  );

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus returnFocus withinPortal withRoles={false} shadow="md">
      <Popover.Target>
        <TextInput
          {...rest}
          size={size}
          name={name}
          value={text}
          onChange={(e) => onType(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          placeholder={pattern}
          error={ownError ?? error}
          disabled={disabled}
          readOnly={readOnly}
          inputMode="numeric"
          autoComplete="off"
          dir="ltr"
          rightSection={button}
          rightSectionPointerEvents="all"
          styles={styles ?? READABLE_FIELD}
          data-date-field={DATE_PATTERNS[lang].order}
        />
      </Popover.Target>
      <Popover.Dropdown id={dropdownId} role="dialog" aria-label={t('dateField.openPicker')} p="xs">
        {opened && (
          <Suspense fallback={<Loader size="sm" aria-label={t('dateField.loading')} />}>
            <DateFieldPicker value={parsed.ok ? parsed.iso : value} lang={lang} onPick={onPick} onClose={() => setOpened(false)} />
          </Suspense>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
