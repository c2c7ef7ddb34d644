import { createRequire } from 'node:module';

import { createWorker, OEM, type Worker } from 'tesseract.js';

import { SimwatchError } from '../errors.js';
import type { OcrEngine, OcrResult } from './ocr-engine.js';

const require = createRequire(import.meta.url);

// The English model ships as a package, so nothing is ever downloaded.
const englishData = require('@tesseract.js-data/eng') as { langPath: string };
const tesseractVersion = (require('tesseract.js/package.json') as { version: string }).version;
const dataVersion = englishData.langPath.split(/[\\/]/).pop() ?? 'unknown';

/** The name tesseract.js pages are recorded with, such as `tesseract.js 7.0.0 (eng 4.0.0)`. */
export const tesseractJsEngineName = `tesseract.js ${tesseractVersion} (eng ${dataVersion})`;

/**
 * OCR with tesseract.js (Tesseract compiled to WebAssembly, LSTM model, English). Its one worker is
 * made on the first page, and thrown away and made again after a page runs out of time, since a
 * busy WebAssembly worker cannot be interrupted any other way.
 */
export function createTesseractJsEngine(): OcrEngine {
  let worker: Promise<Worker> | undefined;
  const start = () =>
    createWorker('eng', OEM.LSTM_ONLY, {
      langPath: englishData.langPath,
      gzip: true,
      cacheMethod: 'none',
    });
  const stop = async () => {
    const current = worker;
    worker = undefined;
    if (current) await (await current.catch(() => undefined))?.terminate();
  };
  return {
    name: tesseractJsEngineName,
    async recognise(png, { timeoutMs }): Promise<OcrResult> {
      worker ??= start();
      const current = worker;
      let timer: NodeJS.Timeout | undefined;
      const timeLimit = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(
            new SimwatchError(
              'timeout',
              `Cannot read the page by OCR: it took longer than ${formatSeconds(timeoutMs)}`,
            ),
          );
        }, timeoutMs);
      });
      const reading = current.then((ready) => ready.recognize(Buffer.from(png)));
      // The losing side of the race must not become an unhandled rejection.
      reading.catch(() => undefined);
      try {
        const { data } = await Promise.race([reading, timeLimit]);
        return { text: data.text, confidence: data.confidence, engine: tesseractJsEngineName };
      } catch (error) {
        // After a time limit or a crash the worker's state is unknown: the next page gets a new one.
        if (worker === current) await stop();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    close: stop,
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
