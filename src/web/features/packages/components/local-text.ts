// Package content (templates) is written in Danish with an English translation: English for an
// English UI, Danish otherwise (the caseworkers' working language), tagged with its language.
import type { Lang } from '../../../../domain/fip/index.ts';
import type { LocalTextView } from '../../../lib/types.ts';

export function localText(text: LocalTextView, lang: Lang): { text: string; lang: 'da' | 'en' } {
  return lang === 'en' ? { text: text.en, lang: 'en' } : { text: text.da, lang: 'da' };
}

/**
 * Field styles with enough contrast (WCAG AA) for the description, the error message and the
 * text typed into a field in its error state (Mantine's defaults are lighter).
 */
export const readableField = {
  description: { color: 'var(--mantine-color-gray-8)' },
  error: { color: 'var(--mantine-color-red-9)' },
  input: { color: 'var(--mantine-color-black)' },
} as const;
