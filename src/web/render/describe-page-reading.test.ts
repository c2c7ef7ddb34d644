import { describe, expect, it } from 'vitest';

import {
  describeOcr,
  describeUnreadCount,
  describeUnreadPages,
  ocrEngineName,
} from './describe-page-reading.js';

describe('describeOcr()', () => {
  it('names the engine as people know it and its confidence, rounded', () => {
    expect(describeOcr({ engine: 'tesseract.js 7.0.0 (eng 4.0.0)', confidence: 91.4 })).toBe(
      'Text read by OCR (Tesseract, confidence 91%); it may hold reading errors',
    );
  });

  it('says nothing of text that was in the file', () => {
    expect(describeOcr({ engine: null, confidence: null })).toBe('');
    expect(describeOcr(null)).toBe('');
    expect(describeOcr(undefined)).toBe('');
  });

  it('leaves out a confidence the engine did not give', () => {
    expect(describeOcr({ engine: 'tesseract 5.3.0', confidence: null })).toBe(
      'Text read by OCR (Tesseract); it may hold reading errors',
    );
  });
});

describe('ocrEngineName()', () => {
  it('keeps the first word of an engine it does not know', () => {
    expect(ocrEngineName('tesseract 5.3.0 (Debian)')).toBe('Tesseract');
    expect(ocrEngineName('paddle 2.1')).toBe('paddle');
  });
});

describe('describeUnreadPages()', () => {
  it('says a document with unread pages is not known to be clean', () => {
    expect(describeUnreadPages(1)).toBe(
      '1 page could not be read, so this document is not known to be clean',
    );
    expect(describeUnreadPages(1200)).toBe(
      '1,200 pages could not be read, so this document is not known to be clean',
    );
  });

  it('says nothing when every page was read or the count was not kept', () => {
    expect(describeUnreadPages(0)).toBe('');
    expect(describeUnreadPages(null)).toBe('');
  });
});

describe('describeUnreadCount()', () => {
  it('counts unread pages briefly for lists', () => {
    expect(describeUnreadCount(1)).toBe('1 page not read');
    expect(describeUnreadCount(3)).toBe('3 pages not read');
    expect(describeUnreadCount(0)).toBe('');
  });
});
