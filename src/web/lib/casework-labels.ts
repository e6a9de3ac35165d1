// Labels of offer kinds, statuses, deadline rules and outcome kinds (bundle `casework`).
import type { TFunction } from 'i18next';
import { ruleKindLabelKey } from '../../domain/deadlines/rule-kinds.ts';

export const offerKindLabel = (t: TFunction, kind: string): string => t(`casework.kind.${kind}`);
export const offerStatusLabel = (t: TFunction, status: string): string => t(`casework.status.${status}`);
export const outcomeKindLabel = (t: TFunction, kind: string): string => t(`casework.outcomeKind.${kind}`);

/** A rule by its policy id (the 2016 policy's ids have names), else by its kind (the registry's label key). */
export function ruleLabel(t: TFunction, ruleId: string, kind: string): string {
  return t(`casework.rule.${ruleId}`, { defaultValue: t(ruleKindLabelKey(kind)) });
}

/** A short rule name for narrow places (the caseload row), else the full one. */
export function ruleShortLabel(t: TFunction, ruleId: string, kind: string): string {
  return t(`casework.ruleShort.${ruleId}`, { defaultValue: ruleLabel(t, ruleId, kind) });
}

/** Today in the browser's calendar (the server's date is used instead where a response carries it). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Input descriptions in a colour with enough contrast (Mantine's dimmed grey is below 4.5:1). */
export const READABLE_DESCRIPTION = { description: { color: 'var(--mantine-color-gray-7)' } } as const;
