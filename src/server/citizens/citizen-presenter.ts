// Citizen rows → the API's CitizenSummary / CitizenDetail.
import { daysBetween } from '../../domain/dates.ts';
import { nextRoundDue } from '../../domain/fip/schedule.ts';
import { maskCpr } from '../../domain/cpr.ts';
import type { CitizenRow } from './citizen-queries.ts';
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
