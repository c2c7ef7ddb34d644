import type { OcrEngine } from './ocr-engine.js';
import type { OcrEngineChoice } from './ocr-settings.js';
import { createTesseractCliEngine } from './tesseract-cli-engine.js';
import { createTesseractJsEngine } from './tesseract-js-engine.js';

/**
 * Builds the OCR engine chosen. `auto` is tesseract.js: on the generated pages of
 * `npm run bench:ocr` it read every page (99.9% of characters at 300 dpi), where Debian's
 * `tesseract` 5.3 with automatic page segmentation lost whole pages set 2° askew, and it needs
 * nothing installed (docs/ocr.md has the figures). `tesseract` throws when the command is missing.
 */
export function createOcrEngine(choice: OcrEngineChoice): OcrEngine {
  switch (choice) {
    case 'auto':
    case 'tesseract.js':
      return createTesseractJsEngine();
    case 'tesseract':
      return createTesseractCliEngine();
  }
}
