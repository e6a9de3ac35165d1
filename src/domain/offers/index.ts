export * from './offer-kinds.ts';
