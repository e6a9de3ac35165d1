// The companies resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { createCompany } from './company-registrar.ts';
export { createNeed, updateNeed } from './labour-need-recorder.ts';
export { companyRoutes } from './routes.ts';
export { loadDb07 } from './db07-store.ts';
