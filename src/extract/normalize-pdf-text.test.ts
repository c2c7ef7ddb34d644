import { describe, expect, it } from 'vitest';

import { normalizePdfText } from './normalize-pdf-text.js';

describe('normalizePdfText()', () => {
  it.each([
    [
      'ligatures',
      '\ufb01nance \ufb02ow e\ufb00ort o\ufb03ce ba\ufb04e',
      'finance flow effort office baffle',
    ],
    ['no-break spaces', 'Section\u00a012 of\u202fthe Act', 'Section 12 of the Act'],
    ['soft hyphens', 'inter\u00adagency', 'interagency'],
    ['trailing spaces', 'line one  \nline two\t\n', 'line one\nline two'],
    ['runs of blank lines', 'block one\n\n\n\nblock two\n\n', 'block one\n\nblock two'],
  ])('normalizePdfText() tidies %s', (_what, input, expected) => {
    expect(normalizePdfText(input)).toBe(expected);
  });
});
