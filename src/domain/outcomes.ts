/** Outcomes of a citizen's programme (docs/api.md Outcome) and which of them end it. */
export const OUTCOME_KINDS = ['employment', 'igu_start', 'education', 'self_sufficiency', 'programme_end'] as const;
export type OutcomeKindName = (typeof OUTCOME_KINDS)[number];

/**
 * After these no deadlines run: the caseload's next deadline is none and the citizen page says
 * the citizen has left the programme (the timeliness command leaves such citizens out too).
 */
export const EXIT_OUTCOME_KINDS = ['programme_end', 'self_sufficiency'] as const satisfies readonly OutcomeKindName[];

/**
 * "Employment within 6 months" after a FIP round (FORMATS.md, decision 025): an outcome of these
 * kinds dated from the round's date to this many days after it. The one definition behind FIP
 * analytics, item validity from live data, the employment probability and the exports.
 */
export const EMPLOYMENT_WITHIN_DAYS = 182;
export const EMPLOYMENT_OUTCOME_KINDS = ['employment', 'igu_start'] as const satisfies readonly OutcomeKindName[];

/** The first exit outcome on or before `asOf`, if any. */
export function exitOutcome<T extends { kind: string; date: string }>(outcomes: readonly T[], asOf: string): T | null {
  const exits = outcomes
    .filter((o) => (EXIT_OUTCOME_KINDS as readonly string[]).includes(o.kind) && o.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return exits[0] ?? null;
}
