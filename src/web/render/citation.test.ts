import { describe, expect, it } from 'vitest';

import { formatCitation, type CitationInput } from './citation.js';

const input: CitationInput = {
  title: 'Board paper',
  permalink: 'https://register.example.org/documents/4',
  dates: [
    { name: 'Document date', date: '2023-09-28' },
    { name: 'Status since', date: null },
  ],
  details: [{ name: 'Document SHA-256', value: 'ab'.repeat(32) }],
  accessedOn: '2026-12-07',
  checkpoint: { treeSize: 40, rootHash: 'cd'.repeat(32), time: '2026-12-07T10:00:00.000Z' },
  recordSize: 40,
};

describe('formatCitation()', () => {
  it('gives one line per fact, in words and long dates', () => {
    expect(formatCitation(input).split('\n')).toEqual([
      'Title: Board paper',
      'Permalink: https://register.example.org/documents/4',
      'Document date: 28 September 2023',
      'Status since: none',
      `Document SHA-256: ${'ab'.repeat(32)}`,
      'Accessed: 7 December 2026',
      `Record checkpoint: tree size 40 (events 1 to 40), root hash (SHA-256) ${'cd'.repeat(32)}, signed 2026-12-07T10:00:00.000Z`,
    ]);
  });

  it('says when the latest events are not signed yet, or when nothing is', () => {
    expect(formatCitation({ ...input, recordSize: 42 })).toContain(
      '(the record has 42 events; the latest are not signed yet)',
    );
    expect(formatCitation({ ...input, checkpoint: undefined })).toContain(
      'Record checkpoint: none signed yet',
    );
  });
});
