// Every server read of the caseworkers' app, once: its cache key and the request that fills it.
// React Query keeps one cache entry per key, so two hooks that used one key for two differently
// shaped answers (the companies list as the whole response and as its array) blanked a page when
// the user went from one to the other without a reload. Here a key has exactly one fetcher and
// one response type; hooks take `queries.x(...)` and shape the data with `select`. The lint rule
// in eslint.config.js allows `queryKey` in useQuery and its kin only in this file. `keys` are the
// prefixes mutations invalidate.
import { queryOptions } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from './http.ts';
import type {
  AccessLogPage,
  AudioSet,
  Assignees,
  CaseloadOverview,
  CaseloadPage,
  CaseloadSearchInput,
  UserAdminList,
  CitizenEnrolmentList,
  CitizenList,
  CitizenView,
  CompanyDetail,
  CompanyList,
  DeadlineReportView,
  DemandReportView,
  IndustriesView,
  Me,
  NationalIndicators,
  NationalFipMeans,
  NeedList,
  OfferList,
  OutcomeList,
  PackageDetail,
  PackageList,
  RunList,
  RunView,
  TemplateList,
} from './types.ts';
import type { Instrument } from '../../domain/fip/index.ts';
import type { FipAnalytics } from '../../contract/fip-analytics.ts';
import type { TimelinessView } from '../../contract/types.ts';
import type { EmploymentModelView, EmploymentProbability } from '../../contract/employment-model.ts';
import type { SignInOptions } from '../../contract/sign-in.ts';

const enc = encodeURIComponent;
const withParams = (path: string, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return query ? `${path}?${query}` : path;
};
const citizenPath = (id: string) => `/api/citizens/${enc(id)}`;

/** Prefixes for invalidation: everything under a resource, or one citizen's. */
export const keys = {
  me: ['me'] as const,
  citizens: ['citizens'] as const,
  citizen: (id: string) => ['citizen', id] as const,
  companies: ['companies'] as const,
  demand: ['demand'] as const,
  packages: ['packages'] as const,
  package: (id: string) => ['package', id] as const,
  offers: (citizenId: string) => ['offers', citizenId] as const,
  outcomes: (citizenId: string) => ['outcomes', citizenId] as const,
  deadlines: (citizenId: string) => ['deadlines', citizenId] as const,
  enrolments: (citizenId: string) => ['enrolments', citizenId] as const,
  evaluations: ['evaluations'] as const,
  evaluationList: ['evaluations', 'list'] as const,
  instrumentAudio: ['instrument-audio'] as const,
  users: ['users'] as const,
  employmentModel: ['employment-model'] as const,
};

/** The caseload's filters and page as the server takes them (decision 026); `text` goes in a POST body, never the URL. */
export type CaseloadParams = Omit<CaseloadSearchInput, 'text'> & { text?: string | undefined };

function caseloadRequest(p: CaseloadParams): Promise<CaseloadPage> {
  const { text, ...filters } = p;
  const defined = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as Omit<CaseloadSearchInput, 'text'>;
  if (text) return api<CaseloadPage>('POST', '/api/citizens/search', { ...defined, text });
  const query = new URLSearchParams(Object.entries(defined).map(([k, v]) => [k, String(v)])).toString();
  return api<CaseloadPage>('GET', `/api/citizens${query ? `?${query}` : ''}`);
}

/** Every citizen of the municipality by name, page by page (the package page's picker). */
async function wholeCaseload(): Promise<CitizenList> {
  const first = await caseloadRequest({ scope: 'all', sort: 'name', pageSize: 50, page: 1 });
  const pages = Math.ceil(first.total / first.pageSize);
  const rest = [];
  for (let page = 2; page <= pages; page++) rest.push(await caseloadRequest({ scope: 'all', sort: 'name', pageSize: 50, page }));
  return { citizens: [first, ...rest].flatMap((p) => p.citizens) };
}

export const queries = {
  /** Who is signed in (null when no one is); carries the CSRF token for writes. */
  me: () =>
    queryOptions({
      queryKey: keys.me,
      queryFn: async (): Promise<Me | null> => {
        try {
          const me = await api<Me>('GET', '/api/auth/me');
          setCsrfToken(me.csrfToken);
          return me;
        } catch (err) {
          if (err instanceof ApiError && err.status === 401) {
            setCsrfToken(null);
            return null;
          }
          throw err;
        }
      },
      staleTime: Infinity,
      retry: false,
    }),
  /** How one signs in here: the municipalities' identity providers and whether local passwords are taken (decision 032). */
  signInOptions: () => queryOptions({ queryKey: ['sign-in-options'], queryFn: () => api<SignInOptions>('GET', '/api/auth/sign-in-options'), staleTime: Infinity }),
  /** The whole caseload by name (every page): to pick a citizen from. */
  citizens: () => queryOptions({ queryKey: [...keys.citizens, 'list'], queryFn: wholeCaseload }),
  /** One page of the caseload with its filters (a search text is sent in the body, decision 026). */
  caseload: (p: CaseloadParams) =>
    queryOptions({ queryKey: [...keys.citizens, 'page', p], queryFn: () => caseloadRequest(p), placeholderData: (previous) => previous }),
  /** The caseworkers and company consultants one may assign a citizen to. */
  assignees: () => queryOptions({ queryKey: [...keys.users, 'assignees'], queryFn: () => api<Assignees>('GET', '/api/caseload/assignees') }),
  /** The managers' caseload per caseworker. */
  caseloadOverview: () => queryOptions({ queryKey: [...keys.citizens, 'overview'], queryFn: () => api<CaseloadOverview>('GET', '/api/caseload/overview') }),
  /** User accounts (the administration; decision 026). */
  users: (municipalityCode: string | undefined, page: number) =>
    queryOptions({
      queryKey: [...keys.users, 'list', municipalityCode ?? 'all', page],
      queryFn: () => api<UserAdminList>('GET', withParams('/api/users', { municipalityCode, page: page > 1 ? String(page) : undefined })),
      placeholderData: (previous) => previous,
    }),
  citizen: (id: string) => queryOptions({ queryKey: [...keys.citizen(id), 'view'], queryFn: () => api<CitizenView>('GET', citizenPath(id)) }),
  offers: (citizenId: string) =>
    queryOptions({ queryKey: [...keys.offers(citizenId)], queryFn: () => api<OfferList>('GET', `${citizenPath(citizenId)}/offers`) }),
  outcomes: (citizenId: string) =>
    queryOptions({ queryKey: [...keys.outcomes(citizenId)], queryFn: () => api<OutcomeList>('GET', `${citizenPath(citizenId)}/outcomes`) }),
  deadlines: (citizenId: string) =>
    queryOptions({ queryKey: [...keys.deadlines(citizenId)], queryFn: () => api<DeadlineReportView>('GET', `${citizenPath(citizenId)}/deadlines`) }),
  citizenEnrolments: (citizenId: string) =>
    queryOptions({
      queryKey: [...keys.enrolments(citizenId)],
      queryFn: () => api<CitizenEnrolmentList>('GET', `${citizenPath(citizenId)}/enrolments`),
    }),
  accessLogKey: (citizenId: string) => [...keys.citizen(citizenId), 'access-log'] as const,
  accessLogPage: (citizenId: string, before: string | null) =>
    api<AccessLogPage>('GET', `${citizenPath(citizenId)}/access-log${before ? `?before=${enc(before)}` : ''}`),
  companies: () => queryOptions({ queryKey: [...keys.companies, 'list'], queryFn: () => api<CompanyList>('GET', '/api/companies') }),
  company: (id: string) => queryOptions({ queryKey: [...keys.companies, 'one', id], queryFn: () => api<CompanyDetail>('GET', `/api/companies/${enc(id)}`) }),
  needs: (companyId: string) =>
    queryOptions({ queryKey: [...keys.companies, 'one', companyId, 'needs'], queryFn: () => api<NeedList>('GET', `/api/companies/${enc(companyId)}/needs`) }),
  industries: () => queryOptions({ queryKey: ['industries'], queryFn: () => api<IndustriesView>('GET', '/api/industries'), staleTime: Infinity }),
  demand: (from: string, to: string) => {
    const params = new URLSearchParams();
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    const query = params.toString();
    return queryOptions({
      queryKey: [...keys.demand, from, to],
      queryFn: () => api<DemandReportView>('GET', `/api/industries/demand${query ? `?${query}` : ''}`),
    });
  },
  packages: () => queryOptions({ queryKey: [...keys.packages, 'list'], queryFn: () => api<PackageList>('GET', '/api/packages') }),
  packageTemplates: () =>
    queryOptions({ queryKey: ['package-templates'], queryFn: () => api<TemplateList>('GET', '/api/package-templates'), staleTime: Infinity }),
  package: (id: string) => queryOptions({ queryKey: [...keys.package(id)], queryFn: () => api<PackageDetail>('GET', `/api/packages/${enc(id)}`) }),
  /** Evaluation runs: the list and one run (its status and, when done, its result). */
  runs: () => queryOptions({ queryKey: [...keys.evaluations, 'list'], queryFn: () => api<RunList>('GET', '/api/evaluations') }),
  run: (id: string | undefined) =>
    queryOptions({
      queryKey: [...keys.evaluations, 'one', id],
      queryFn: async () => (await api<RunView>('GET', `/api/evaluations/${enc(id ?? '')}`)).run,
    }),
  /** One FIP instrument version (a round's instrumentVersion), or the current one; versions never change. */
  instrument: (version: string | undefined) =>
    queryOptions({
      queryKey: ['instrument', 'fip', version ?? 'current'],
      queryFn: () => api<Instrument>('GET', version === undefined ? '/api/instruments/fip' : `/api/instruments/fip/${enc(version)}`),
      staleTime: Infinity,
    }),
  nationalIndicators: (year: number) =>
    queryOptions({ queryKey: ['national', 'indicators', year], queryFn: () => api<NationalIndicators>('GET', `/api/national/indicators?year=${year}`) }),
  nationalFipMeans: (year: number, round: 1 | 2) =>
    queryOptions({ queryKey: ['national', 'fip-means', year, round], queryFn: () => api<NationalFipMeans>('GET', `/api/national/fip-means?year=${year}&round=${round}`) }),
  /** The spoken questions' clips of a version (the current one when undefined) in one language (decision 023). */
  audioSet: (version: string | undefined, language: string) =>
    queryOptions({
      queryKey: [...keys.instrumentAudio, version ?? 'current', language],
      queryFn: () => api<AudioSet>('GET', `/api/instrument-audio?${new URLSearchParams({ language, ...(version ? { version } : {}) }).toString()}`),
    }),
  /** FIP group analytics of the own municipality for a period, target group and round. */
  fipAnalytics: (p: FipAnalyticsParams) =>
    queryOptions({
      queryKey: ['fip-analytics', p.from, p.to, p.targetGroup, p.round],
      queryFn: () => {
        const q = new URLSearchParams({ targetGroup: p.targetGroup, round: String(p.round) });
        if (p.from) q.set('from', p.from);
        if (p.to) q.set('to', p.to);
        return api<FipAnalytics>('GET', `/api/fip-analytics?${q.toString()}`);
      },
    }),
  /** The employment model of the own municipality: the switch, the rules, the newest version's evidence (managers). */
  employmentModel: () => queryOptions({ queryKey: [...keys.employmentModel, 'view'], queryFn: () => api<EmploymentModelView>('GET', '/api/employment-model') }),
  /** One citizen's employment probability, or why there is none (under the model's key: a refit or switch invalidates it). */
  employmentProbability: (citizenId: string) =>
    queryOptions({
      queryKey: [...keys.employmentModel, 'citizen', citizenId],
      queryFn: () => api<EmploymentProbability>('GET', `${citizenPath(citizenId)}/employment-probability`),
    }),
  /** The managers' timeliness of their municipality as of a date ('' = today, the server's). */
  timeliness: (asOf: string) =>
    queryOptions({
      queryKey: ['timeliness', asOf],
      queryFn: () => api<TimelinessView>('GET', `/api/deadlines/timeliness${asOf ? `?asOf=${enc(asOf)}` : ''}`),
    }),
};

export interface FipAnalyticsParams {
  from: string;
  to: string;
  targetGroup: 'all' | 'broad' | 'selected';
  round: number;
}
