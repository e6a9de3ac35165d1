// The caseload as one use case (decision 026): the rows the database filters (caseload-queries.ts),
// each citizen's next deadline from its stored form (decision 035: read back for today, only
// changed or expired citizens evaluated again), the deadline-state filter and the sort (days to the
// next breach, or name) on those keys, and one page — only the page's rows are presented.
import type { Tx } from '../platform/db/tenant.ts';
import type { CprVault } from '../platform/crypto/cpr-vault.ts';
import type { PolicyStore } from '../deadlines/index.ts';
import { storedNextDeadlines } from '../deadlines/index.ts';
import { nextRoundDue } from '../../domain/fip/schedule.ts';
import { byNextDeadline } from '../../domain/deadlines/next-deadline.ts';
import { DEFAULT_PAGE_SIZE, type CaseloadQuery } from '../../contract/caseload.ts';
import type { CaseloadItem } from '../../contract/types.ts';
import { caseloadRows, type CaseloadFilter } from './caseload-queries.ts';
import { byName, deadlineStateOf, presentCaseloadItem } from './citizen-presenter.ts';
import type { CaseloadRow } from './caseload-queries.ts';

export type CaseloadRequest = Omit<CaseloadQuery, 'page' | 'pageSize'> & { page?: number | undefined; pageSize?: number | undefined; text?: string | undefined };

/** What kind of search the text is: exactly four digits are the CPR's last four, anything else part of a name. */
export function searchKind(text: string | undefined): 'cpr_last_four' | 'name' | null {
  if (text === undefined) return null;
  return /^[0-9]{4}$/.test(text.trim()) ? 'cpr_last_four' : 'name';
}

export interface CaseloadResult {
  citizens: CaseloadItem[];
  total: number;
  page: number;
  pageSize: number;
}

type PresentEach = <Row>(rows: readonly Row[], present: (row: Row) => CaseloadItem, idOf: (row: Row) => string) => CaseloadItem[];

export async function caseload(
  tx: Tx,
  deps: { policies: PolicyStore; vault: CprVault; today: string; userId: string; presentEach: PresentEach },
  request: CaseloadRequest,
): Promise<CaseloadResult> {
  const kind = searchKind(request.text);
  const text = request.text?.trim();
  const filter: CaseloadFilter = {
    scope: request.scope ?? 'all',
    userId: deps.userId,
    caseworkerId: request.caseworkerId,
    targetGroup: request.targetGroup,
    packageId: request.packageId,
    ...(kind === 'name' ? { name: text } : {}),
    ...(kind === 'cpr_last_four' && text ? { cprTailHash: deps.vault.tailHash(text) } : {}),
  };
  const rows = await caseloadRows(tx, filter);
  const { next } = await storedNextDeadlines(tx, deps.policies, deps.today);
  const nextOf = (row: CaseloadRow) => next.get(row.id) ?? null;
  const wanted = request.deadline ? rows.filter((row) => deadlineStateOf(nextOf(row)) === request.deadline) : rows;
  // Sorted on the keys alone, then only the page is presented (a row that cannot be presented is left out and logged).
  const keyed = wanted.map((row) => ({ row, id: row.id, name: row.name, nextDeadline: nextOf(row), nextRoundDue: roundDueOf(row) }));
  const sorted =
    request.sort === 'name'
      ? keyed.sort(byName)
      : request.sort === 'next_round'
        ? keyed.sort((a, b) => (a.nextRoundDue < b.nextRoundDue ? -1 : a.nextRoundDue > b.nextRoundDue ? 1 : byName(a, b)))
        : keyed.sort((a, b) => byNextDeadline(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = request.page ?? 1;
  const shown = sorted.slice((page - 1) * pageSize, page * pageSize).map((k) => k.row);
  return { citizens: deps.presentEach(shown, (row) => presentCaseloadItem(row, deps.today, nextOf(row)), (row) => row.id), total: sorted.length, page, pageSize };
}

/** The next FIP round's due date as a sort key; a row whose dates cannot be read sorts last (and is left out when presented). */
function roundDueOf(row: CaseloadRow): string {
  try {
    return nextRoundDue(row.takeover_date, row.last_round_date);
  } catch {
    return '9999-12-31';
  }
}

export interface OverviewRow {
  caseworker: { id: string; name: string } | null;
  citizens: number;
  overdue: number;
  due: number;
}

/** Per caseworker (every active one, and any other still responsible for citizens) and the unassigned: counts and deadlines now. */
export async function overview(tx: Tx, policies: PolicyStore, today: string, caseworkers: { id: string; name: string }[]): Promise<OverviewRow[]> {
  const rows = await caseloadRows(tx, { scope: 'all', userId: '' });
  const { next } = await storedNextDeadlines(tx, policies, today);
  const byCaseworker = new Map<string | null, OverviewRow>();
  for (const cw of caseworkers) byCaseworker.set(cw.id, { caseworker: cw, citizens: 0, overdue: 0, due: 0 });
  byCaseworker.set(null, { caseworker: null, citizens: 0, overdue: 0, due: 0 });
  for (const row of rows) {
    const key = row.caseworker_id;
    let entry = byCaseworker.get(key);
    if (!entry) {
      entry = { caseworker: key ? { id: key, name: row.caseworker_name ?? '' } : null, citizens: 0, overdue: 0, due: 0 };
      byCaseworker.set(key, entry);
    }
    entry.citizens += 1;
    const state = deadlineStateOf(next.get(row.id) ?? null);
    if (state === 'breached') entry.overdue += 1;
    if (state === 'due') entry.due += 1;
  }
  const named = [...byCaseworker.values()].filter((r) => r.caseworker !== null).sort((a, b) => byName(a.caseworker ?? { id: '', name: '' }, b.caseworker ?? { id: '', name: '' }));
  return [...named, ...[...byCaseworker.values()].filter((r) => r.caseworker === null)];
}
