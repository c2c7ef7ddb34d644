import { findWords } from './find-words.js';
import type { PreparedCatalogue } from './prepare-catalogue.js';
import { readParagraph } from './read-paragraph.js';
import { wholePassageOf, type PassageReading } from './read-passages.js';

/**
 * Reads a piece of text as one passage, the way screening reads a window of sentences: how a
 * labelled passage is turned into what the model learns from. Undefined when no candidate
 * proposes any label (screening would never show such a passage to the model).
 */
export function readTextAsPassage(
  text: string,
  prepared: PreparedCatalogue,
): PassageReading | undefined {
  const page = { number: null, text };
  findWords(prepared.indicatorFinder, text, 0, text.length, prepared.indicatorWords);
  const reading = readParagraph(page, { start: 0, end: text.length }, 0, prepared);
  return reading && wholePassageOf(reading, prepared);
}
