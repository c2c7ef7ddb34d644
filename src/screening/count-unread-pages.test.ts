import { describe, expect, it } from 'vitest';

import { countUnreadPages } from './count-unread-pages.js';

describe('countUnreadPages()', () => {
  it('counts each page not read once, whether OCR was off, failed or the page was damaged', () => {
    expect(
      countUnreadPages([
        { code: 'repaired', message: 'The PDF is damaged' },
        { code: 'needs_ocr', page: 2, message: 'Page 2 needs OCR' },
        { code: 'ocr_failed', page: 3, message: 'Page 3 could not be read by OCR' },
        { code: 'damaged_page', page: 5, message: 'Page 5 is damaged' },
        { code: 'damaged_page', page: 5, message: 'Page 5 is damaged' },
        { code: 'page_limit', message: 'Only the first 5 pages were read' },
      ]),
    ).toBe(3);
  });

  it('counts nothing when every page was read', () => {
    expect(countUnreadPages([{ code: 'encoding_guessed', message: 'Read as Windows-1252' }])).toBe(
      0,
    );
  });
});
