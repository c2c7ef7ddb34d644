import type { ExtractionLimits } from '../extract/extraction-limits.js';
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
}

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
  const workerData: ScreenWorkerData = { threshold: options.threshold, limits: options.limits };
  return createWorkerPool(workerUrl, {
    size: options.jobs,
    timeoutMs: options.timeoutMs,
    maxOldGenerationSizeMb: options.memoryMb ?? workerMemoryMb(options.jobs),
    workerData,
  });
}
