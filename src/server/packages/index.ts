// The packages resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { readEnrolmentViews } from './enrolment-views.ts';
export { advanceEnrolment, createPackage, enrolCitizen, signOff } from './package-gatekeeper.ts';
export { loadPackageTemplates } from './package-store.ts';
export { packageRoutes } from './routes.ts';
