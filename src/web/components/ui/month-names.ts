// Month names the browser may not have: Chromium ships no Tigrinya date data (and not every build
// has Somali), so Intl falls back to another language there. Tigrinya's are the ones lib/dates.ts
// writes dates with; Somali's as CLDR has them. Used by the date picker's dayjs locales and the
// timeline's axis.
import type { Lang } from '../../../domain/fip/index.ts';
import { TI_MONTHS } from '../../lib/dates.ts';

export const SO_MONTHS = ['Jannaayo', 'Febraayo', 'Maarso', 'Abriil', 'Maayo', 'Juun', 'Luulyo', 'Ogosto', 'Sebteembar', 'Oktoobar', 'Noofeembar', 'Diseembar'] as const;
export const SO_MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Abr', 'May', 'Jun', 'Lul', 'Ogs', 'Seb', 'Okt', 'Nof', 'Dis'] as const;
export const TI_MONTHS_SHORT = ['ጥሪ', 'ለካ', 'መጋ', 'ሚያ', 'ግን', 'ሰነ', 'ሓም', 'ነሓ', 'መስ', 'ጥቅ', 'ሕዳ', 'ታሕ'] as const;

/** Shipped short month names (January first) for the languages Intl may lack; null for the others. */
export function shippedShortMonths(lang: Lang): readonly string[] | null {
  if (lang === 'ti') return TI_MONTHS_SHORT;
  if (lang === 'so') return SO_MONTHS_SHORT;
  return null;
}

export { TI_MONTHS };
