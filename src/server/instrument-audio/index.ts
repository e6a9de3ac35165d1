// The spoken questions as app.ts sees them (decision 023): import from here, not from its files.
export { instrumentAudioRoutes } from './routes.ts';
