// The rounds resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { presentRounds } from './round-presenter.ts';
export { ROUND_COLUMNS, answersOf } from './round-queries.ts';
export type { RoundRow } from './round-queries.ts';
export { startRound } from './round-recorder.ts';
export { roundRoutes } from './routes.ts';
