// A run warning in the reader's language: from its code and parameters (`warning_details` of
// the result) through the evaluationWarning strings, numbers in the UI language's format,
// subgroups, outcomes and methods by their UI names. Undefined when the run has no details (results of
// older jobvej versions) or the code is unknown here: the caller shows the English sentence.
import type { Lang } from '../../../../domain/fip/index.ts';
import type { WarningDetail } from '../api.ts';
import { formatCount, formatNumber } from '../format.ts';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** i18n label for a subgroup: all, gender=F, gender=M; others are shown as they are. */
export function subgroupLabel(t: T, subgroup: string): string {
  if (subgroup === 'all') return t('evaluation.subgroup.all');
  if (subgroup === 'gender=F' || subgroup === 'gender=K') return t('gender.F');
  if (subgroup === 'gender=M') return t('gender.M');
  return subgroup;
}

export function warningText(t: T, exists: (key: string) => boolean, lang: Lang, detail: WarningDetail | undefined): string | undefined {
  if (!detail) return undefined;
  const key = `evaluationWarning.${detail.code}`;
  if (!exists(key)) return undefined;
  const values: Record<string, unknown> = { interpolation: { escapeValue: false } };
  for (const [name, v] of Object.entries(detail.params)) {
    if (typeof v === 'number') values[name] = Number.isInteger(v) ? formatCount(v, lang) : formatNumber(v, lang, 1);
    else if (name === 'subgroup') values[name] = subgroupLabel(t, v);
    else if (name === 'outcome') values[name] = t(`evaluation.outcome.${v}`, { defaultValue: v });
    else if (name === 'method' || name === 'other') values[name] = t(`evaluation.method.${v}`, { defaultValue: v });
    else values[name] = v;
  }
  return t(key, values);
}
