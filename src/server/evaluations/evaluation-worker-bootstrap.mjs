// Entry of the evaluation worker thread: Node 20 workers do not inherit tsx's --import hooks, so
// register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./evaluation-worker.ts');
