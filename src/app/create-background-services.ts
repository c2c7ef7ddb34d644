import type { RegisterDeps } from '../register/register-deps.js';
import { createUploadQueue, type QueueLog, type UploadQueue } from '../uploads/upload-queue.js';
import type { Config } from '../config/load-config.js';
import {
  createModelTraining,
  type ModelTraining,
  type TrainModel,
} from './model-training/model-training.js';
import { trainInWorker } from './model-training/train-in-worker.js';

/** The services that work in the background of a web server. */
export interface BackgroundServices {
  /** Screens uploaded documents; the web server starts it, `close()` stops it. */
  uploadQueue: UploadQueue;
  /** Retrains the screening model when an administrator asks; `close()` stops a running job. */
  modelTraining: ModelTraining;
}

/**
 * Builds the upload queue (not started: only a web server starts it) and model training (by
 * default in a worker thread; the server screens with the new model once it is active).
 */
export function createBackgroundServices(
  deps: RegisterDeps & { config: Config },
  options: { log: QueueLog; trainModel?: TrainModel | undefined },
): BackgroundServices {
  const { log } = options;
  const logError = (error: unknown) => {
    log.error({ err: error }, 'Model training failed');
  };
  return {
    uploadQueue: createUploadQueue({ deps, log }),
    modelTraining: createModelTraining({
      train:
        options.trainModel ??
        trainInWorker(deps.config, {
          logError: (message) => {
            log.error({}, message);
          },
        }),
      now: deps.now,
      async afterActivation() {
        // The worker recorded the activation: this process screens with the new model from now.
        await deps.refreshEngine();
      },
      logError,
    }),
  };
}
