// The caseload's filters as the hash's query (decision 026): scope, target group, package,
// deadline state, one caseworker, sort and page — state that survives a reload and a shared link.
// The search text is not among them: a name or CPR digits never go into a URL.
import type { CaseloadParams } from '../../lib/queries.ts';

export const SCOPES = ['mine', 'all', 'unassigned'] as const;
export const DEADLINE_STATES = ['breached', 'due', 'ok', 'none'] as const;
export const TARGET_GROUPS = ['broad', 'selected'] as const;
export const SORTS = ['deadline', 'name', 'next_round'] as const;
export type Scope = (typeof SCOPES)[number];

export interface CaseloadFilters {
  scope: Scope;
  targetGroup: (typeof TARGET_GROUPS)[number] | undefined;
  packageId: string | undefined;
  deadline: (typeof DEADLINE_STATES)[number] | undefined;
  caseworkerId: string | undefined;
  sort: (typeof SORTS)[number];
  page: number;
}

export const PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The filters a query says; anything it does not say (or says wrongly: a hand-edited link) is the default. */
export function filtersFromQuery(query: string, defaultScope: Scope): CaseloadFilters {
  const q = new URLSearchParams(query);
  const page = Number(q.get('page'));
  const id = (v: string | null) => (v !== null && UUID.test(v) ? v : undefined);
  return {
    scope: oneOf(SCOPES, q.get('scope')) ?? defaultScope,
    targetGroup: oneOf(TARGET_GROUPS, q.get('targetGroup')),
    packageId: id(q.get('packageId')),
    deadline: oneOf(DEADLINE_STATES, q.get('deadline')),
    caseworkerId: id(q.get('caseworkerId')),
    sort: oneOf(SORTS, q.get('sort')) ?? 'deadline',
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The query for the filters: only what differs from the defaults. */
export function filtersToQuery(f: CaseloadFilters, defaultScope: Scope): Record<string, string | undefined> {
  return {
    scope: f.scope === defaultScope ? undefined : f.scope,
    targetGroup: f.targetGroup,
    packageId: f.packageId,
    deadline: f.deadline,
    caseworkerId: f.caseworkerId,
    sort: f.sort === 'deadline' ? undefined : f.sort,
    page: f.page === 1 ? undefined : String(f.page),
  };
}

/** The request for the filters and a search text (sent in a POST body when there is one). */
export function requestFor(f: CaseloadFilters, text: string): CaseloadParams {
  return {
    scope: f.scope,
    targetGroup: f.targetGroup,
    packageId: f.packageId,
    deadline: f.deadline,
    caseworkerId: f.caseworkerId,
    sort: f.sort,
    page: f.page,
    pageSize: PAGE_SIZE,
    text: text.trim() === '' ? undefined : text.trim(),
  };
}
