// Types of scripts/citizen-fonts.mjs (imported by vite.config.ts and tests/content).
export interface CitizenFontFace {
  kind: 'lang' | 'names';
  lang: 'ar' | 'fa' | 'ti' | undefined;
  script: 'arabic' | 'ethiopic';
  weight: 400 | 700;
  family: string;
  local: string[];
  unicodeRange: string;
  fileName: string;
  data: Buffer;
}
export const SCRIPTS: Record<'arabic' | 'ethiopic', { family: string; files: Record<400 | 700, string>; ranges: [number, number][] }>;
export const LANG_SCRIPT: Record<'ar' | 'fa' | 'ti', 'arabic' | 'ethiopic'>;
export function textsOf(lang: string): string[];
export function unicodeRange(cps: number[]): string;
export function citizenFontFaces(opts?: { format?: 'woff2' | 'truetype' }): Promise<CitizenFontFace[]>;
