// The instruments resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { loadInstruments } from './instrument-store.ts';
export type { InstrumentStore } from './instrument-store.ts';
export { instrumentRoutes } from './routes.ts';
