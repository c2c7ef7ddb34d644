import type { ErrorCode } from '../errors.js';

/** A failure reported by a worker: a code from the closed list and a message. */
export interface TaskError {
  code: ErrorCode;
  message: string;
}

/** What a pool worker sends to the pool, in order: `ready` once, then items and an end per task. */
export type WorkerMessage<Item, Info> =
  | { kind: 'ready'; info: Info }
  | { kind: 'setup_failed'; error: TaskError }
  | { kind: 'item'; item: Item }
  /** More time for the running task (an OCR page, which has its own time limit), in ms. */
  | { kind: 'extend'; ms: number }
  | { kind: 'done' }
  | { kind: 'failed'; error: TaskError };
