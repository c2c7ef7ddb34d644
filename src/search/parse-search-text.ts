import { englishStopWords } from './english-stop-words.js';

/**
 * A search as the engines are given it: terms that must all be found, each a run of lower-case
 * words (one word, or a phrase whose words must appear together in order).
 */
export type SearchTerms = readonly (readonly string[])[];

/** The most terms one search may hold: enough for any real question, a bound on the work. */
export const maxSearchTerms = 12;

// Letters, digits and combining marks: the characters both engines' tokenizers keep in words.
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Reads what a person typed into search terms. Text in double quotes ("mental health act") is a
 * phrase; an unclosed quote runs to the end. Other text is words, all of which must be found; a
 * word joined by punctuation ("high-intensity", "FOI-2022") becomes a phrase of its parts. Common
 * words ("the", "and") are dropped, except inside a phrase. No character has any other meaning,
 * so nothing typed can make a query the engines reject.
 */
export function parseSearchText(text: string): SearchTerms {
  const terms: string[][] = [];
  const seen = new Set<string>();
  const add = (words: string[]) => {
    const trimmed = trimStopWords(words);
    const key = trimmed.join(' ');
    if (trimmed.length === 0 || seen.has(key) || terms.length >= maxSearchTerms) return;
    seen.add(key);
    terms.push(trimmed);
  };
  const parts = text
    .normalize('NFC')
    .replace(/[“”„‟″]/g, '"')
    .split('"');
  parts.forEach((part, index) => {
    // Odd parts were inside quotes.
    if (index % 2 === 1) add(wordsOf(part));
    else for (const chunk of part.split(/\s+/)) add(wordsOf(chunk));
  });
  return terms;
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(wordPattern) ?? []).slice(0, maxSearchTerms);
}

// Stop words at either end of a phrase add nothing; inside one they keep the words apart.
function trimStopWords(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && englishStopWords.has(words[start] ?? '')) start += 1;
  while (end > start && englishStopWords.has(words[end - 1] ?? '')) end -= 1;
  return words.slice(start, end);
}
