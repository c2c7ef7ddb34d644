import { defaultExtractionLimits, type ExtractionLimits } from '../extract/extraction-limits.js';
import { SimwatchError } from '../errors.js';
import type { OcrSettings } from '../ocr/ocr-settings.js';
import type { ScreenedDocument } from '../screening/document-screening.js';
import type { ScreenTaskOptions } from './screen-task.js';
import {
  createScreeningPool,
  defaultTimeoutSeconds,
  type ScreeningPool,
} from './screening-pool.js';

/** A document to read: a file (read in the worker, within the limits) or bytes already in hand. */
export type DocumentSource = { path: string } | { bytes: Uint8Array };

/**
 * The one place documents are extracted and screened for the register (`simwatch ingest`, web
 * uploads): a worker thread with a time limit and a memory cap, so a hostile or huge file never
 * holds the caller's event loop or exhausts its memory. A plain service: start, use, stop.
 */
export interface DocumentPipeline {
  /**
   * Reads a document and everything inside it (email attachments, archive members), depth first,
   * each with its content and findings. A document that cannot be read is a result with an error;
   * a document that exceeds the time limit or the memory cap, or kills its worker, rejects with
   * `timeout`, `out_of_memory` or `internal`.
   */
  read(
    source: DocumentSource,
    options: { name: string } & Omit<ScreenTaskOptions, 'name' | 'withContent'>,
  ): Promise<ScreenedDocument[]>;
  /** The version of the model the workers screen with when a read names none, once known. */
  readonly shippedModelVersion: string | undefined;
  /** Starts the worker now rather than on the first read. */
  start(): Promise<void>;
  /** Stops the worker; reads after this reject. */
  stop(): Promise<void>;
}

/** The pipeline's limits: one worker, the per-file time limit and memory cap of `simwatch screen`. */
export interface DocumentPipelineOptions {
  timeoutMs?: number;
  /** The worker's old-generation heap, in MB (default: as `simwatch screen --jobs 1`). */
  memoryMb?: number;
  limits?: ExtractionLimits;
  /** How pages without a text layer are read (default: OCR on, no cache; a read may turn it off). */
  ocr?: OcrSettings;
}

/** Builds the document pipeline; its worker starts on the first read (or `start()`). */
export function createDocumentPipeline(options: DocumentPipelineOptions = {}): DocumentPipeline {
  const pool: ScreeningPool = createScreeningPool({
    jobs: 1,
    timeoutMs: options.timeoutMs ?? defaultTimeoutSeconds * 1000,
    memoryMb: options.memoryMb,
    limits: options.limits ?? defaultExtractionLimits,
    ocr: options.ocr,
  });
  return {
    async read(source, readOptions) {
      const documents: ScreenedDocument[] = [];
      const task = {
        ...readOptions,
        withContent: true,
        ...('bytes' in source
          ? { path: readOptions.name, bytes: source.bytes }
          : { path: source.path }),
      };
      const failure = await pool.run(task, (document) => documents.push(document));
      if (failure)
        throw new SimwatchError(
          failure.code,
          `Cannot screen "${readOptions.name}": ${failure.detail}`,
        );
      return documents;
    },
    get shippedModelVersion() {
      return pool.info?.modelVersion;
    },
    start: () => pool.start(),
    stop: () => pool.close(),
  };
}
