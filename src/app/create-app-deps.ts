import { loadConfig, type Config } from '../config/load-config.js';
import { SimwatchError } from '../errors.js';
import type { SigningKey } from '../record/checkpoint.js';
import { loadSigningKey } from '../register/ledger/signing-key-file.js';
import { createRecordSigner } from '../register/ledger/write-checkpoint.js';
import {
  createDocumentPipeline,
  type DocumentPipelineOptions,
} from '../pipeline/document-pipeline.js';
import type { RegisterDeps } from '../register/register-deps.js';
import { createBlobStore } from '../store/blob-store.js';
import { createDatabase } from '../store/create-database.js';
import type { QueueLog } from '../uploads/upload-queue.js';
import type { BackgroundServices } from './create-background-services.js';
import type { TrainModel } from './model-training/model-training.js';
import type { Screening } from './set-up-screening.js';

/** Everything the CLI and the web app run on, built in one place. */
export interface AppDeps extends RegisterDeps, BackgroundServices {
  config: Config;
  /**
   * Why screening does not use the register's active model, when it cannot (then it uses the
   * model shipped with simwatch); null when all is well. Builds the engine if need be.
   */
  engineWarning(): string | null;
  /**
   * Stops the background services (the upload queue finishes its document, a model being
   * trained is stopped), then the document pipeline's worker, and closes the database.
   */
  close(): Promise<void>;
}

/** How the composition root can be set up differently (tests fix the time). */
export interface AppDepsOptions {
  now?: () => Date;
  /** Told when screening cannot use the register's active model (default: standard error). */
  warn?: (message: string) => void;
  /**
   * False for a caller that never screens (`simwatch status`): the screening engine, the
   * catalogue and the model are then not even loaded, and asking for the engine is an error.
   */
  screening?: boolean;
  /** The document pipeline's limits (tests lower them). */
  pipeline?: DocumentPipelineOptions;
  /** Where the background services report problems (the web server's logger; default: stderr). */
  log?: QueueLog;
  /** How the model is trained when an administrator asks (default: in a worker; tests fake it). */
  trainModel?: TrainModel;
}

/**
 * The composition root: configuration, then the database (migrated), the document store, the
 * register's active screening model, the screening engine (built on first use with that model,
 * or with the model shipped with simwatch when there is none or it cannot be used), and the
 * signing of the record after each change (the key is made on first use when there is none),
 * the document pipeline that extracts and screens in a worker (started on first use), and the
 * background services a web server runs: the upload queue (started by the server) and model
 * training. Without screening, the background services are not built either.
 */
export async function createAppDeps(
  config: Config = loadConfig(),
  options: AppDepsOptions = {},
): Promise<AppDeps> {
  const database = await createDatabase(config);
  const blobs = createBlobStore(config.documentsDir);
  const warn = options.warn ?? ((message) => process.stderr.write(`Warning: ${message}\n`));
  let screening: Screening;
  let background: BackgroundServices;
  let signingKey: Promise<SigningKey> | undefined;
  const now = options.now ?? (() => new Date());
  const signer = createRecordSigner(
    { database, now },
    () => (signingKey ??= loadSigningKey(config.signingKeyPath, { create: true })),
  );
  // Uploads and `simwatch ingest` read scanned pages as the register's settings say.
  const pipeline = createDocumentPipeline({ ocr: config.ocr, ...options.pipeline });
  const signRecord = async () => {
    await signer.signRecord();
  };
  try {
    // Opening an older register may have recorded its accounts (see store/migrations): sign them.
    if (database.recordGrewOnOpening) await signer.signRecord();
    screening =
      options.screening === false
        ? withoutScreening()
        : await import('./set-up-screening.js').then(({ setUpScreening }) =>
            setUpScreening({ database, blobs }, warn),
          );
    const registerDeps = { config, database, blobs, ...screening, pipeline, now, signRecord };
    background =
      options.screening === false
        ? withoutBackground()
        : await import('./create-background-services.js').then(({ createBackgroundServices }) =>
            createBackgroundServices(registerDeps, {
              log: options.log ?? stderrLog,
              trainModel: options.trainModel,
            }),
          );
  } catch (error) {
    await database.db.destroy();
    throw error;
  }
  return {
    config,
    database,
    blobs,
    ...screening,
    ...background,
    pipeline,
    now,
    signRecord,
    async close() {
      await Promise.all([background.uploadQueue.stop(), background.modelTraining.stop()]);
      await pipeline.stop();
      await database.db.destroy();
    },
  };
}

function withoutScreening(): Screening {
  const refusal = () =>
    new SimwatchError('internal', 'Cannot screen: the register was opened without screening');
  const refuse = (): never => {
    throw refusal();
  };
  return {
    engine: refuse,
    activeModel: () => undefined,
    refreshEngine: () => Promise.reject(refusal()),
    engineWarning: refuse,
  };
}

/** The background services of a register opened without screening: there is nothing to run. */
function withoutBackground(): BackgroundServices {
  const refuse = (): never => {
    throw new SimwatchError(
      'internal',
      'Cannot run background work: the register was opened without screening',
    );
  };
  return {
    uploadQueue: { start: refuse, wake: refuse, idle: async () => {}, stop: async () => {} },
    modelTraining: {
      current: () => undefined,
      start: refuse,
      idle: async () => {},
      stop: async () => {},
    },
  };
}

/** Reports the background services' problems on standard error (outside a web server). */
const stderrLog: QueueLog = {
  warn: (_details, message) => process.stderr.write(`Warning: ${message}\n`),
  error: (_details, message) => process.stderr.write(`Error: ${message}\n`),
};
