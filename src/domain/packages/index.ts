export * from './types.ts';
export * from './gate.ts';
export * from './override.ts';
export * from './enrolment.ts';
export * from './from-json.ts';
