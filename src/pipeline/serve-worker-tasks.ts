import { parentPort } from 'node:worker_threads';

import { describeError } from '../errors.js';
import type { WorkerMessage } from './worker-messages.js';

/** What a pool worker does: describe itself once, then handle tasks one at a time. */
export interface WorkerService<Task, Item, Info> {
  info: Info;
  /** `extend` asks the pool for more time for this task (within the pool's allowance). */
  handle(task: Task, emit: (item: Item) => void, extend: (ms: number) => void): Promise<void>;
}

/** Runs inside a worker thread: sets up the service, then answers the pool's tasks. */
export async function serveWorkerTasks<Task, Item, Info>(
  setUp: () => WorkerService<Task, Item, Info> | Promise<WorkerService<Task, Item, Info>>,
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTasks() must run inside a worker thread');
  const send = (message: WorkerMessage<Item, Info>) => {
    port.postMessage(message);
  };
  let service: WorkerService<Task, Item, Info>;
  try {
    service = await setUp();
  } catch (error) {
    send({ kind: 'setup_failed', error: describeError(error) });
    return;
  }
  // The pool sends one task at a time and waits for its end, so tasks never overlap here.
  port.on('message', (task: Task) => {
    const emit = (item: Item) => {
      send({ kind: 'item', item });
    };
    const extend = (ms: number) => {
      send({ kind: 'extend', ms });
    };
    service.handle(task, emit, extend).then(
      () => {
        send({ kind: 'done' });
      },
      (error: unknown) => {
        send({ kind: 'failed', error: describeError(error) });
      },
    );
  });
  send({ kind: 'ready', info: service.info });
}
