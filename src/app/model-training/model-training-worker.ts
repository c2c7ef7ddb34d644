// A worker thread that trains the screening model for the register, so that the web server goes
// on answering while it runs (training takes tens of seconds of CPU). It builds its own
// dependencies from the server's configuration through the composition root, trains, records the
// activation (or the refusal) and says how it went.
import { parentPort, workerData } from 'node:worker_threads';

import { createAppDeps } from '../create-app-deps.js';
import { describeError } from '../../errors.js';
import { trainModelForRegister } from '../../register/models/models-service.js';
import type { TrainingWorkerData, TrainingWorkerMessage } from './training-worker-messages.js';

const port = parentPort;
if (!port) throw new Error('The training worker must run in a worker thread');
const send = (message: TrainingWorkerMessage) => {
  port.postMessage(message);
};

const { config, request } = workerData as TrainingWorkerData;
try {
  const deps = await createAppDeps(config, { warn: () => undefined });
  try {
    const { activation } = await trainModelForRegister(deps, {
      corpusPaths: request.corpusPaths,
      ...(request.ordinaryFolder === null ? {} : { ordinaryFolder: request.ordinaryFolder }),
      actor: request.actor,
      progress: (step) => {
        send({ kind: 'progress', step });
      },
    });
    send({ kind: 'activated', activation });
  } finally {
    await deps.close();
  }
} catch (error) {
  send({ kind: 'failed', error: describeError(error) });
}
