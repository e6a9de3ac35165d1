import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import daCore from '../../../i18n/locales/da.json';
import da from '../../../i18n/locales/evaluation-warnings/da.json';
import { warningText } from './warning-text.ts';

describe('warningText', () => {
  it('writes a warning in the reader’s language: numbers in its format, subgroup and outcome by their UI names', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'da', resources: { da: { translation: { ...daCore, ...da } } } });
    const t = i18n.t.bind(i18n) as unknown as (k: string, o?: Record<string, unknown>) => string;
    const exists = (k: string) => i18n.exists(k);
    expect(warningText(t, exists, 'da', { code: 'small_subgroup', params: { subgroup: 'gender=M', treated: 1195 } })).toBe(
      `${daCore.gender.M}: kun 1.195 deltagere, så estimaterne er usikre (brede konfidensintervaller). Hæftet kaldte af samme grund resultatet for 195 mænd usikkert.`,
    );
    expect(warningText(t, exists, 'da', { code: 'psm_support', params: { subgroup: 'all', lost: 12, treated: 200, percent: 6.5, caliper: 0.2 } })).toContain('12 af 200 deltagere (6,5 %)');
    expect(warningText(t, exists, 'da', { code: 'methods_disagree', params: { outcome: 'employment', subgroup: 'all', psm: '0.050 [0.030, 0.070]', ipw: '0.120 [0.100, 0.140]' } })).toContain(
      `${daCore.evaluation.outcome.employment}, ${daCore.evaluation.subgroup.all}: matchning (0.050 [0.030, 0.070])`,
    );
    expect(warningText(t, exists, 'da', { code: 'balance_poor', params: { subgroup: 'gender=F', method: 'ipw', terms: 3, worst: "age'1", smd: 0.25 } })).toBe(
      `${daCore.gender.F}: efter ${daCore.evaluation.method.ipw} er 3 led i propensity score-modellen stadig forskellige for deltagere og sammenligningspersoner (standardiseret forskel over 0,1; størst for age'1: 0,3). Estimatet kan være skævt på grund af dem.`,
    );
    // both methods of a pair by their UI names (estimates_disagree: any two adjusted methods)
    expect(warningText(t, exists, 'da', { code: 'estimates_disagree', params: { outcome: 'employment', subgroup: 'all', method: 'ipw', other: 'aipw', estimate: '0.050 [0.030, 0.070]', other_estimate: '0.120 [0.100, 0.140]' } })).toBe(
      `${daCore.evaluation.outcome.employment}, ${daCore.evaluation.subgroup.all}: ${daCore.evaluation.method.ipw} (0.050 [0.030, 0.070]) og ${daCore.evaluation.method.aipw} (0.120 [0.100, 0.140]) er uenige ud over deres konfidensintervaller, så resultatet afhænger af metoden.`,
    );
    // results of older versions (no details) and unknown codes: the caller shows the English sentence
    expect(warningText(t, exists, 'da', undefined)).toBeUndefined();
    expect(warningText(t, exists, 'da', { code: 'something_new', params: {} })).toBeUndefined();
  });
});
