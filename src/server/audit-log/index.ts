// The audit-log resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { citizenAccessLog } from './access-log.ts';
export { auditRoutes } from './routes.ts';
