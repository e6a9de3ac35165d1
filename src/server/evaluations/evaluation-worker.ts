// Worker thread for one evaluation run (started by evaluation-runner.ts): runs evaluateFiles off
// the main thread, so the server keeps answering (and progress can be polled) while the
// synchronous readers and estimators work. Messages: progress, then done or failed.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateFiles, type EvaluateFiles, type EvaluateOptions } from '../../evaluation/evaluate.ts';
import { InputError } from '../../evaluation/errors.ts';

export interface WorkerInput {
  files: EvaluateFiles;
  options: Omit<EvaluateOptions, 'onProgress'>;
}

export type WorkerMessage =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'done'; output: unknown }
  | { type: 'failed'; message: string; input: boolean };

const port = parentPort;
if (port) {
  const { files, options } = workerData as WorkerInput;
  const send = (message: WorkerMessage): void => port.postMessage(message);
  evaluateFiles(files, { ...options, onProgress: (stage, fraction) => send({ type: 'progress', stage, fraction }) })
    .then((output) => send({ type: 'done', output }))
    .catch((error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error), input: error instanceof InputError || error instanceof RangeError }),
    );
}
