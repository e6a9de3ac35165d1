// The citizen's mode's subset web fonts, listed by vite.config.ts (scripts/citizen-fonts.mjs).
declare module 'virtual:citizen-fonts' {
  const faces: {
    kind: 'lang' | 'names';
    lang?: 'ar' | 'fa' | 'ti';
    script: 'arabic' | 'ethiopic';
    weight: 400 | 700;
    family: string;
    local: string[];
    unicodeRange: string;
    url: string;
  }[];
  export default faces;
}

// The current instrument version, per language (only the citizen's items, that language and Danish).
declare module 'virtual:citizen-instrument' {
  import type { Instrument, Lang } from '../../domain/fip/index.ts';
  export const version: string;
  export const byLang: Record<Lang, () => Promise<Instrument>>;
}
