// Entry of the evaluation's helper thread (parallel.ts): runs each task it is sent and posts
// the result back, moving its buffers. Started from the CLI bundle as
// dist/cli/commands/parallel-worker.mjs, under tsx through worker-bootstrap.mjs.
import { parentPort } from 'node:worker_threads';
import { resultTransfer, runTask, type Task } from './tasks.ts';

export interface TaskMessage {
  id: number;
  task: Task;
}

const port = parentPort;
if (port) {
  port.on('message', ({ id, task }: TaskMessage) => {
    const result = runTask(task);
    port.postMessage({ id, result }, resultTransfer(result));
  });
}
