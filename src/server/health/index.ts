// The health resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { healthRoutes } from './routes.ts';
