import { describe, expect, it } from 'vitest';

import { pageReadingNotes } from './page-reading-notes.js';

describe('pageReadingNotes()', () => {
  it('says how many pages OCR read, with its mean confidence, and that they may hold errors', () => {
    expect(pageReadingNotes({ ocrPages: 3, ocrConfidence: 91, unreadPages: 0 })).toEqual([
      '3 pages were read by OCR (mean confidence 91%): their text may hold reading errors.',
    ]);
  });

  it('says pages that could not be read were not screened, so the document is not clean', () => {
    expect(pageReadingNotes({ ocrPages: 1, ocrConfidence: 88, unreadPages: 1 })).toEqual([
      '1 page was read by OCR (mean confidence 88%): its text may hold reading errors.',
      '1 page could not be read, so it was not screened: the document is not known to be clean.',
    ]);
  });

  it('says nothing when every page had a text layer', () => {
    expect(pageReadingNotes({ ocrPages: 0, ocrConfidence: null, unreadPages: 0 })).toEqual([]);
  });
});
