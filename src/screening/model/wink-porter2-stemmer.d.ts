declare module 'wink-porter2-stemmer' {
  /** Reduces an English word to its Porter2 stem ("prosecution" → "prosecut"). */
  export default function stem(word: string): string;
}
