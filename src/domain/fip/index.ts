export * from './instrument.ts';
export * from './instrument-guard.ts';
export * from './scoring.ts';
export * from './progression.ts';
export * from './focus.ts';
export * from './schedule.ts';
export * from './audio.ts';
export * from './round-state.ts';
