import { SimwatchError } from '../errors.js';
import type { OcrEngine } from './ocr-engine.js';
import type { OcrEngineChoice } from './ocr-settings.js';
import { createTesseractJsEngine } from './tesseract-js-engine.js';

/** Builds the OCR engine chosen; `auto` is tesseract.js, which needs nothing installed. */
export function createOcrEngine(choice: OcrEngineChoice): OcrEngine {
  switch (choice) {
    case 'auto':
    case 'tesseract.js':
      return createTesseractJsEngine();
    case 'tesseract':
      throw new SimwatchError(
        'invalid_input',
        'Cannot use the OCR engine "tesseract": this build only has "tesseract.js"',
      );
  }
}
