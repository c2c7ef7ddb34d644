import type { ErrorCode } from '../errors.js';
import type { DocumentScreening } from '../screening/document-screening.js';
import { failedScreening } from '../pipeline/failed-screening.js';
import type { ScreenTask } from '../pipeline/screen-task.js';
import type { ScreeningPool } from '../pipeline/screening-pool.js';

/** Optional hooks while screening a batch. */
export interface ParallelScreeningOptions {
  /** Called each time an input (with all its children) is finished, in the order they finish. */
  onInputDone?: (finished: number) => void;
}

interface InputState {
  results: DocumentScreening[];
  done: boolean;
}

const inputEnd = Symbol('input end');

const hints: Partial<Record<ErrorCode, string>> = {
  timeout: ' (set --timeout to allow longer)',
  out_of_memory: ' (try --jobs 1, which gives the one worker more memory)',
  internal: '; this is a bug in simwatch, please report it',
};

/**
 * Screens inputs on a pool of worker threads and yields every result in input order, each as soon
 * as everything before it has been yielded. Only a bounded window of inputs runs ahead of the
 * consumer, so memory stays bounded however many inputs there are. Stopping early leaves tasks
 * running: close the pool to end them.
 */
export async function* screenInParallel(
  inputs: readonly ScreenTask[],
  pool: ScreeningPool,
  options: ParallelScreeningOptions = {},
): AsyncGenerator<DocumentScreening> {
  const window = Math.max(64, pool.size * 4);
  const running = new Map<number, InputState>();
  const ready: (DocumentScreening | typeof inputEnd)[] = [];
  let started = 0;
  let next = 0;
  let yielded = 0;
  let finished = 0;
  let fatal: { error: unknown } | undefined;
  let wake: (() => void) | undefined;

  const notify = () => {
    wake?.();
    wake = undefined;
  };

  // Moves results of the input next in order, and of every finished one after it, to `ready`.
  const release = () => {
    for (let state = running.get(next); state; state = running.get(next)) {
      ready.push(...state.results.splice(0));
      if (!state.done) break;
      running.delete(next);
      ready.push(inputEnd);
      next += 1;
    }
    notify();
  };

  const start = (index: number) => {
    const task = inputs[index];
    if (!task) return;
    const state: InputState = { results: [], done: false };
    running.set(index, state);
    const onResult = (result: DocumentScreening) => {
      state.results.push(withSizeHint(result));
      if (index === next) release();
    };
    pool.run(task, onResult).then(
      (failure) => {
        if (failure) {
          const message = `Cannot screen "${task.path}": ${failure.detail}${hints[failure.code] ?? ''}`;
          const version = pool.info?.catalogueVersion ?? 'unknown';
          state.results.push(failedScreening(task.path, { code: failure.code, message }, version));
        }
        state.done = true;
        finished += 1;
        options.onInputDone?.(finished);
        release();
      },
      (error: unknown) => {
        fatal ??= { error };
        notify();
      },
    );
  };

  for (;;) {
    while (started < inputs.length && started < yielded + window) start(started++);
    if (fatal) throw fatal.error;
    const item = ready.shift();
    if (item === inputEnd) yielded += 1;
    else if (item) yield item;
    else if (yielded === inputs.length) return;
    else await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** A file over the size limit, with the option that changes the limit. */
function withSizeHint(result: DocumentScreening): DocumentScreening {
  if (result.error?.code !== 'file_too_large' || result.parent !== null) return result;
  const message = `${result.error.message} (set --max-file-size to change it)`;
  return { ...result, error: { ...result.error, message } };
}
