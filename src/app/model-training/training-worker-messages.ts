import type { Config } from '../../config/load-config.js';
import type { ErrorCode } from '../../errors.js';
import type { ModelActivation } from '../../register/models/model-activation.js';
import type { TrainingRequest } from './model-training.js';

/** What the training worker is started with: the server's configuration and the job. */
export interface TrainingWorkerData {
  config: Config;
  request: TrainingRequest;
}

/** What the training worker tells the server: each step, then how it ended. */
export type TrainingWorkerMessage =
  | { kind: 'progress'; step: string }
  | { kind: 'activated'; activation: ModelActivation }
  | { kind: 'failed'; error: { code: ErrorCode; message: string } };
