// Shapes of the HTTP API, inferred from the zod schemas of src/contract (the one definition, shared with the server).
export type * from '../../contract/types.ts';
