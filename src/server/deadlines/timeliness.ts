// Timeliness of one municipality as of a date: the deadline rules for every active citizen (taken
// over by then, no programme end or self-sufficiency outcome by then), counted per rule. The one
// definition behind `jobvej timeliness` (all municipalities, one transaction each) and the
// managers' page (GET /api/deadlines/timeliness, their own). Reads inside the caller's tenant
// transaction, so row-level security decides which citizens it sees.
import type { Tx } from '../platform/db/tenant.ts';
import type { PolicyStore } from './policy-store.ts';
import { evaluateDeadlines, summarizeDeadlines, type CitizenCase, type CitizenDeadlineReport, type MunicipalitySummary } from '../../domain/deadlines/index.ts';
import { EXIT_OUTCOME_KINDS } from '../../domain/outcomes.ts';
import { loadCases } from './case-queries.ts';

/**
 * Of the loaded cases, those active on `asOf`: taken over by then, without a programme end or
 * self-sufficiency outcome by then (one query for the exits). The caseload's next deadlines use
 * the same rule.
 */
export async function activeOf(tx: Tx, cases: readonly CitizenCase[], asOf: string): Promise<CitizenCase[]> {
  const exited = new Set(
    (await tx.selectFrom('outcomes').select('citizen_id').where('kind', 'in', EXIT_OUTCOME_KINDS).where('date', '<=', asOf).execute()).map((r) => r.citizen_id),
  );
  return cases.filter((c) => c.takeoverDate <= asOf && !exited.has(c.citizenId));
}

/** The citizens active on `asOf`, or null when the municipality has no citizens at all. */
export async function activeCases(tx: Tx, asOf: string): Promise<CitizenCase[] | null> {
  const all = await loadCases(tx);
  return all.length === 0 ? null : activeOf(tx, all, asOf);
}

export interface MunicipalTimeliness {
  reports: CitizenDeadlineReport[];
  /** Null with no active citizens. */
  summary: MunicipalitySummary | null;
}

/** Each active citizen evaluated under the policy in force on their takeover date, and the counts. */
export function evaluateTimeliness(cases: readonly CitizenCase[], policies: PolicyStore, asOf: string): MunicipalTimeliness {
  const reports = cases.map((c) => evaluateDeadlines(c, policies.forDate(c.takeoverDate), asOf));
  return { reports, summary: summarizeDeadlines(reports)[0] ?? null };
}
