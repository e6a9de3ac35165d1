// The national resource as app.ts sees it: import from here, not from its files.
export { nationalRoutes } from './routes.ts';
