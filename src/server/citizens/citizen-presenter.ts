// Citizen rows → the API's CitizenSummary / CitizenDetail.
import { daysBetween } from '../../domain/dates.ts';
import { nextRoundDue } from '../../domain/fip/schedule.ts';
import { maskCpr } from '../../domain/cpr.ts';
import type { CitizenRow } from './citizen-queries.ts';
import type { CaseloadRow } from './caseload-queries.ts';
import type { CaseloadItem } from '../../contract/types.ts';
import type { Lang } from '../../domain/fip/index.ts';
import type { CitizenBase, CitizenDetail, CitizenSummary } from '../../contract/types.ts';
import type { NextDeadline } from '../../domain/deadlines/next-deadline.ts';


export function presentBase(row: CitizenRow, today: string): CitizenBase {
  const due = nextRoundDue(row.takeover_date, row.last_round_date);
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    originCountry: row.origin_country,
    language: row.language as Lang,
    takeoverDate: row.takeover_date,
    roundCount: row.round_count,
    lastRoundDate: row.last_round_date,
    nextRoundDue: due,
    daysToNextRound: daysBetween(today, due),
  };
}

export function presentDetail(row: CitizenRow, today: string, decryptCpr: (stored: string) => string): CitizenDetail {
  return {
    ...presentBase(row, today),
    arrivalDate: row.arrival_date,
    targetGroup: row.target_group,
    cprMasked: maskCpr(decryptCpr(row.cpr_encrypted)),
    municipalityCode: row.municipality_code,
  };
}

/** A caseload row: the citizen and the deadline to look at next (null when none is pending). */
export function presentSummary(row: CitizenRow, today: string, next: NextDeadline | null): CitizenSummary {
  return { ...presentBase(row, today), nextDeadline: next };
}

/** A caseload row: the summary with the citizen's caseworker and company consultant by name. */
export function presentCaseloadItem(row: CaseloadRow, today: string, next: NextDeadline | null): CaseloadItem {
  return {
    ...presentSummary(row, today, next),
    caseworker: row.caseworker_id ? { id: row.caseworker_id, name: row.caseworker_name ?? '' } : null,
    consultant: row.consultant_id ? { id: row.consultant_id, name: row.consultant_name ?? '' } : null,
  };
}

/** The deadline-state filter of the caseload (the next deadline's state; `none`: no pending deadline). */
export function deadlineStateOf(next: NextDeadline | null): 'breached' | 'due' | 'ok' | 'none' {
  return next === null ? 'none' : next.state;
}

/** The names in Danish alphabetical order (æ, ø, å last), then by id so the order is total. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name, 'da') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
