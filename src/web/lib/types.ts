// Shapes of the HTTP API: defined once in src/domain/api-types.ts (shared with the server).
export type * from '../../domain/api-types.ts';
