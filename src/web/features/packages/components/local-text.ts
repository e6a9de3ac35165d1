// Package content (templates): names (package, module, industry) in the six UI languages, goals
// and measures in Danish with an English translation; shown in the UI language where the content
// has it, else English for an English UI and Danish otherwise, tagged with its language
// (contentName, components/ui/content-name.ts).
import type { Lang } from '../../../../domain/fip/index.ts';
import { contentName, type LocalName } from '../../../components/ui/content-name.ts';

export function localText(text: LocalName, lang: Lang): { text: string; lang: Lang } {
  return contentName(text, lang);
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
