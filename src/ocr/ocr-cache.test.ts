import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createOcrCache, withOcrCache } from './ocr-cache.js';
import type { OcrEngine } from './ocr-engine.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'simwatch-ocr-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** An engine that "reads" a page as its byte count and counts how often it was asked. */
function countingEngine(name = 'counting 1.0') {
  const engine = {
    name,
    calls: 0,
    recognise(png: Uint8Array) {
      engine.calls++;
      return Promise.resolve({ text: `${png.length} bytes`, confidence: 91.5, engine: name });
    },
    close: () => Promise.resolve(),
  } satisfies OcrEngine & { calls: number };
  return engine;
}

async function cacheFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('withOcrCache()', () => {
  it('reads a page once: the second read of the same image comes from the cache', async () => {
    const engine = countingEngine();
    const cached = withOcrCache(engine, createOcrCache(dir));
    const page = new Uint8Array([1, 2, 3]);
    const first = await cached.recognise(page, { timeoutMs: 1000 });
    const second = await withOcrCache(engine, createOcrCache(dir)).recognise(page, {
      timeoutMs: 1000,
    });
    expect(second).toEqual(first);
    expect(first).toEqual({ text: '3 bytes', confidence: 91.5, engine: 'counting 1.0' });
    expect(engine.calls).toBe(1);
    expect(await cacheFiles()).toHaveLength(1);
  });

  it('reads again a different image, or the same image with another engine', async () => {
    const one = countingEngine('one 1.0');
    const other = countingEngine('other 2.0');
    const cache = createOcrCache(dir);
    await withOcrCache(one, cache).recognise(new Uint8Array([1]), { timeoutMs: 1000 });
    await withOcrCache(one, cache).recognise(new Uint8Array([2]), { timeoutMs: 1000 });
    await withOcrCache(other, cache).recognise(new Uint8Array([1]), { timeoutMs: 1000 });
    expect([one.calls, other.calls]).toEqual([2, 1]);
  });

  it('ignores an entry it cannot parse, reads the page again and mends the entry', async () => {
    const engine = countingEngine();
    const cached = withOcrCache(engine, createOcrCache(dir));
    const page = new Uint8Array([7, 7]);
    await cached.recognise(page, { timeoutMs: 1000 });
    const [file] = await cacheFiles();
    await writeFile(file ?? '', '{"text": 12');
    expect(await cached.recognise(page, { timeoutMs: 1000 })).toMatchObject({ text: '2 bytes' });
    expect(engine.calls).toBe(2);
    await cached.recognise(page, { timeoutMs: 1000 });
    expect(engine.calls).toBe(2);
  });

  it('still reads pages when the cache folder cannot be written', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'not a folder');
    const engine = countingEngine();
    const cached = withOcrCache(engine, createOcrCache(blocked));
    expect(await cached.recognise(new Uint8Array([1]), { timeoutMs: 1000 })).toMatchObject({
      text: '1 bytes',
    });
    expect(await cacheFiles()).toEqual([blocked]);
  });
});
