export * from './date-math.ts';
export * from './policy.ts';
export * from './select-policy.ts';
export * from './evaluation-types.ts';
export * from './evaluate-deadlines.ts';
export * from './summarize.ts';
export * from './next-deadline.ts';
