// The FIP analytics resource as app.ts, other resources and demo/ see it: import from here, not from its files.
export { fipAnalyticsRoutes } from './routes.ts';
export { loadCohort } from './fip-analytics-queries.ts';
export { validityData, EMPLOYMENT_DAYS, EMPLOYMENT_KINDS, type CohortCitizen } from './fip-analytics-presenter.ts';
