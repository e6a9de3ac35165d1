// The deadlines resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { loadCases, schoolPeriodsOf } from './case-queries.ts';
export type { OfferRow } from './case-queries.ts';
export { nextDeadlines } from './caseload-deadlines.ts';
export { storedNextDeadlines } from './stored-deadlines.ts';
export { loadPolicies } from './policy-store.ts';
export type { PolicyStore } from './policy-store.ts';
export { activeCases, evaluateTimeliness } from './timeliness.ts';
export type { MunicipalTimeliness } from './timeliness.ts';
export { deadlineRoutes } from './routes.ts';
