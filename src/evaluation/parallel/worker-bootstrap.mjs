// Entry of the helper thread when running from the TypeScript sources (tsx, vitest): Node 20
// workers do not inherit tsx's --import hooks, so register tsx here, then load the worker (the
// pattern of src/server/commands/evaluation-worker-bootstrap.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
