import { createOcrEngine } from './create-ocr-engine.js';
import { createOcrCache, withOcrCache } from './ocr-cache.js';
import type { OcrEngine, OcrResult } from './ocr-engine.js';
import type { OcrSettings } from './ocr-settings.js';

/** Reads page images by OCR with the settings' engine, cache and per-page time limit. */
export interface OcrPageReader {
  read(png: Uint8Array): Promise<OcrResult>;
  /** Stops the engine if it was started. */
  close(): Promise<void>;
}

/**
 * A page reader whose engine is built on the first page that needs it (most documents have a
 * text layer, and starting an engine takes a while), looking in the cache first when there is one.
 */
export function createOcrPageReader(
  settings: Pick<OcrSettings, 'engine' | 'pageTimeoutMs' | 'cacheDir'>,
  options: { createEngine?: (settings: Pick<OcrSettings, 'engine'>) => OcrEngine } = {},
): OcrPageReader {
  let engine: OcrEngine | undefined;
  const build = () => {
    const made = (options.createEngine ?? ((chosen) => createOcrEngine(chosen.engine)))(settings);
    return settings.cacheDir === null
      ? made
      : withOcrCache(made, createOcrCache(settings.cacheDir));
  };
  return {
    read(png) {
      engine ??= build();
      return engine.recognise(png, { timeoutMs: settings.pageTimeoutMs });
    },
    async close() {
      await engine?.close();
    },
  };
}
