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
import type { Screening } from './set-up-screening.js';

/** Everything the CLI and the web app run on, built in one place. */
export interface AppDeps extends RegisterDeps {
  config: Config;
  /**
   * Why screening does not use the register's active model, when it cannot (then it uses the
   * model shipped with simwatch); null when all is well. Builds the engine if need be.
   */
  engineWarning(): string | null;
  /** Stops the document pipeline's worker and closes the database connection. */
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
}

/**
 * The composition root: configuration, then the database (migrated), the document store, the
 * register's active screening model, the screening engine (built on first use with that model,
 * or with the model shipped with simwatch when there is none or it cannot be used), and the
 * signing of the record after each change (the key is made on first use when there is none),
 * and the document pipeline that extracts and screens in a worker (started on first use).
 */
export async function createAppDeps(
  config: Config = loadConfig(),
  options: AppDepsOptions = {},
): Promise<AppDeps> {
  const database = await createDatabase(config);
  const blobs = createBlobStore(config.documentsDir);
  const warn = options.warn ?? ((message) => process.stderr.write(`Warning: ${message}\n`));
  let screening: Screening;
  let signingKey: Promise<SigningKey> | undefined;
  const now = options.now ?? (() => new Date());
  const signer = createRecordSigner(
    { database, now },
    () => (signingKey ??= loadSigningKey(config.signingKeyPath, { create: true })),
  );
  const pipeline = createDocumentPipeline(options.pipeline);
  try {
    // Opening an older register may have recorded its accounts (see store/migrations): sign them.
    if (database.recordGrewOnOpening) await signer.signRecord();
    screening =
      options.screening === false
        ? withoutScreening()
        : await import('./set-up-screening.js').then(({ setUpScreening }) =>
            setUpScreening({ database, blobs }, warn),
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
    pipeline,
    now,
    signRecord: async () => {
      await signer.signRecord();
    },
    async close() {
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
