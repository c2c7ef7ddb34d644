import { describe, expect, it } from 'vitest';

import { highlightSegments } from './highlight-segments.js';

describe('highlightSegments()', () => {
  it('shifts page offsets by the excerpt start and marks the matched words', () => {
    const segments = highlightSegments({
      excerpt: 'The SIM team meets police weekly.',
      start: 100,
      highlights: [
        { start: 104, end: 112 },
        { start: 119, end: 125 },
      ],
    });
    expect(segments).toEqual([
      { text: 'The ', highlighted: false },
      { text: 'SIM team', highlighted: true },
      { text: ' meets ', highlighted: false },
      { text: 'police', highlighted: true },
      { text: ' weekly.', highlighted: false },
    ]);
  });

  it('merges overlapping and touching highlights and clips those outside the excerpt', () => {
    const segments = highlightSegments({
      excerpt: 'abcdefghij',
      start: 10,
      highlights: [
        { start: 14, end: 16 },
        { start: 5, end: 12 },
        { start: 13, end: 15 },
        { start: 15, end: 17 },
        { start: 19, end: 30 },
      ],
    });
    expect(segments).toEqual([
      { text: 'ab', highlighted: true },
      { text: 'c', highlighted: false },
      { text: 'defg', highlighted: true },
      { text: 'hi', highlighted: false },
      { text: 'j', highlighted: true },
    ]);
  });

  it('returns the whole excerpt unmarked when nothing is highlighted', () => {
    expect(highlightSegments({ excerpt: 'plain', start: 0, highlights: [] })).toEqual([
      { text: 'plain', highlighted: false },
    ]);
  });
});
