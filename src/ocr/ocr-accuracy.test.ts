import { afterAll, describe, expect, it } from 'vitest';

import { createOcrEngine } from './create-ocr-engine.js';
import { characterAccuracy, normaliseWhitespace } from '../bench/character-accuracy.js';
import { makeOcrTestPages } from '../bench/ocr-test-pages.js';

// Five generated scanned pages: each font in turn (Times, Helvetica, Courier, Times bold,
// Helvetica oblique), 10 to 12 pt, skew -2..2° and speckle 0.1-0.5% drawn from a seed. Not timed:
// `npm run bench:ocr` measures speed.
const pageCount = 5;

describe('OCR accuracy with the default engine', () => {
  const engine = createOcrEngine('auto');
  afterAll(() => engine.close());

  it('reads generated scanned pages at 300 dpi with at least 97% character accuracy', async () => {
    const pages = await makeOcrTestPages(pageCount, { dpi: 300 });
    let errors = 0;
    let chars = 0;
    const perPage: string[] = [];
    for (const page of pages) {
      const result = await engine.recognise(page.png, { timeoutMs: 120_000 });
      const length = normaliseWhitespace(page.text).length;
      const accuracy = characterAccuracy(page.text, result.text);
      errors += (1 - accuracy) * length;
      chars += length;
      perPage.push(
        `${page.scan.font} ${page.scan.fontSize} pt, skew ${page.scan.skewDegrees}°: ${(accuracy * 100).toFixed(2)}%`,
      );
      // A page read badly would be hidden by good ones in the total: each must be read too.
      expect(accuracy, perPage.join('; ')).toBeGreaterThanOrEqual(0.95);
    }
    expect(1 - errors / chars, perPage.join('; ')).toBeGreaterThanOrEqual(0.97);
  }, 300_000);
});
