import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { OcrEngine, OcrResult } from './ocr-engine.js';

/** Pages already read, on disk, keyed by the page image and the engine that read it. */
export interface OcrCache {
  find(png: Uint8Array, engine: string): Promise<OcrResult | undefined>;
  save(png: Uint8Array, result: OcrResult): Promise<void>;
}

/**
 * A disk cache in `dir`: one JSON file per page, named by the SHA-256 of the engine's name and
 * the PNG. Writes go to a temporary file renamed into place, so a reader never sees half a file;
 * an entry that cannot be read or parsed is treated as missing, and a failed write is ignored
 * (the page is simply read again next time).
 */
export function createOcrCache(dir: string): OcrCache {
  const pathOf = (png: Uint8Array, engine: string) => {
    const key = createHash('sha256').update(engine).update('\0').update(png).digest('hex');
    return { folder: join(dir, key.slice(0, 2)), file: join(dir, key.slice(0, 2), `${key}.json`) };
  };
  return {
    async find(png, engine) {
      try {
        const entry: unknown = JSON.parse(await readFile(pathOf(png, engine).file, 'utf8'));
        return isOcrResult(entry) && entry.engine === engine ? entry : undefined;
      } catch {
        return undefined;
      }
    },
    async save(png, result) {
      const { folder, file } = pathOf(png, result.engine);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(folder, { recursive: true });
        const { text, confidence, engine } = result;
        await writeFile(temporary, JSON.stringify({ text, confidence, engine }));
        await rename(temporary, file);
      } catch {
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    },
  };
}

/** An engine that looks in the cache first and keeps what the engine reads there. */
export function withOcrCache(engine: OcrEngine, cache: OcrCache): OcrEngine {
  return {
    name: engine.name,
    async recognise(png, options) {
      const cached = await cache.find(png, engine.name);
      if (cached) return cached;
      const result = await engine.recognise(png, options);
      await cache.save(png, result);
      return result;
    },
    close: () => engine.close(),
  };
}

function isOcrResult(value: unknown): value is OcrResult {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.text === 'string' &&
    typeof entry.confidence === 'number' &&
    typeof entry.engine === 'string'
  );
}
