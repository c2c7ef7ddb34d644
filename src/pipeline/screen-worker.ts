// A worker thread of the screening pool: builds the engine once, then screens one input per task.
import { workerData } from 'node:worker_threads';

import { createOcrPageReader } from '../ocr/create-page-reader.js';
import type { ScreenedDocument } from '../screening/document-screening.js';
import type { ScreeningModel } from '../screening/model/screening-model.js';
import { screenDocument, screenFile } from '../screening/screen-document.js';
import { createScreeningEngine, type ScreeningEngine } from '../screening/screening-engine.js';
import { failedScreening } from './failed-screening.js';
import type { ScreenTask, ScreenWorkerData, ScreenWorkerInfo } from './screen-task.js';
import { serveWorkerTasks } from './serve-worker-tasks.js';

await serveWorkerTasks<ScreenTask, ScreenedDocument, ScreenWorkerInfo>(() => {
  const { threshold, limits, ocr } = workerData as ScreenWorkerData;
  // Built on the first page that needs OCR, then kept for the worker's life.
  const ocrReader = createOcrPageReader(ocr);
  const shipped = createScreeningEngine();
  // The register's active model, built once per version (it changes rarely).
  let other: ScreeningEngine | undefined;
  const engineFor = (model: ScreeningModel | undefined): ScreeningEngine => {
    // A model trained with another catalogue cannot read passages through this one.
    if (!model || model.version === shipped.modelVersion) return shipped;
    if (model.catalogueVersion !== shipped.catalogueVersion) return shipped;
    if (other?.modelVersion !== model.version)
      other = createScreeningEngine({ catalogue: shipped.catalogue, model });
    return other;
  };
  return {
    info: { catalogueVersion: shipped.catalogueVersion, modelVersion: shipped.modelVersion },
    async handle(task, emit, extend) {
      const engine = engineFor(task.model);
      if ('error' in task) {
        emit(failedScreening(task.path, task.error, engine.catalogueVersion));
        return;
      }
      const options = {
        engine,
        threshold,
        limits,
        withContent: task.withContent,
        maxFindings: task.maxFindings,
        ocrDpi: ocr.dpi,
        ...(ocr.enabled && task.ocr !== false
          ? {
              // Each page read by OCR has its own time limit, so the document is given that much more.
              readImage: (png: Uint8Array) => {
                extend(ocr.pageTimeoutMs);
                return ocrReader.read(png);
              },
            }
          : {}),
      };
      const results =
        'bytes' in task
          ? screenDocument(task.bytes, task.name ?? task.path, options)
          : screenFile(task.path, { ...options, name: task.name });
      for await (const screening of results) emit(screening);
    },
  };
});
