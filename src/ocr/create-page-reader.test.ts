import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { createOcrPageReader } from './create-page-reader.js';
import type { OcrEngine } from './ocr-engine.js';

function fakeEngine(log: string[]): OcrEngine {
  return {
    name: 'fake 1',
    recognise(png, { timeoutMs }) {
      log.push(`read ${png.length} bytes within ${timeoutMs} ms`);
      return Promise.resolve({ text: 'words', confidence: 90, engine: 'fake 1' });
    },
    close() {
      log.push('closed');
      return Promise.resolve();
    },
  };
}

describe('createOcrPageReader()', () => {
  it('builds its engine only when a page needs it, and reads with the per-page time limit', async () => {
    const log: string[] = [];
    const settings = { engine: 'auto', pageTimeoutMs: 1234, cacheDir: null } as const;
    const createEngine = () => {
      log.push('built');
      return fakeEngine(log);
    };
    const idle = createOcrPageReader(settings, { createEngine });
    await idle.close();
    expect(log).toEqual([]);
    const reader = createOcrPageReader(settings, { createEngine });
    await reader.read(new Uint8Array(3));
    await reader.read(new Uint8Array(4));
    await reader.close();
    expect(log).toEqual([
      'built',
      'read 3 bytes within 1234 ms',
      'read 4 bytes within 1234 ms',
      'closed',
    ]);
  });

  it('looks in the cache folder first when the settings name one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'simwatch-ocr-reader-'));
    try {
      const log: string[] = [];
      const settings = { engine: 'auto', pageTimeoutMs: 1000, cacheDir: dir } as const;
      for (let run = 0; run < 2; run++) {
        const reader = createOcrPageReader(settings, { createEngine: () => fakeEngine(log) });
        expect(await reader.read(new Uint8Array(5))).toMatchObject({ text: 'words' });
      }
      expect(log).toEqual(['read 5 bytes within 1000 ms']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
