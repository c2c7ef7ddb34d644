import { Worker } from 'node:worker_threads';

import type { Config } from '../../config/load-config.js';
import type { TrainModel, TrainingOutcome } from './model-training.js';
import type { TrainingWorkerData, TrainingWorkerMessage } from './training-worker-messages.js';

/** How long a worker that has said how training ended may take to close the register. */
const closingMs = 15_000;

// The compiled worker beside this module. Under the test runner this module runs from src/ as
// TypeScript, which a worker thread cannot load: the worker then runs from dist/ (built first).
const workerUrl = new URL(
  './model-training-worker.js',
  import.meta.url.replace(/\/src\/(.*)\.ts$/, '/dist/$1.js'),
);

/**
 * Trains the model in a worker thread of its own (see model-training-worker.ts), which opens the
 * register with the server's configuration. Unexpected failures are logged and reported as
 * `internal`, without their details.
 */
export function trainInWorker(
  config: Config,
  options: { logError: (message: string) => void },
): TrainModel {
  return (request, { onProgress, signal }) =>
    new Promise<TrainingOutcome>((resolve) => {
      const workerData: TrainingWorkerData = { config, request };
      const worker = new Worker(workerUrl, { workerData });
      let outcome: TrainingOutcome | undefined;
      let closing: NodeJS.Timeout | undefined;
      const stop = () => void worker.terminate();
      signal.addEventListener('abort', stop, { once: true });
      worker.on('message', (message: TrainingWorkerMessage) => {
        if (message.kind === 'progress') {
          onProgress(message.step);
          return;
        }
        // Its work is done: should closing its database hang, it is stopped.
        closing = setTimeout(stop, closingMs);
        if (message.kind === 'activated') outcome = message;
        else if (message.error.code === 'internal') {
          options.logError(message.error.message);
          outcome = { kind: 'failed', error: { code: 'internal', message: 'Training failed' } };
        } else outcome = message;
      });
      worker.on('error', (error) => {
        options.logError(`The training worker failed: ${error.message}`);
      });
      worker.on('exit', () => {
        clearTimeout(closing);
        signal.removeEventListener('abort', stop);
        resolve(
          outcome ?? {
            kind: 'failed',
            error: {
              code: 'internal',
              message: signal.aborted ? 'Training was stopped' : 'Training failed',
            },
          },
        );
      });
    });
}
