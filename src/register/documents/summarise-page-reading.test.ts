import { describe, expect, it } from 'vitest';

import { summarisePageReading } from './summarise-page-reading.js';

const engine = 'tesseract.js 7.0.0 (eng 4.0.0)';

describe('summarisePageReading()', () => {
  it('counts the pages read by OCR and their mean confidence, rounded', () => {
    const pages = [
      { ocr: { engine, confidence: 90 } },
      {},
      { ocr: { engine, confidence: 93 } },
      { ocr: { engine, confidence: 92 } },
    ];
    expect(summarisePageReading(pages, [])).toEqual({
      ocrPages: 3,
      ocrConfidence: 92,
      unreadPages: 0,
    });
  });

  it('gives no confidence when no page was read by OCR', () => {
    expect(summarisePageReading([{}, {}], [])).toEqual({
      ocrPages: 0,
      ocrConfidence: null,
      unreadPages: 0,
    });
  });

  it('counts pages not read through OCR off, OCR failures and damage, each page once', () => {
    const warnings = [
      { code: 'needs_ocr' as const, message: 'Page 2 has no text layer', page: 2 },
      { code: 'ocr_failed' as const, message: 'Page 3: time limit', page: 3 },
      { code: 'damaged_page' as const, message: 'Page 3 is damaged', page: 3 },
      { code: 'damaged_page' as const, message: 'A page is damaged' },
      { code: 'repaired' as const, message: 'The file was repaired' },
      { code: 'page_limit' as const, message: 'Only the first pages were read' },
    ];
    expect(summarisePageReading([{}, {}, {}], warnings).unreadPages).toBe(3);
  });
});
