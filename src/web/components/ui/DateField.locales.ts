// dayjs locales for the date picker, one per UI language (decision 027). Loaded only with the
// picker (DateField.picker.tsx, a lazy chunk), never by the typing half of the field.
//
// dayjs ships da, en, ar and fa; it has no Somali or Tigrinya, so those two are written here:
// Somali month and weekday names as CLDR has them, Tigrinya month names the ones lib/dates.ts
// shows in the rest of the app (Chromium has no Tigrinya date data), weekdays as CLDR. The
// Arabic and Farsi presets are used without their digit conversion (postformat), so the picker
// shows Western digits like the field it fills.
import dayjs from 'dayjs';
import ar from 'dayjs/locale/ar.js';
import da from 'dayjs/locale/da.js';
import en from 'dayjs/locale/en.js';
import fa from 'dayjs/locale/fa.js';
import type { Lang } from '../../../domain/fip/index.ts';
import { SO_MONTHS, SO_MONTHS_SHORT, TI_MONTHS, TI_MONTHS_SHORT } from './month-names.ts';

type DayjsLocale = Parameters<typeof dayjs.locale>[0] & object;

const so: DayjsLocale = {
  name: 'jobvej-so',
  months: [...SO_MONTHS],
  monthsShort: [...SO_MONTHS_SHORT],
  weekdays: ['Axad', 'Isniin', 'Talaado', 'Arbaco', 'Khamiis', 'Jimco', 'Sabti'],
  weekdaysShort: ['Axd', 'Isn', 'Tldo', 'Arbc', 'Khms', 'Jmc', 'Sbti'],
  weekdaysMin: ['Ax', 'Is', 'Ta', 'Ar', 'Kh', 'Ji', 'Sa'],
  weekStart: 1,
  formats: { LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'DD/MM/YYYY', LL: 'D MMMM YYYY', LLL: 'D MMMM YYYY HH:mm', LLLL: 'dddd, D MMMM YYYY HH:mm' },
  relativeTime: {},
};

const ti: DayjsLocale = {
  name: 'jobvej-ti',
  months: [...TI_MONTHS],
  monthsShort: [...TI_MONTHS_SHORT],
  weekdays: ['ሰንበት', 'ሰኑይ', 'ሰሉስ', 'ረቡዕ', 'ሓሙስ', 'ዓርቢ', 'ቀዳም'],
  weekdaysShort: ['ሰን', 'ሰኑ', 'ሰሉ', 'ረቡ', 'ሓሙ', 'ዓር', 'ቀዳ'],
  weekdaysMin: ['ሰን', 'ሰኑ', 'ሰሉ', 'ረቡ', 'ሓሙ', 'ዓር', 'ቀዳ'],
  weekStart: 1,
  formats: { LT: 'HH:mm', LTS: 'HH:mm:ss', L: 'DD/MM/YYYY', LL: 'D MMMM YYYY', LLL: 'D MMMM YYYY HH:mm', LLLL: 'dddd, D MMMM YYYY HH:mm' },
  relativeTime: {},
};

/** A preset without its digit conversion (Arabic-Indic / Persian digits), under our own name. */
function westernDigits(preset: DayjsLocale, name: string): DayjsLocale {
  const { postformat: _post, preparse: _pre, ...rest } = preset as DayjsLocale & { postformat?: unknown; preparse?: unknown };
  return { ...rest, name };
}

const LOCALES: Readonly<Record<Lang, DayjsLocale>> = {
  da: { ...(da as DayjsLocale), name: 'jobvej-da' },
  en: { ...(en as DayjsLocale), name: 'jobvej-en' },
  ar: westernDigits(ar as DayjsLocale, 'jobvej-ar'),
  fa: westernDigits(fa as DayjsLocale, 'jobvej-fa'),
  so,
  ti,
};

for (const locale of Object.values(LOCALES)) dayjs.locale(locale, undefined, true);

/** The registered dayjs locale name for a UI language (pass it to Mantine's `locale`). */
export function dayjsLocale(lang: Lang): string {
  return LOCALES[lang].name;
}

/** The month names of a UI language, January first (for tests and labels). */
export function monthNames(lang: Lang): readonly string[] {
  return LOCALES[lang].months ?? [];
}
