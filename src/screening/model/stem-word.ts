import porter2 from 'wink-porter2-stemmer';

/** The Porter2 stem of a lower-case word ("prosecution" → "prosecut"). */
export function stemWord(word: string): string {
  return porter2(word);
}
