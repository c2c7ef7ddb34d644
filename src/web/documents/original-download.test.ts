import { describe, expect, it } from 'vitest';

import { contentTypeOf, downloadFileName } from './original-download.js';

describe('contentTypeOf()', () => {
  it.each([
    ['pdf', 'application/pdf'],
    ['text', 'text/plain'],
    ['markdown', 'text/markdown'],
    ['image/png', 'image/png'],
    ['something odd', 'application/octet-stream'],
  ])('sends %s as %s', (stored, expected) => {
    expect(contentTypeOf(stored)).toBe(expected);
  });
});

describe('downloadFileName()', () => {
  it.each([
    [{ id: 4, fileName: 'board-paper-2023.pdf', mediaType: 'pdf' }, 'board-paper-2023.pdf'],
    [{ id: 4, fileName: 'Board paper (final).PDF', mediaType: 'pdf' }, 'Board-paper-final.pdf'],
    [{ id: 4, fileName: 'notes.txt', mediaType: 'text' }, 'notes.txt'],
    [{ id: 4, fileName: 'a"b;\r\nc.pdf', mediaType: 'pdf' }, 'a-b-c.pdf'],
    [{ id: 4, fileName: '../../etc/passwd', mediaType: 'text' }, 'passwd.txt'],
    [{ id: 4, fileName: '.hidden', mediaType: 'text' }, 'hidden.txt'],
    [{ id: 4, fileName: '...', mediaType: 'text' }, 'document-4.txt'],
    [{ id: 4, fileName: 'Café réunion.md', mediaType: 'markdown' }, 'Cafe-reunion.md'],
    [{ id: 4, fileName: '会议.pdf', mediaType: 'pdf' }, 'document-4.pdf'],
    [{ id: 7, fileName: null, mediaType: 'zip' }, 'document-7.zip'],
    [{ id: 7, fileName: 'x', mediaType: 'unknown' }, 'x'],
  ])('%j is saved as %s', (document, expected) => {
    expect(downloadFileName(document)).toBe(expected);
  });

  it('keeps names short', () => {
    const name = downloadFileName({ id: 1, fileName: `${'a'.repeat(300)}.pdf`, mediaType: 'pdf' });
    expect(name).toHaveLength(100);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
