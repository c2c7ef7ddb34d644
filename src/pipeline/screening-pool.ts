import type { ExtractionLimits } from '../extract/extraction-limits.js';
import { defaultOcrSettings, type OcrSettings } from '../ocr/ocr-settings.js';
import type { ScreenedDocument } from '../screening/document-screening.js';
import type { ScreenTask, ScreenWorkerData, ScreenWorkerInfo } from './screen-task.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

/** A pool of screening workers, each with its own engine. */
export type ScreeningPool = WorkerPool<ScreenTask, ScreenedDocument, ScreenWorkerInfo>;

/** How many workers, the per-input time limit, the threshold and the extraction limits. */
export interface ScreeningPoolOptions {
  jobs: number;
  timeoutMs: number;
  threshold?: number;
  limits: ExtractionLimits;
  /** Each worker's old-generation heap in MB (default: `workerMemoryMb(jobs)`). */
  memoryMb?: number;
  /** How pages without a text layer are read (default: `defaultOcrSettings`, OCR on, no cache). */
  ocr?: OcrSettings;
}

/**
 * The most extra time one document may be given for its OCR pages: each page read by OCR adds its
 * own time limit to the document's, up to this much (an hour), so a scanned reply of any usual
 * length fits while a hostile file of thousands of image pages still ends.
 */
export const maxOcrExtensionMs = 60 * 60 * 1000;

/** The default per-file time limit of every pool (`simwatch screen --timeout`, ingest, uploads). */
export const defaultTimeoutSeconds = 120;

// The compiled worker beside this module. Under the test runner this module runs from src/ as
// TypeScript, which a worker thread cannot load: the worker then runs from dist/ (built first).
const workerUrl = new URL(
  './screen-worker.js',
  import.meta.url.replace(/\/src\/(.*)\.ts$/, '/dist/$1.js'),
);

/** The old-generation heap each worker may use: a share of 768 MB, never below 256 MB. */
export function workerMemoryMb(jobs: number): number {
  return Math.max(256, Math.floor(768 / jobs));
}

/** Starts (on demand) the worker threads that screen documents; close it when done. */
export function createScreeningPool(options: ScreeningPoolOptions): ScreeningPool {
  const ocr = options.ocr ?? defaultOcrSettings;
  const workerData: ScreenWorkerData = {
    threshold: options.threshold,
    limits: options.limits,
    ocr,
  };
  return createWorkerPool(workerUrl, {
    size: options.jobs,
    timeoutMs: options.timeoutMs,
    maxExtensionMs: ocr.enabled ? maxOcrExtensionMs : 0,
    maxOldGenerationSizeMb: options.memoryMb ?? workerMemoryMb(options.jobs),
    workerData,
  });
}
