import { describe, expect, it } from 'vitest';
import { parseTerm } from '../load-catalogue.js';
import { splitSentences } from '../split-text.js';
import { analyseSentence, combineSentences, quoteOffsets } from './analyse-passage.js';
import { indexFrames } from './find-frames.js';

const index = indexFrames([
  { name: 'police', means: 'police', terms: [{ source: 'police', words: parseTerm('police') }] },
]);

function analyse(text: string) {
  const whole = { start: 0, end: text.length };
  const quotes = quoteOffsets(text, whole);
  return combineSentences(
    splitSentences(text, whole).map((span) => analyseSentence(text, span, index, quotes)),
  );
}

describe('analysing a passage', () => {
  it('marks a frame within a few words after "not", "never" or "n\'t" as negated', () => {
    expect(analyse('The police are not involved.').frames[0]?.negated).toBe(false);
    expect(analyse('There are no police in the team.').frames[0]?.negated).toBe(true);
    expect(analyse("We don't involve the police.").frames[0]?.negated).toBe(true);
    expect(
      analyse('Not once in a long and busy year did the police come.').frames[0]?.negated,
    ).toBe(false);
  });

  it('knows a quotation that runs over two sentences', () => {
    const analysis = analyse('He said: "It was late. The police came." Then he left.');
    expect(analysis.frames).toEqual([expect.objectContaining({ sentence: 1, quoted: true })]);
    expect(analysis.hasQuotation).toBe(true);
    expect(analyse('The police came.').frames[0]?.quoted).toBe(false);
  });

  it('notes a question and numbers each frame by its sentence', () => {
    const analysis = analyse('Who called? The police did.');
    expect(analysis.hasQuestion).toBe(true);
    expect(analysis.sentences).toHaveLength(2);
    expect(analysis.frames.map((hit) => hit.sentence)).toEqual([1]);
  });
});
