export * from './cvr.ts';
