import type { ExtractionLimits } from '../extract/extraction-limits.js';
import type { TaskError } from './worker-messages.js';

/** One input for a screening worker: a file to read, bytes already read (stdin), or a known failure. */
export type ScreenTask =
  { path: string } | { path: string; bytes: Uint8Array } | { path: string; error: TaskError };

/** Settings every screening worker receives when it starts. */
export interface ScreenWorkerData {
  threshold?: number;
  limits: ExtractionLimits;
}

/** What a screening worker tells the pool when it is ready. */
export interface ScreenWorkerInfo {
  catalogueVersion: string;
}
