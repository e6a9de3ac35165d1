// Every warning code the evaluation emits has its sentence in each UI language's
// evaluation-warnings bundle (the web app writes warnings in the reader's language).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../../src/evaluation/warnings.ts';
import { SCRIPT_OF_LANG } from './script-check.ts';

describe('evaluation warnings in the UI languages', () => {
  it.each(Object.keys(SCRIPT_OF_LANG))('%s has exactly the evaluation’s warning codes, with the English sentence’s placeholders', (lang) => {
    const read = (l: string) => (JSON.parse(readFileSync(`src/web/i18n/locales/evaluation-warnings/${l}.json`, 'utf8')) as { evaluationWarning: Record<string, string> }).evaluationWarning;
    const bundle = read(lang);
    const en = read('en');
    expect(Object.keys(bundle).sort()).toEqual([...WARNING_CODES].sort());
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const code of WARNING_CODES) expect([code, placeholders(bundle[code] ?? '')]).toEqual([code, placeholders(en[code] ?? '')]);
  });
});
