import { describe, expect, it } from 'vitest';

import { stripMarkdown } from './strip-markdown.js';

describe('stripMarkdown()', () => {
  it.each([
    ['# Heading', 'Heading'],
    ['### Closed heading ###', 'Closed heading'],
    ['#hashtag stays', '#hashtag stays'],
    ['- bullet item', 'bullet item'],
    ['  * nested bullet', 'nested bullet'],
    ['+ plus bullet', 'plus bullet'],
    ['12. numbered item', 'numbered item'],
    ['> quoted text', 'quoted text'],
    ['**bold** and __strong__', 'bold and strong'],
    ['*italic* and _emphasis_', 'italic and emphasis'],
    ['snake_case_name and 2 * 3 * 4', 'snake_case_name and 2 * 3 * 4'],
    ['see [the report](https://example.org/r.pdf) now', 'see the report now'],
    ['![a chart](chart.png)', 'a chart'],
    ['run `npm test` first', 'run npm test first'],
    ['---', ''],
    ['```ts', ''],
  ])('stripMarkdown() turns %j into %j', (input, expected) => {
    expect(stripMarkdown(input)).toBe(expected);
  });

  it('keeps the number and order of lines', () => {
    expect(stripMarkdown('# A\n\n- b\n- c\n')).toBe('A\n\nb\nc\n');
  });
});
