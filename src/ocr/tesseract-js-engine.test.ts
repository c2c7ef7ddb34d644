import { afterAll, describe, expect, it } from 'vitest';

import { makeScannedPage } from './scanned-pages/make-scanned-page.js';
import { createTesseractJsEngine, tesseractJsEngineName } from './tesseract-js-engine.js';

const sentence = 'The police officer attended the ward round and sat in on the care review.';
const engine = createTesseractJsEngine();

afterAll(() => engine.close());

describe('createTesseractJsEngine()', () => {
  it('reads the text of a scanned page, with its confidence and its name and version', async () => {
    const { png } = await makeScannedPage(sentence);
    const result = await engine.recognise(png, { timeoutMs: 60_000 });
    expect(result.text.replace(/\s+/g, ' ').trim()).toBe(sentence);
    expect(result.confidence).toBeGreaterThan(80);
    expect(result.confidence).toBeLessThanOrEqual(100);
    expect(result.engine).toBe(tesseractJsEngineName);
    expect(engine.name).toMatch(/^tesseract\.js 7\.\d+\.\d+ \(eng 4\.0\.0\)$/);
  }, 60_000);

  it('gives up on a page after the time limit, then reads the next page with a new worker', async () => {
    const { png } = await makeScannedPage(sentence, { seed: 2 });
    await expect(engine.recognise(png, { timeoutMs: 1 })).rejects.toMatchObject({
      code: 'timeout',
      message: 'Cannot read the page by OCR: it took longer than 0.001 seconds',
    });
    const result = await engine.recognise(png, { timeoutMs: 60_000 });
    expect(result.text).toContain('police officer');
  }, 60_000);
});
