import type { ExtractionLimits } from '../extract/extraction-limits.js';
import type { DocumentScreening } from '../screening/document-screening.js';
import type { ScreenTask, ScreenWorkerData, ScreenWorkerInfo } from './screen-task.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

/** A pool of screening workers, each with its own engine. */
export type ScreeningPool = WorkerPool<ScreenTask, DocumentScreening, ScreenWorkerInfo>;

/** How many workers, the per-input time limit, the threshold and the extraction limits. */
export interface ScreeningPoolOptions {
  jobs: number;
  timeoutMs: number;
  threshold?: number;
  limits: ExtractionLimits;
}

// Resolved beside this module, so it finds the compiled worker in dist/cli/.
const workerUrl = new URL('./screen-worker.js', import.meta.url);

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
    maxOldGenerationSizeMb: workerMemoryMb(options.jobs),
    workerData,
  });
}
