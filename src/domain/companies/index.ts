export * from './cvr.ts';
export * from './db07.ts';
export * from './demand.ts';
