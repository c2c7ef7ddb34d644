import type { ErrorCode } from '../../errors.js';
import type { ModelActivation } from '../../register/models/model-activation.js';

/** What one training job reads and who asked for it. */
export interface TrainingRequest {
  corpusPaths: readonly string[];
  ordinaryFolder: string | null;
  actor: string;
}

/** How a training job ended: a model made active, or an error (`model_not_better` a refusal). */
export type TrainingOutcome =
  | { kind: 'activated'; activation: ModelActivation }
  | { kind: 'failed'; error: { code: ErrorCode; message: string } };

/**
 * Trains a model for the register (in a worker thread, see `trainInWorker`), telling each step as
 * it finishes. Never rejects: a failure is an outcome. Stops early when `signal` aborts.
 */
export type TrainModel = (
  request: TrainingRequest,
  options: { onProgress: (step: string) => void; signal: AbortSignal },
) => Promise<TrainingOutcome>;

interface JobStart {
  startedBy: string;
  startedAt: string;
  /** The steps finished so far, in order. */
  steps: string[];
}

/** The latest training job of this server, as the model page shows it. */
export type TrainingJob =
  | (JobStart & { state: 'running' })
  | (JobStart & { state: 'activated'; finishedAt: string; activation: ModelActivation })
  | (JobStart & {
      state: 'refused' | 'failed';
      finishedAt: string;
      code: ErrorCode;
      message: string;
    });

/** Retraining the screening model, one job at a time, its state kept in memory. */
export interface ModelTraining {
  /** The latest job since the server started, or undefined. */
  current(): TrainingJob | undefined;
  /** Starts a job; false (changing nothing) when one is already running. */
  start(request: TrainingRequest): boolean;
  /** Resolves once no job is running (tests wait on this). */
  idle(): Promise<void>;
  /** Stops a running job (its worker) and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * Keeps the state of training jobs: running with its steps so far, then activated, refused or
 * failed. After a model is made active, `afterActivation` runs (the server screens with the new
 * model and signs the record) before the job says so.
 */
export function createModelTraining(options: {
  train: TrainModel;
  now: () => Date;
  afterActivation: (activation: ModelActivation) => Promise<void>;
  /** Told of failures that are not simwatch's own errors. */
  logError: (error: unknown) => void;
}): ModelTraining {
  let job: TrainingJob | undefined;
  let running: Promise<void> | undefined;
  let controller: AbortController | undefined;

  async function run(request: TrainingRequest, started: JobStart): Promise<void> {
    controller = new AbortController();
    const steps: string[] = [];
    const outcome = await options
      .train(request, {
        onProgress: (step) => {
          steps.push(step);
          if (job?.state === 'running') job = { ...job, steps: [...steps] };
        },
        signal: controller.signal,
      })
      .catch((error: unknown): TrainingOutcome => {
        options.logError(error);
        return { kind: 'failed', error: { code: 'internal', message: 'Training stopped' } };
      });
    const finished = { ...started, steps, finishedAt: options.now().toISOString() };
    if (outcome.kind === 'activated') {
      try {
        await options.afterActivation(outcome.activation);
        job = { ...finished, state: 'activated', activation: outcome.activation };
      } catch (error) {
        options.logError(error);
        job = {
          ...finished,
          state: 'failed',
          code: 'internal',
          message: `Model ${outcome.activation.version} was made active, but this server could not start screening with it: restart the server`,
        };
      }
      return;
    }
    const { code, message } = outcome.error;
    job = { ...finished, state: code === 'model_not_better' ? 'refused' : 'failed', code, message };
  }

  return {
    current: () => job,
    start(request) {
      if (job?.state === 'running') return false;
      const started: JobStart = {
        startedBy: request.actor,
        startedAt: options.now().toISOString(),
        steps: [],
      };
      job = { ...started, state: 'running' };
      running = run(request, started).finally(() => {
        running = undefined;
        controller = undefined;
      });
      return true;
    },
    async idle() {
      await running;
    },
    async stop() {
      controller?.abort();
      await running;
    },
  };
}
