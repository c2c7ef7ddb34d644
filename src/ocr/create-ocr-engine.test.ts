import { describe, expect, it } from 'vitest';

import { createOcrEngine } from './create-ocr-engine.js';
import { tesseractCliAvailable } from './tesseract-cli-engine.js';
import { tesseractJsEngineName } from './tesseract-js-engine.js';

describe('createOcrEngine()', () => {
  it('chooses tesseract.js for auto, the engine that read every measured page', async () => {
    const engine = createOcrEngine('auto');
    expect(engine.name).toBe(tesseractJsEngineName);
    await engine.close();
  });

  it('gives tesseract.js when asked for it by name', () => {
    expect(createOcrEngine('tesseract.js').name).toMatch(/^tesseract\.js 7\./);
  });

  it.runIf(tesseractCliAvailable())(
    'gives Debian\'s tesseract command when asked for "tesseract"',
    () => {
      expect(createOcrEngine('tesseract').name).toMatch(/^tesseract 5\.\S+ \(eng\)$/);
    },
  );

  it.skipIf(tesseractCliAvailable())('says how to install tesseract when it is missing', () => {
    expect(() => createOcrEngine('tesseract')).toThrow(
      /install the Debian packages tesseract-ocr and tesseract-ocr-eng/,
    );
  });
});
