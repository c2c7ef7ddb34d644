import { afterEach, describe, expect, it } from 'vitest';

import { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from './worker-pool.js';

const fixture = new URL('./test-support/pool-test-worker.js', import.meta.url);

interface TestTask {
  action:
    'echo' | 'slow-echo' | 'extend-echo' | 'hang' | 'spin' | 'reject' | 'crash' | 'exit' | 'oom';
  items?: string[];
  ms?: number;
  steps?: number;
  extendMs?: number;
}

let pool: WorkerPool<TestTask, string, { startedAt: number }> | undefined;

function startPool(options: Partial<WorkerPoolOptions> = {}) {
  pool = createWorkerPool<TestTask, string, { startedAt: number }>(fixture, {
    size: 1,
    timeoutMs: 5_000,
    maxOldGenerationSizeMb: 64,
    ...options,
  });
  return pool;
}

async function collect(task: TestTask) {
  const items: string[] = [];
  const failure = await (pool ?? startPool()).run(task, (item) => items.push(item));
  return { items, failure };
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('createWorkerPool()', () => {
  it('passes on every item a task produces, then resolves with no failure', async () => {
    startPool();
    expect(await collect({ action: 'echo', items: ['a', 'b'] })).toEqual({
      items: ['a', 'b'],
      failure: null,
    });
    expect(pool?.info?.startedAt).toBeTypeOf('number');
  });

  it('runs tasks on several workers at once', async () => {
    startPool({ size: 2 });
    const arrivals: number[] = [];
    const slowTask = (name: string) =>
      pool?.run({ action: 'slow-echo', ms: 800, items: [name] }, () => arrivals.push(Date.now()));
    await Promise.all([slowTask('one'), slowTask('two')]);
    // One after the other, the second item would come at least 800 ms after the first.
    expect(Math.abs((arrivals[1] ?? 0) - (arrivals[0] ?? 0))).toBeLessThan(500);
  });

  it('times out a task that hangs, replaces the worker and goes on', async () => {
    startPool({ timeoutMs: 1_500 });
    expect(await collect({ action: 'hang' })).toEqual({
      items: ['started'],
      failure: { code: 'timeout', detail: 'it took longer than 1.5 s' },
    });
    expect((await collect({ action: 'spin' })).failure?.code).toBe('timeout');
    expect(await collect({ action: 'echo', items: ['after'] })).toEqual({
      items: ['after'],
      failure: null,
    });
  });

  it('gives a task the extra time its worker asks for, up to the most allowed', async () => {
    startPool({ timeoutMs: 1_000, maxExtensionMs: 10_000 });
    // Three steps of 600 ms: 1.8 s in all, which fits only with the 3 × 800 ms asked for.
    const task: TestTask = {
      action: 'extend-echo',
      steps: 3,
      ms: 600,
      extendMs: 800,
      items: ['done'],
    };
    expect(await collect(task)).toEqual({ items: ['done'], failure: null });
  });

  it('times out a task that asks for more extra time than allowed, saying how much it had', async () => {
    startPool({ timeoutMs: 1_000, maxExtensionMs: 500 });
    const task: TestTask = {
      action: 'extend-echo',
      steps: 3,
      ms: 600,
      extendMs: 800,
      items: ['done'],
    };
    expect(await collect(task)).toEqual({
      items: [],
      failure: {
        code: 'timeout',
        detail: 'it took longer than 1 s (and 0.5 s more for pages read by OCR)',
      },
    });
  });

  it('grants no extra time unless the pool allows it', async () => {
    startPool({ timeoutMs: 1_000 });
    const task: TestTask = {
      action: 'extend-echo',
      steps: 3,
      ms: 600,
      extendMs: 800,
      items: ['done'],
    };
    expect((await collect(task)).failure?.code).toBe('timeout');
  });

  it('reports a worker that crashes or exits as internal and replaces it', async () => {
    startPool();
    const crash = await collect({ action: 'crash' });
    expect(crash.failure).toEqual({
      code: 'internal',
      detail: 'the test asked the worker to crash',
    });
    const exit = await collect({ action: 'exit' });
    expect(exit.failure).toEqual({
      code: 'internal',
      detail: 'the worker stopped unexpectedly with exit code 3',
    });
    expect((await collect({ action: 'echo', items: ['still here'] })).items).toEqual([
      'still here',
    ]);
  });

  it('reports a worker that runs out of memory as out_of_memory and replaces it', async () => {
    startPool({ maxOldGenerationSizeMb: 32 });
    expect((await collect({ action: 'oom' })).failure).toEqual({
      code: 'out_of_memory',
      detail: 'it needed more than the 32 MB a worker may use',
    });
    expect((await collect({ action: 'echo', items: ['recovered'] })).items).toEqual(['recovered']);
  });

  it('reports a task that throws inside the worker without replacing the worker', async () => {
    startPool();
    await collect({ action: 'echo', items: [] });
    const firstWorker = pool?.info;
    expect((await collect({ action: 'reject' })).failure).toEqual({
      code: 'internal',
      detail: 'Unexpected error: the test asked the task to fail',
    });
    await collect({ action: 'echo', items: [] });
    expect(pool?.info).toBe(firstWorker);
  });

  it('rejects every task when a worker cannot start', async () => {
    startPool({ workerData: { failSetup: true } });
    await expect(collect({ action: 'echo', items: ['never'] })).rejects.toThrow(
      'Unexpected error: the test asked setup to fail',
    );
  });
});
