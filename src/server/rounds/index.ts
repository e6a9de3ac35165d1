// The rounds resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { ROUND_COLUMNS, presentRounds } from './round-presenter.ts';
export type { RoundRow } from './round-presenter.ts';
export { startRound } from './round-recorder.ts';
export { roundRoutes } from './routes.ts';
