// The evaluator page lists the evaluation's methods from the shared vocabulary
// (src/domain/evaluation-methods.ts): every method has its name in each UI language.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../domain/fip/index.ts';
import ar from '../../i18n/locales/ar.json';
import da from '../../i18n/locales/da.json';
import en from '../../i18n/locales/en.json';
import fa from '../../i18n/locales/fa.json';
import so from '../../i18n/locales/so.json';
import ti from '../../i18n/locales/ti.json';
import { EVALUATION_METHODS, METHODS, methodVocabulary } from './api.ts';

const CORE: Record<string, Record<string, unknown>> = { ar, da, en, fa, so, ti };

describe('evaluation methods on the evaluator page', () => {
  it.each([...LANGS])('%s names every method', async (lang) => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: lang, resources: { [lang]: { translation: CORE[lang] ?? {} } } });
    for (const m of METHODS) expect([m, i18n.exists(EVALUATION_METHODS[m].labelKey)]).toEqual([m, true]);
  });

  it('gives each method its own colour; an unknown id (another version’s result) has none', () => {
    expect(new Set(METHODS.map((m) => EVALUATION_METHODS[m].colour)).size).toBe(METHODS.length);
    expect(methodVocabulary('psm')?.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(methodVocabulary('something_new')).toBeUndefined();
    expect(methodVocabulary('toString')).toBeUndefined();
  });
});
