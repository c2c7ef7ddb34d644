import type { DocumentPipeline } from '../pipeline/document-pipeline.js';
import type { ScreeningModel } from '../screening/model/screening-model.js';
import type { ScreeningEngine } from '../screening/screening-engine.js';
import type { BlobStore } from '../store/blob-store.js';
import type { RegisterDatabase } from '../store/create-database.js';

/** The register's database, as the web and the CLI hold it (they never query it themselves). */
export type { RegisterDatabase };

/** What the register's services need: built once by the composition root (see app/). */
export interface RegisterDeps {
  database: RegisterDatabase;
  blobs: BlobStore;
  /**
   * Builds the screening engine when first needed (loading the catalogue takes a moment), with
   * the register's active model, or the model shipped with simwatch when there is none.
   */
  engine: () => ScreeningEngine;
  /** Extracts and screens documents in a worker, with a time limit and a memory cap. */
  pipeline: DocumentPipeline;
  /**
   * The register's active model as last read (undefined: screen with the model shipped with
   * simwatch), without building an engine.
   */
  activeModel: () => ScreeningModel | undefined;
  /** Reads the register's active model again: the next `engine()` screens with it. */
  refreshEngine: () => Promise<void>;
  /** The current time; tests fix it. */
  now: () => Date;
  /**
   * Signs a checkpoint of the record once it has grown: `recordChange` calls it after every
   * change, so no edge has to remember to. The composition root always sets it; deps built
   * without it (some tests, benchmarks that sign once at the end) leave changes unsigned, and
   * `ledger verify` then says so.
   */
  signRecord?: () => Promise<void>;
}
