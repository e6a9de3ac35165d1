// Is a text written in the script of its language? Shared by the instrument and UI-string tests.
//
// Rule: at least 80 % of the letters (\p{L}) are in the expected script, and no letter comes from
// the other two of our three scripts (Latin, Arabic, Ethiopic). Interpolation placeholders
// ({{count}}, and the text inside them), i18next nesting ($t(key)), markup tags (<0>, </strong>)
// and brand names (jobvej, FIP, CPR, CVR) are removed before counting.

export type Script = 'latin' | 'arabic' | 'ethiopic';

export const SCRIPT_OF_LANG = {
  da: 'latin', en: 'latin', so: 'latin', ar: 'arabic', fa: 'arabic', ti: 'ethiopic',
} as const satisfies Record<string, Script>;
export type CheckedLang = keyof typeof SCRIPT_OF_LANG;

/** Terms written the same way in every language. */
export const IGNORED_TERMS: readonly string[] = ['jobvej', 'FIP', 'CPR', 'CVR'];

/** Share of letters that must be in the expected script. */
export const MIN_SCRIPT_SHARE = 0.8;

const SCRIPT_TEST: Record<Script, RegExp> = {
  latin: /\p{Script=Latin}/u,
  arabic: /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u,
  ethiopic: /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/u,
};

/** The script of one character, or null when it is none of our three. */
export function scriptOf(char: string): Script | null {
  for (const script of ['latin', 'arabic', 'ethiopic'] as const) {
    if (SCRIPT_TEST[script].test(char)) return script;
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text with placeholders, nesting, tags and brand names removed. */
export function stripNonLanguage(text: string, ignoredTerms: readonly string[] = IGNORED_TERMS): string {
  let out = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ')
    .replace(/<\/?[A-Za-z0-9]+(?:\s[^<>]*)?\/?>/g, ' ');
  if (ignoredTerms.length > 0) {
    const terms = ignoredTerms.map(escapeRegExp).join('|');
    out = out.replace(new RegExp(`(?<!\\p{L})(?:${terms})(?!\\p{L})`, 'giu'), ' ');
  }
  return out;
}

export interface ScriptReport {
  ok: boolean;
  expected: Script;
  /** Letters counted (after stripping). */
  letters: number;
  /** Letters in the expected script. */
  inScript: number;
  /** Letters from the other two scripts (each breaks the rule). */
  foreign: string[];
  /** Why the text failed, empty when ok. */
  reason: string;
}

/**
 * Check that `text` is written in the script of `lang` (or in `script` directly).
 * A text with no letters left after stripping passes (nothing to judge).
 * @example checkScript('ما مدى أهمية العمل؟', 'ar').ok // true
 * @example checkScript('Hvor godt taler du dansk?', 'ti').ok // false
 */
export function checkScript(text: string, langOrScript: CheckedLang | Script, ignoredTerms?: readonly string[]): ScriptReport {
  const expected: Script = langOrScript in SCRIPT_OF_LANG ? SCRIPT_OF_LANG[langOrScript as CheckedLang] : (langOrScript as Script);
  const letters = [...stripNonLanguage(text, ignoredTerms)].filter((ch) => /\p{L}/u.test(ch));
  let inScript = 0;
  const foreign: string[] = [];
  for (const ch of letters) {
    const s = scriptOf(ch);
    if (s === expected) inScript += 1;
    else if (s !== null) foreign.push(ch);
  }
  const share = letters.length === 0 ? 1 : inScript / letters.length;
  let reason = '';
  if (foreign.length > 0) reason = `letters from another script: ${[...new Set(foreign)].join('')}`;
  else if (share < MIN_SCRIPT_SHARE) reason = `only ${Math.round(share * 100)} % of ${letters.length} letters are ${expected}`;
  return { ok: reason === '', expected, letters: letters.length, inScript, foreign, reason };
}

/** True when `text` is written in the script of `lang` (see checkScript). */
export function isWrittenInScript(text: string, lang: CheckedLang | Script, ignoredTerms?: readonly string[]): boolean {
  return checkScript(text, lang, ignoredTerms).ok;
}

/** Flatten nested JSON objects of strings to { 'a.b.c': 'text' }. Throws on a value that is not a string or object. */
export function flattenStrings(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value === 'string') {
    out[prefix] = value;
    return out;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${prefix || '(root)'}: expected a string or an object of strings`);
  }
  for (const [key, v] of Object.entries(value)) Object.assign(out, flattenStrings(v, prefix ? `${prefix}.${key}` : key));
  return out;
}
