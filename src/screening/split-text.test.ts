import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../seeded-random.js';
import { splitParagraphs, splitSentences } from './split-text.js';

function sentencesOf(text: string): string[] {
  return splitSentences(text, { start: 0, end: text.length }).map((span) =>
    text.slice(span.start, span.end),
  );
}

describe('splitSentences()', () => {
  it('splits at full stops followed by a capital', () => {
    expect(sentencesOf('One thing. Another thing! A third? Yes.')).toEqual([
      'One thing.',
      'Another thing!',
      'A third?',
      'Yes.',
    ]);
  });

  it('keeps abbreviations and initials inside the sentence', () => {
    expect(sentencesOf('Dr A. Example met Mr Smith, e.g. on Monday. Then left.')).toEqual([
      'Dr A. Example met Mr Smith, e.g. on Monday.',
      'Then left.',
    ]);
  });

  it('joins lines broken inside a sentence and splits at list items', () => {
    expect(sentencesOf('The officer is based\nin the team:\n• first item\n• second item')).toEqual([
      'The officer is based\nin the team:',
      '• first item',
      '• second item',
    ]);
  });

  it('cuts very long runs without punctuation at line ends', () => {
    const table = Array.from(
      { length: 40 },
      (_, index) => `row ${index} with some table cell text`,
    ).join('\n');
    const sentences = sentencesOf(table);
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.every((sentence) => sentence.length <= 800)).toBe(true);
  });
});

describe('splitParagraphs()', () => {
  it('splits at blank lines and skips empty paragraphs', () => {
    const text = 'First para\nline two\n\n\n  \nSecond para';
    expect(splitParagraphs(text).map((span) => text.slice(span.start, span.end))).toEqual([
      'First para\nline two',
      'Second para',
    ]);
  });

  it('splits exactly where the regular expression for a blank line matches', () => {
    // The plain definition: a line break, spaces, tabs or no-break spaces, another line break.
    const byExpression = (text: string): string[] =>
      text
        .split(/\n[ \t\u00a0]*\n/)
        .map((part) => part.trim())
        .filter(Boolean);
    const random = createSeededRandom(11);
    const pieces = ['\n', '\n', ' ', '\t', '\u00a0', '\r', 'a', 'Bc', '.'];
    for (let attempt = 0; attempt < 2000; attempt += 1) {
      const text = Array.from({ length: random.between(0, 14) }, () => random.pick(pieces)).join(
        '',
      );
      const found = splitParagraphs(text).map((span) => text.slice(span.start, span.end));
      expect(found, JSON.stringify(text)).toEqual(byExpression(text));
    }
  });
});
