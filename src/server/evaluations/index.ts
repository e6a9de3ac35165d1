// The evaluations resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { evaluationRoutes } from './routes.ts';
export type { EvaluationRouteOptions } from './routes.ts';
