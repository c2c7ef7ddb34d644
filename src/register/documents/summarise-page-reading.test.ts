import { describe, expect, it } from 'vitest';

import { summarisePageReading } from './summarise-page-reading.js';

const engine = 'tesseract.js 7.0.0 (eng 4.0.0)';

describe('summarisePageReading()', () => {
  it("keeps screening's counts and gives the OCR'd pages' mean confidence, rounded", () => {
    const pages = [
      { ocr: { engine, confidence: 90 } },
      {},
      { ocr: { engine, confidence: 93 } },
      { ocr: { engine, confidence: 92 } },
    ];
    expect(summarisePageReading({ ocrPages: 3, unreadPages: 1 }, pages)).toEqual({
      ocrPages: 3,
      ocrConfidence: 92,
      unreadPages: 1,
    });
  });

  it('gives no confidence when no page was read by OCR', () => {
    expect(summarisePageReading({ ocrPages: 0, unreadPages: 2 }, [{}, {}])).toEqual({
      ocrPages: 0,
      ocrConfidence: null,
      unreadPages: 2,
    });
  });
});
