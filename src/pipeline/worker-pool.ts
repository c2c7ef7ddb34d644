import { Worker } from 'node:worker_threads';

import { SimwatchError, type ErrorCode } from '../errors.js';
import type { WorkerMessage } from './worker-messages.js';

/** How many workers to run, how long a task may take and how much memory each worker may use. */
export interface WorkerPoolOptions {
  size: number;
  /** A task running longer than this is abandoned and its worker replaced (also the start-up limit). */
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
  workerData?: unknown;
  /**
   * The most extra time a task may be given at its worker's request (such as one OCR time limit
   * per page read by OCR), in ms; 0 (the default) grants none.
   */
  maxExtensionMs?: number;
}

/** Why a task did not finish: a code and a detail to end a sentence such as `Cannot screen "x": …`. */
export interface TaskFailure {
  code: ErrorCode;
  detail: string;
}

/** A pool of worker threads running one task each at a time; a worker that fails is replaced. */
export interface WorkerPool<Task, Item, Info> {
  /** Runs a task, passing each item the worker produces to `onItem`; resolves with null or the failure. */
  run(task: Task, onItem: (item: Item) => void): Promise<TaskFailure | null>;
  /** The most workers running at once. */
  readonly size: number;
  /** Starts every worker now rather than on demand; resolves when all are ready. */
  start(): Promise<void>;
  /** What the workers said about themselves when they started, once one has. */
  readonly info: Info | undefined;
  close(): Promise<void>;
}

interface Job<Task, Item> {
  task: Task;
  onItem: (item: Item) => void;
  resolve: (failure: TaskFailure | null) => void;
  reject: (error: Error) => void;
}

interface Slot<Task, Item> {
  worker: Worker;
  ready: boolean;
  gone: boolean;
  job?: Job<Task, Item>;
  timer?: NodeJS.Timeout;
  /** When the running task's time is up (ms since the epoch), and the extra time it has had. */
  deadline?: number;
  extended?: number;
}

/**
 * Starts a pool of workers running the script at `url` (which calls `serveWorkerTasks`). Workers
 * start on demand; a task that times out, runs out of memory or crashes its worker resolves with a
 * failure and the worker is replaced. A worker that cannot start makes every task reject.
 */
export function createWorkerPool<Task, Item, Info>(
  url: URL,
  options: WorkerPoolOptions,
): WorkerPool<Task, Item, Info> {
  const slots = new Set<Slot<Task, Item>>();
  const queue: Job<Task, Item>[] = [];
  let info: Info | undefined;
  let fatal: Error | undefined;
  let closed = false;
  const startWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const seconds = formatMs(options.timeoutMs);

  function spawn(): void {
    const worker = new Worker(url, {
      workerData: options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb },
    });
    const slot: Slot<Task, Item> = { worker, ready: false, gone: false };
    slots.add(slot);
    slot.timer = setTimeout(() => {
      failAll(
        new SimwatchError('timeout', `Cannot start a worker: it was not ready within ${seconds}`),
      );
    }, options.timeoutMs);
    worker.on('message', (message: WorkerMessage<Item, Info>) => {
      onMessage(slot, message);
    });
    worker.on('error', (error) => {
      onStopped(slot, error);
    });
    worker.on('exit', (exitCode) => {
      onStopped(slot, new Error(`the worker stopped unexpectedly with exit code ${exitCode}`));
    });
  }

  function onMessage(slot: Slot<Task, Item>, message: WorkerMessage<Item, Info>): void {
    if (slot.gone) return;
    switch (message.kind) {
      case 'ready':
        clearTimeout(slot.timer);
        slot.ready = true;
        // An idle worker does not keep the process alive; one with a task does (see dispatch).
        slot.worker.unref();
        info = message.info;
        pump();
        announceReady();
        return;
      case 'setup_failed':
        failAll(new SimwatchError(message.error.code, message.error.message));
        return;
      case 'item':
        slot.job?.onItem(message.item);
        return;
      case 'extend':
        extend(slot, message.ms);
        return;
      case 'done':
        finish(slot, null);
        return;
      case 'failed':
        finish(slot, { code: message.error.code, detail: message.error.message });
        return;
    }
  }

  function finish(slot: Slot<Task, Item>, failure: TaskFailure | null): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    slot.worker.unref();
    job?.resolve(failure);
    pump();
  }

  function onStopped(slot: Slot<Task, Item>, error: Error): void {
    if (slot.gone) return;
    const job = slot.job;
    retire(slot);
    if (job) {
      job.resolve(failureOf(error));
    } else if (!slot.ready) {
      failAll(new SimwatchError('internal', `Cannot start a worker: ${error.message}`));
    }
    pump();
  }

  function failureOf(error: Error): TaskFailure {
    if ('code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      const limit = `${options.maxOldGenerationSizeMb} MB`;
      return { code: 'out_of_memory', detail: `it needed more than the ${limit} a worker may use` };
    }
    return { code: 'internal', detail: error.message };
  }

  function retire(slot: Slot<Task, Item>): void {
    slot.gone = true;
    clearTimeout(slot.timer);
    slots.delete(slot);
    void slot.worker.terminate();
  }

  function dispatch(slot: Slot<Task, Item>, job: Job<Task, Item>): void {
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage(job.task);
    slot.extended = 0;
    setDeadline(slot, job, Date.now() + options.timeoutMs);
  }

  function setDeadline(slot: Slot<Task, Item>, job: Job<Task, Item>, deadline: number): void {
    clearTimeout(slot.timer);
    slot.deadline = deadline;
    slot.timer = setTimeout(
      () => {
        retire(slot);
        const extra = slot.extended
          ? ` (and ${formatMs(slot.extended)} more for pages read by OCR)`
          : '';
        job.resolve({ code: 'timeout', detail: `it took longer than ${seconds}${extra}` });
        pump();
      },
      Math.max(0, deadline - Date.now()),
    );
  }

  function extend(slot: Slot<Task, Item>, ms: number): void {
    const job = slot.job;
    if (!job || slot.deadline === undefined) return;
    const granted = Math.min(ms, (options.maxExtensionMs ?? 0) - (slot.extended ?? 0));
    if (!(granted > 0)) return;
    slot.extended = (slot.extended ?? 0) + granted;
    setDeadline(slot, job, slot.deadline + granted);
  }

  function pump(): void {
    if (fatal || closed) return;
    for (const slot of slots) {
      const job = slot.ready && !slot.job ? queue.shift() : undefined;
      if (job) dispatch(slot, job);
    }
    const starting = [...slots].filter((slot) => !slot.ready).length;
    for (let i = starting; i < queue.length && slots.size < options.size; i++) spawn();
  }

  function announceReady(): void {
    if (slots.size < options.size || [...slots].some((slot) => !slot.ready)) return;
    for (const waiter of startWaiters.splice(0)) waiter.resolve();
  }

  function failAll(error: Error): void {
    if (fatal) return;
    fatal = error;
    for (const slot of [...slots]) {
      const job = slot.job;
      retire(slot);
      job?.reject(error);
    }
    for (const job of queue.splice(0)) job.reject(error);
    for (const waiter of startWaiters.splice(0)) waiter.reject(error);
  }

  return {
    run(task, onItem) {
      return new Promise((resolve, reject) => {
        if (fatal) reject(fatal);
        else if (closed) reject(new Error('Cannot run a task: the worker pool is closed'));
        else {
          queue.push({ task, onItem, resolve, reject });
          pump();
        }
      });
    },
    size: options.size,
    start() {
      return new Promise((resolve, reject) => {
        if (fatal || closed) {
          reject(fatal ?? new Error('Cannot start the worker pool: it is closed'));
          return;
        }
        while (slots.size < options.size) spawn();
        startWaiters.push({ resolve, reject });
        announceReady();
      });
    },
    get info() {
      return info;
    },
    async close() {
      closed = true;
      const stopping = [...slots].map((slot) => {
        slot.gone = true;
        clearTimeout(slot.timer);
        return slot.worker.terminate();
      });
      slots.clear();
      for (const job of queue.splice(0)) job.reject(new Error('The worker pool was closed'));
      await Promise.all(stopping);
    },
  };
}

function formatMs(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
