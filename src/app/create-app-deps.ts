import { loadConfig, type Config } from '../config/load-config.js';
import { SimwatchError } from '../errors.js';
import {
  createDocumentPipeline,
  type DocumentPipelineOptions,
} from '../pipeline/document-pipeline.js';
import { activationInUse } from '../register/models/model-activation.js';
import { loadActiveModel, type ActiveModel } from '../register/models/models-service.js';
import type { RegisterDeps } from '../register/register-deps.js';
import { loadCatalogue } from '../screening/load-catalogue.js';
import { createScreeningEngine, type ScreeningEngine } from '../screening/screening-engine.js';
import { createBlobStore } from '../store/blob-store.js';
import { createDatabase } from '../store/create-database.js';

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
  /** The document pipeline's limits (tests lower them). */
  pipeline?: DocumentPipelineOptions;
}

/**
 * The composition root: configuration, then the database (migrated), the document store, the
 * register's active screening model, the screening engine (built on first use with that model,
 * or with the model shipped with simwatch when there is none or it cannot be used), and the
 * document pipeline that extracts and screens in a worker (started on first use).
 */
export async function createAppDeps(
  config: Config = loadConfig(),
  options: AppDepsOptions = {},
): Promise<AppDeps> {
  const database = await createDatabase(config);
  const blobs = createBlobStore(config.documentsDir);
  const warn = options.warn ?? ((message) => process.stderr.write(`Warning: ${message}\n`));
  let active: ActiveModel | undefined;
  let loadProblem: string | null = null;
  let engine: ScreeningEngine | undefined;
  let warning: string | null = null;

  const readActiveModel = async () => {
    try {
      active = await loadActiveModel({ database, blobs });
      loadProblem = null;
    } catch (error) {
      // A register whose model file is lost or damaged still opens: screening falls back.
      if (!(error instanceof SimwatchError) || error.code !== 'invalid_model') throw error;
      active = undefined;
      loadProblem = `${error.message}: screening uses the model shipped with simwatch instead`;
    }
    engine = undefined;
  };
  const buildEngine = (): ScreeningEngine => {
    const catalogue = loadCatalogue();
    const choice = activationInUse(active?.activation, catalogue.version);
    warning = loadProblem ?? choice.warning;
    if (warning) warn(warning);
    return createScreeningEngine({
      catalogue,
      ...(choice.activation && active ? { model: active.model } : {}),
    });
  };

  const pipeline = createDocumentPipeline(options.pipeline);
  try {
    await readActiveModel();
  } catch (error) {
    await database.db.destroy();
    throw error;
  }
  return {
    config,
    database,
    blobs,
    engine: () => (engine ??= buildEngine()),
    activeModel: () => active?.model,
    refreshEngine: readActiveModel,
    engineWarning() {
      engine ??= buildEngine();
      return warning;
    },
    pipeline,
    now: options.now ?? (() => new Date()),
    async close() {
      await pipeline.stop();
      await database.db.destroy();
    },
  };
}
