// The users resource (the administration of accounts) as app.ts sees it: import from here, not from its files.
export { userRoutes } from './routes.ts';
