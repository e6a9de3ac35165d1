// The employment model resource as app.ts, other resources and demo/ see it: import from here, not from its files.
export { employmentModelRoutes } from './routes.ts';
export { refitModel, setEnabled } from './employment-model-commands.ts';
