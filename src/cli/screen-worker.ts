// A worker thread of the screening pool: builds the engine once, then screens one input per task.
import { workerData } from 'node:worker_threads';

import type { DocumentScreening } from '../screening/document-screening.js';
import { screenDocument, screenFile } from '../screening/screen-document.js';
import { createScreeningEngine } from '../screening/screening-engine.js';
import { failedScreening } from './failed-screening.js';
import type { ScreenTask, ScreenWorkerData, ScreenWorkerInfo } from './screen-task.js';
import { serveWorkerTasks } from './serve-worker-tasks.js';

await serveWorkerTasks<ScreenTask, DocumentScreening, ScreenWorkerInfo>(() => {
  const { threshold, limits } = workerData as ScreenWorkerData;
  const engine = createScreeningEngine();
  const options = { engine, threshold, limits };
  return {
    info: { catalogueVersion: engine.catalogueVersion },
    async handle(task, emit) {
      if ('error' in task) {
        emit(failedScreening(task.path, task.error, engine.catalogueVersion));
        return;
      }
      const results =
        'bytes' in task
          ? screenDocument(task.bytes, task.path, options)
          : screenFile(task.path, options);
      for await (const screening of results) emit(screening);
    },
  };
});
