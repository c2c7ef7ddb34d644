import type { ExtractionLimits } from '../extract/extraction-limits.js';
import type { OcrSettings } from '../ocr/ocr-settings.js';
import type { ScreeningModel } from '../screening/model/screening-model.js';
import type { TaskError } from './worker-messages.js';

/** One input for a screening worker: a file to read, bytes already read (stdin), or a known failure. */
export type ScreenTask = (
  { path: string } | { path: string; bytes: Uint8Array } | { path: string; error: TaskError }
) &
  ScreenTaskOptions;

/** What a task may ask beyond the pool's settings (ingest asks for all three). */
export interface ScreenTaskOptions {
  /** What results and messages call the input (default: its path, which may be a staged file). */
  name?: string;
  /** Keep each document's bytes and text by page in its result, to record it. */
  withContent?: boolean;
  /** Keep at most this many findings of each document (the rest are counted). */
  maxFindings?: number;
  /** Screen with this model rather than the one shipped with simwatch (same catalogue). */
  model?: ScreeningModel;
  /** False: do not read pages by OCR for this task, even when the pool's settings allow it. */
  ocr?: boolean;
}

/** Settings every screening worker receives when it starts. */
export interface ScreenWorkerData {
  threshold?: number;
  limits: ExtractionLimits;
  /** How pages without a text layer, and images, are read (each worker has its own engine). */
  ocr: OcrSettings;
}

/** What a screening worker tells the pool when it is ready. */
export interface ScreenWorkerInfo {
  catalogueVersion: string;
  /** The version of the model shipped with simwatch, which tasks without a model use. */
  modelVersion: string;
}
