// The exports resource (decision 033) as app.ts, the CLI and other resources see it: import from here, not from its files.
export { exportRoutes } from './routes.ts';
export { runExport, type ExportRequest, type ExportResult } from './export-service.ts';
