// The route table (decision 014): every page of the app once — the name features link to it by
// (hrefFor/navigate in src/web/lib/router.ts), its path pattern, the page it shows, its title (an
// i18n key, shown as the document title) and, for top-level pages, its entry in the header's nav.
// A new page is one entry here plus its component.
import { lazy, type ReactNode } from 'react';
import { mayDo } from '../lib/abilities.ts';
import type { Ability, Me } from '../lib/types.ts';
import { registerRoutes, type PathParams } from '../lib/router.ts';
import { NotAllowed } from '../components/ui/NotAllowed.tsx';
import { CaseloadPage } from '../features/caseload/components/CaseloadPage.tsx';
import { RegisterCitizenPage } from '../features/caseload/components/RegisterCitizenPage.tsx';
import { CitizenPage } from '../features/citizen/components/CitizenPage.tsx';
import { PlacementForm } from '../features/citizen/components/PlacementForm.tsx';
import { PackagesPage } from '../features/packages/components/PackagesPage.tsx';
import { PackagePage } from '../features/packages/components/PackagePage.tsx';
import { EnrolmentPage } from '../features/packages/components/EnrolmentPage.tsx';
import { CompaniesPage } from '../features/companies/components/CompaniesPage.tsx';
import { CompanyPage } from '../features/companies/components/CompanyPage.tsx';
import { DemandPage } from '../features/companies/components/DemandPage.tsx';

// Pages only some roles open load with their page (the first load is the caseworkers' own pages).
const TimelinessPage = lazy(() => import('../features/timeliness/components/TimelinessPage.tsx').then((m) => ({ default: m.TimelinessPage })));
const EvaluationPage = lazy(() => import('../features/evaluation/components/EvaluationPage.tsx').then((m) => ({ default: m.EvaluationPage })));
const NationalPage = lazy(() => import('../features/national/components/NationalPage.tsx').then((m) => ({ default: m.NationalPage })));
const AudioPage = lazy(() => import('../features/audio/components/AudioPage.tsx').then((m) => ({ default: m.AudioPage })));
const UsersPage = lazy(() => import('../features/admin/components/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const FipAnalyticsPage = lazy(() => import('../features/fip-analytics/components/FipAnalyticsPage.tsx').then((m) => ({ default: m.FipAnalyticsPage })));
const EmploymentModelPage = lazy(() => import('../features/employment-model/components/EmploymentModelPage.tsx').then((m) => ({ default: m.EmploymentModelPage })));
const ExportsPage = lazy(() => import('../features/exports/components/ExportsPage.tsx').then((m) => ({ default: m.ExportsPage })));

/** A link in the header: its label (i18n key) and who sees it (an ability the session carries). Only for patterns without required parameters. */
export interface NavEntry {
  label: string;
  can: Ability;
}

export interface AppRoute<N extends string = string, P extends string = string> {
  name: N;
  path: P;
  /** The page for the path's parameters and the session (the signed-in user and their abilities). */
  page: (params: Record<string, string>, me: Me) => ReactNode;
  /** i18n key of the document title (a function when it depends on the session). */
  title: string | ((me: Me) => string);
  nav?: NavEntry | undefined;
}

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** One table entry; page gets the parameters its pattern names, typed. */
function route<N extends string, P extends string>(def: {
  name: N;
  path: P;
  page: (params: PathParams<P>, me: Me) => ReactNode;
  title: AppRoute['title'];
  nav?: [RequiredKeys<PathParams<P>>] extends [never] ? NavEntry : never;
}): AppRoute<N, P> {
  return { ...def, page: (params, me) => def.page(params as PathParams<P>, me) };
}

/** An evaluator without a caseload gets the evaluations at '/'. */
const evaluatorOnly = (me: Me): boolean => mayDo(me.abilities, 'evaluation.view') && !mayDo(me.abilities, 'citizen.list');
/** The national administrator gets the national view at '/'. */
const nationalOnly = (me: Me): boolean => mayDo(me.abilities, 'national.view') && !mayDo(me.abilities, 'citizen.list');

/** The system administrator (accounts for every municipality, no caseload) gets the users and roles at '/'. */
const adminOnly = (me: Me): boolean => mayDo(me.abilities, 'user.admin') && !mayDo(me.abilities, 'citizen.list');

/** An interpreter (no caseload) gets the recording page of the spoken questions at '/'. */
const audioOnly = (me: Me): boolean => mayDo(me.abilities, 'instrument.audio') && !mayDo(me.abilities, 'citizen.list');

/** '/': the caseload; for a role without one, its own home (national view, users and roles, evaluations, recordings); also shown for unknown paths. */
export const homeRoute = route({
  name: 'caseload',
  path: '/',
  title: (me) =>
    nationalOnly(me) ? 'national.title' : adminOnly(me) ? 'admin.title' : evaluatorOnly(me) ? 'evaluation.title' : audioOnly(me) ? 'audio.title' : 'caseload.title',
  page: (_, me) =>
    nationalOnly(me) ? <NationalPage /> : adminOnly(me) ? <UsersPage /> : evaluatorOnly(me) ? <EvaluationPage /> : audioOnly(me) ? <AudioPage /> : <CaseloadPage />,
});

/** Every page; the header shows the nav entries in this order. */
export const routes = [
  homeRoute,
  route({
    name: 'newCitizen',
    path: '/citizens/new',
    title: 'register.title',
    page: (_, me) => (mayDo(me.abilities, 'citizen.create') ? <RegisterCitizenPage /> : <NotAllowed title="register.title" />),
  }),
  route({ name: 'citizen', path: '/citizens/:id', title: 'caseload.title', page: ({ id }) => <CitizenPage id={id} /> }),
  route({ name: 'newOffer', path: '/citizens/:id/offers/new', title: 'casework.form.title', page: ({ id }) => <PlacementForm citizenId={id} /> }),
  route({
    name: 'companies',
    path: '/companies',
    title: 'companies.title',
    nav: { label: 'companies.nav', can: 'company.view' },
    page: () => <CompaniesPage />,
  }),
  route({ name: 'company', path: '/companies/:id', title: 'companies.title', page: ({ id }) => <CompanyPage id={id} /> }),
  route({
    name: 'demand',
    path: '/demand',
    title: 'companies.demand.title',
    nav: { label: 'companies.demand.nav', can: 'company.view' },
    page: () => <DemandPage />,
  }),
  route({
    name: 'packages',
    path: '/packages',
    title: 'packages.title',
    nav: { label: 'packages.nav', can: 'package.view' },
    page: () => <PackagesPage />,
  }),
  route({ name: 'package', path: '/packages/:id', title: 'packages.title', page: ({ id }) => <PackagePage id={id} /> }),
  route({
    name: 'enrolment',
    path: '/packages/:packageId/enrolments/:enrolmentId',
    title: 'packages.title',
    page: ({ packageId, enrolmentId }) => <EnrolmentPage packageId={packageId} enrolmentId={enrolmentId} />,
  }),
  route({
    name: 'timeliness',
    path: '/timeliness',
    title: 'timeliness.title',
    nav: { label: 'timeliness.nav', can: 'caseload.overview' },
    page: () => <TimelinessPage />,
  }),
  route({
    name: 'national',
    path: '/national',
    title: 'national.title',
    nav: { label: 'national.nav', can: 'national.view' },
    page: () => <NationalPage />,
  }),
  route({
    name: 'fipAnalytics',
    path: '/fip-analytics',
    title: 'fipAnalytics.title',
    nav: { label: 'fipAnalytics.nav', can: 'fip_analytics.view' },
    page: () => <FipAnalyticsPage />,
  }),
  route({
    name: 'employmentModel',
    path: '/employment-model',
    title: 'employmentModel.title',
    nav: { label: 'employmentModel.nav', can: 'employment_model.manage' },
    page: () => <EmploymentModelPage />,
  }),
  route({
    name: 'exports',
    path: '/exports',
    title: 'exports.title',
    nav: { label: 'exports.nav', can: 'export.create' },
    page: () => <ExportsPage />,
  }),
  route({
    name: 'users',
    path: '/admin/users',
    title: 'admin.title',
    nav: { label: 'admin.nav', can: 'user.admin' },
    page: () => <UsersPage />,
  }),
  route({
    name: 'audio',
    path: '/audio',
    title: 'audio.title',
    nav: { label: 'audio.nav', can: 'instrument.audio' },
    page: () => <AudioPage />,
  }),
  route({
    name: 'evaluations',
    path: '/evaluations/:runId?',
    title: 'evaluation.title',
    nav: { label: 'evaluation.nav', can: 'evaluation.view' },
    page: ({ runId }) => <EvaluationPage runId={runId} />,
  }),
];
registerRoutes(routes);

// hrefFor and navigate (src/web/lib/router.ts) accept exactly this table's routes and parameters.
declare module '../lib/router.ts' {
  interface RouteRegister {
    routes: typeof routes;
  }
}
