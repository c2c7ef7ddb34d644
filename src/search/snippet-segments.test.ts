import { describe, expect, it } from 'vitest';

import { redactSegments, snippetSegments } from './snippet-segments.js';

describe('snippetSegments()', () => {
  it.each([
    ['plain text', [{ text: 'plain text', highlighted: false }]],
    [
      '…the \u0001police\u0002 officer…',
      [
        { text: '…the ', highlighted: false },
        { text: 'police', highlighted: true },
        { text: ' officer…', highlighted: false },
      ],
    ],
    [
      '\u0001care\u0002 \u0001coordinator\u0002',
      [
        { text: 'care', highlighted: true },
        { text: ' ', highlighted: false },
        { text: 'coordinator', highlighted: true },
      ],
    ],
    ['\u0001a\u0002\u0001b\u0002', [{ text: 'ab', highlighted: true }]],
    ['stray\u0002 end\u0001', [{ text: 'stray end', highlighted: false }]],
    ['<script>alert(1)</script>', [{ text: '<script>alert(1)</script>', highlighted: false }]],
    ['', []],
  ])('cuts %j into runs', (marked, expected) => {
    expect(snippetSegments(marked)).toEqual(expected);
  });
});

describe('redactSegments()', () => {
  it('removes a name even when a highlight splits it, keeping the other highlights', () => {
    const segments = snippetSegments('Seen by Dr \u0001Smith\u0002 at the \u0001clinic\u0002.');
    expect(redactSegments(segments)).toEqual([
      { text: 'Seen by Dr [name removed] at the ', highlighted: false },
      { text: 'clinic', highlighted: true },
      { text: '.', highlighted: false },
    ]);
  });

  it('removes a phone number in plain text', () => {
    const segments = snippetSegments('\u0001Call\u0002 020 7946 0991 today');
    expect(redactSegments(segments)).toEqual([
      { text: 'Call', highlighted: true },
      { text: ' [phone number removed] today', highlighted: false },
    ]);
  });

  it('leaves text without personal data as it was', () => {
    const segments = snippetSegments('the \u0001police\u0002 officer');
    expect(redactSegments(segments)).toEqual(segments);
  });
});
