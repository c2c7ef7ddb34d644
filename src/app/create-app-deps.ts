import { loadConfig, type Config } from '../config/load-config.js';
import type { RegisterDeps } from '../register/register-deps.js';
import { createScreeningEngine, type ScreeningEngine } from '../screening/screening-engine.js';
import { createBlobStore } from '../store/blob-store.js';
import { createDatabase } from '../store/create-database.js';

/** Everything the CLI and the web app run on, built in one place. */
export interface AppDeps extends RegisterDeps {
  config: Config;
  /** Closes the database connection. */
  close(): Promise<void>;
}

/**
 * The composition root: configuration, then the database (migrated), the document store and the
 * screening engine (built on first use).
 */
export async function createAppDeps(
  config: Config = loadConfig(),
  options: { now?: () => Date } = {},
): Promise<AppDeps> {
  const database = await createDatabase(config);
  let engine: ScreeningEngine | undefined;
  return {
    config,
    database,
    blobs: createBlobStore(config.documentsDir),
    engine: () => (engine ??= createScreeningEngine()),
    now: options.now ?? (() => new Date()),
    close: () => database.db.destroy(),
  };
}
