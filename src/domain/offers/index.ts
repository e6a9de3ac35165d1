export * from './offer-kinds.ts';
export * from './offer-defaults.ts';
export * from './placement-form.ts';
export * from './school-periods.ts';
