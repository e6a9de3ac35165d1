// The citizens resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { findRound } from './citizen-queries.ts';
export { citizenRoutes } from './routes.ts';
export { backfillCprTails } from './cpr-tail-backfill.ts';
