// A worker for the worker-pool tests: each task says what to do, including hanging and crashing.
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { workerData } from 'node:worker_threads';

import { serveWorkerTasks } from '../../../dist/pipeline/serve-worker-tasks.js';

await serveWorkerTasks(() => {
  if (workerData?.failSetup) throw new Error('the test asked setup to fail');
  return {
    info: { startedAt: Date.now() },
    async handle(task, emit, extend) {
      switch (task.action) {
        case 'extend-echo':
          for (let step = 0; step < task.steps; step++) {
            extend(task.extendMs);
            await new Promise((resolve) => setTimeout(resolve, task.ms));
          }
          for (const item of task.items) emit(item);
          return;
        case 'echo':
          for (const item of task.items) emit(item);
          return;
        case 'slow-echo':
          await new Promise((resolve) => setTimeout(resolve, task.ms));
          for (const item of task.items) emit(item);
          return;
        case 'hang':
          emit('started');
          await new Promise(() => {});
          return;
        case 'spin':
          for (;;);
        case 'reject':
          throw new Error('the test asked the task to fail');
        case 'crash':
          setTimeout(() => {
            throw new Error('the test asked the worker to crash');
          });
          await new Promise(() => {});
          return;
        case 'exit':
          process.exit(3);
          return;
        case 'oom': {
          const hoard = [];
          for (;;) hoard.push(new Array(100_000).fill({ hoard }));
        }
      }
    },
  };
});
