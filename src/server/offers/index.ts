// The offers resource as other resources, app.ts and demo/ see it: import from here, not from its files.
export { presentOffer, presentOutcome } from './offer-presenter.ts';
export { offerRoutes } from './routes.ts';
