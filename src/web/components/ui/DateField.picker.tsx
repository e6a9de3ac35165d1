// The calendar of DateField (decision 027): Mantine's DatePicker in the UI language, loaded as
// its own chunk on the first open. Keyboard: the selected day (else today) has the focus when it
// opens; the arrow keys move by day and week (mirrored in right-to-left pages), Enter or Space
// picks, Escape closes (the popover), Tab reaches the month and year controls.
import { useEffect, useRef } from 'react';
import { DatePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import './DateField.picker.css';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../domain/fip/index.ts';
import { DATE_RANGE } from './DateField.format.ts';
import { dayjsLocale } from './DateField.locales.ts';

export interface DateFieldPickerProps {
  value: string;
  lang: Lang;
  onPick: (iso: string) => void;
  onClose: () => void;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export default function DateFieldPicker({ value, lang, onPick, onClose }: DateFieldPickerProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const initial = value || todayIso();

  // Focus the day in the tab order (Mantine gives it tabindex 0: the selected day, else today, else the first).
  useEffect(() => {
    const day = root.current?.querySelector<HTMLButtonElement>('table button[tabindex="0"]');
    day?.focus();
  }, []);

  return (
    <div
      ref={root}
      className="jobvej-date-picker"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <DatePicker
        value={value || null}
        defaultDate={initial}
        onChange={(v) => { if (v) onPick(v); }}
        locale={dayjsLocale(lang)}
        firstDayOfWeek={1}
        minDate={DATE_RANGE.min}
        maxDate={DATE_RANGE.max}
        highlightToday
        ariaLabels={{
          previousMonth: t('dateField.aria.previousMonth'),
          nextMonth: t('dateField.aria.nextMonth'),
          previousYear: t('dateField.aria.previousYear'),
          nextYear: t('dateField.aria.nextYear'),
          previousDecade: t('dateField.aria.previousDecade'),
          nextDecade: t('dateField.aria.nextDecade'),
          monthLevelControl: t('dateField.aria.monthLevelControl'),
          yearLevelControl: t('dateField.aria.yearLevelControl'),
        }}
      />
    </div>
  );
}
